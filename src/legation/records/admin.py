"""Django admin for curators: correct documents and authority records.

Saving or deleting a document here writes a change-log row inside the admin's own transaction,
so the search index follows curators' corrections as it follows ingest.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db import models

from legation.records.agent_keys import merge_agent
from legation.records.dates import edtf_day_bounds
from legation.records.document_record import IDENTIFIER_RULE, RecordError, is_identifier

from legation.records.models import (
    Agent,
    AgentKey,
    AgentName,
    ChangeLogEntry,
    Collection,
    Document,
    DocumentAgent,
    Place,
    PlaceName,
    Repository,
    Subject,
    Text,
)


class TextAreaField(forms.CharField):
    """A text area's value with the line breaks stored texts have. Browsers send a text area's
    line breaks as CRLF (HTML's form submission, "normalize line breaks"), stored texts have LF:
    saving a document unchanged rewrote its texts, which then counted as a curator's correction
    and kept later fixes from its source out. Here line breaks become LF again."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


class PlainTextAreas:
    """Admin forms whose text areas give back what they were given (:class:`TextAreaField`), and
    whose URL fields read a scheme-less link as https (Django 6's default)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return super().formfield_for_dbfield(db_field, request, **_field_options(db_field, kwargs))


def _field_options(field: models.Field, options: dict) -> dict:
    """``options`` for a model field's form field, with Legation's: a URL without a scheme means
    https (Django 6's default); a text area gives back LF line breaks (:class:`TextAreaField`)."""
    if isinstance(field, models.URLField):
        options.setdefault("assume_scheme", "https")
    if isinstance(field, models.TextField):
        options.setdefault("form_class", TextAreaField)
    return options


class TextInline(PlainTextAreas, admin.StackedInline):
    model = Text
    extra = 0


class DocumentAgentInline(admin.TabularInline):
    model = DocumentAgent
    extra = 0
    autocomplete_fields = ["agent"]


def _form_field(field: models.Field, **options) -> forms.Field | None:
    return field.formfield(**_field_options(field, options))


class DocumentForm(forms.ModelForm):
    """The document form: the EDTF date is checked, and the first and last possible days (what
    date filters and the year histogram use) are derived from it, never typed apart (none for a
    date before year 1, e.g. ``-0043``, which date filters cannot hold)."""

    class Meta:
        model = Document
        fields = "__all__"
        formfield_callback = _form_field

    def clean_date_edtf(self) -> str:
        value = self.cleaned_data["date_edtf"].strip()
        if value:
            try:
                edtf_day_bounds(value)
            except RecordError as exc:
                raise forms.ValidationError(f"{exc}; leave it empty for an undated document") from None
        return value

    def clean_identifier(self) -> str:
        """A new document's identifier is the last step of its permalink: the rule every reader's
        records follow (:func:`legation.records.document_record.is_identifier`)."""
        value = self.cleaned_data["identifier"].strip()
        if not is_identifier(value):
            raise forms.ValidationError(f"Enter an identifier of {IDENTIFIER_RULE.removeprefix('give ')}.")
        return value

    def clean_relations(self) -> list:
        """An empty box means no related documents (``[]``), not JSON null."""
        return self.cleaned_data.get("relations") or []

    def save(self, commit: bool = True) -> Document:
        document = super().save(commit=False)
        bounds = edtf_day_bounds(document.date_edtf) if document.date_edtf else None
        document.date_earliest, document.date_latest = bounds or (None, None)  # None: undated, or before year 1
        if commit:
            document.save()
            self.save_m2m()
        return document


@admin.register(Document)
class DocumentAdmin(PlainTextAreas, admin.ModelAdmin):
    form = DocumentForm
    readonly_fields = ["date_earliest", "date_latest"]
    list_display = ["identifier", "title", "document_type", "date_edtf", "place_sent"]

    def get_readonly_fields(self, request, obj=None):
        """A stored document's identifier cannot change: it is its permalink, which citations and
        harvesters keep, and the key its source's next ingest finds it by."""
        return [*self.readonly_fields, "identifier"] if obj is not None else self.readonly_fields
    list_filter = ["document_type", "collections"]
    search_fields = ["identifier", "title", "summary"]
    autocomplete_fields = ["place_sent", "subjects", "collections", "repositories"]
    inlines = [TextInline, DocumentAgentInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        ChangeLogEntry.objects.create(document_identifier=form.instance.identifier, operation="upsert")

    def delete_model(self, request, obj):
        identifier = obj.identifier
        super().delete_model(request, obj)
        ChangeLogEntry.objects.create(document_identifier=identifier, operation="delete")

    def delete_queryset(self, request, queryset):
        identifiers = list(queryset.values_list("identifier", flat=True))
        super().delete_queryset(request, queryset)
        ChangeLogEntry.objects.bulk_create(ChangeLogEntry(document_identifier=i, operation="delete") for i in identifiers)


class AgentNameInline(admin.TabularInline):
    model = AgentName
    extra = 1
    fields = ["name", "from_authority"]


class AgentKeyForm(forms.ModelForm):
    """Another key of the agent: not its own key, nor the key of an agent of the other kind."""

    class Meta:
        model = AgentKey
        fields = ["key"]
        help_texts = {
            "key": "A key sources give the same person or organization. If an agent has this key, saving merges "
            "it into this one: its documents, names and keys move here and it is deleted. Later ingests link "
            "documents carrying the key here."
        }

    def clean_key(self) -> str:
        key = self.cleaned_data["key"].strip()
        agent = self.instance.agent
        if key == agent.key:
            raise forms.ValidationError("This is the agent's own key; enter a key of another agent to merge it into this one.")
        other = Agent.objects.filter(key=key).exclude(pk=agent.pk).values_list("kind", flat=True).first()
        if other is not None and other != agent.kind:
            raise forms.ValidationError(f"The agent with this key is a {other}, this one a {agent.kind}; only agents of one kind can be merged.")
        return key


class AgentKeyInline(admin.TabularInline):
    model = AgentKey
    form = AgentKeyForm
    extra = 1


@admin.register(Agent)
class AgentAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "key"]
    list_filter = ["kind"]
    search_fields = ["name", "key", "names__name", "other_keys__key"]
    inlines = [AgentNameInline, AgentKeyInline]

    def save_related(self, request, form, formsets, change):
        """Agents whose keys were entered as other keys are merged into this one; an agent's names are
        searchable in every document that names it: re-index those (the merged agents' included)."""
        super().save_related(request, form, formsets, change)
        keys = form.instance.other_keys.values_list("key", flat=True)
        for other in Agent.objects.filter(key__in=list(keys)).exclude(pk=form.instance.pk):
            merge_agent(form.instance, other)
        identifiers = Document.objects.filter(agent_links__agent=form.instance).values_list("identifier", flat=True)
        ChangeLogEntry.objects.bulk_create(
            ChangeLogEntry(document_identifier=i, operation="upsert") for i in sorted(set(identifiers))
        )


class PlaceNameInline(admin.TabularInline):
    model = PlaceName
    extra = 1


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    search_fields = ["name", "names__name"]
    inlines = [PlaceNameInline]


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Repository)
class RepositoryAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["key", "title"]
    search_fields = ["key", "title"]


@admin.register(ChangeLogEntry)
class ChangeLogEntryAdmin(admin.ModelAdmin):
    list_display = ["seq", "document_identifier", "operation", "recorded_at"]
    search_fields = ["document_identifier"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
