"""Django admin for curators: correct documents and authority records.

Saving or deleting a document here writes a change-log row inside the admin's own transaction,
so the search index follows curators' corrections as it follows ingest.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import SEARCH_VAR
from django.db import models, transaction
from django.db.models import Case, Value, When
from django.utils.text import smart_split, unescape_string_literal

from legation.ingest.dates import in_year_to_come, parse_archival_date, unread_reason
from legation.records.agent_keys import merge_agent
from legation.records.authorities import UNHELD, Unheld
from legation.records.dates import display_date, edtf_day_bounds, lies_within
from legation.printable import numbered_first, quoted, shortened, with_article
from legation.records.admin_fields import (
    ReadableAutocomplete,
    ReadableJSONField,
    StorableSearch,
    StorableValues,
    check_values,
    value_problem_sentence,
)
from legation.records.document_record import (
    IDENTIFIER_RULE,
    INVISIBLE_ONLY,
    MAX_CHARACTERS,
    MAX_ITEMS,
    UNSTORABLE_CHARACTERS,
    RecordError,
    distinct_identifiers,
    folded_identifier,
    is_identifier,
    pages_as_written,
    pages_problem,
    shows_nothing,
    value_problem,
)
from legation.records.document_types import CURATED_TYPE, TypeSpellings, key_of, replaces, respellings
from legation.records.languages import LANGUAGE_RULE, is_language_tag, language_tag
from legation.search.analyzers import drop_invisible, folded_name

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
    TypeSpelling,
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


def _unread_note(text: str, future: bool) -> str:
    """What a curator is told when the date as written they entered gives no date (``future``: it
    was read, but lies in a year to come), in the words of ingest's report, with why when it is a date
    in numbers (:func:`legation.ingest.dates.unread_reason`, as the report, the document page and the
    search say it): "could not be read as a date (the year 49 has two digits, …)" for ``22-12-49``."""
    reason = None if future else unread_reason(text)
    why = (
        "is in a year to come (a typo, as 2150 for 1950?)" if future
        else f"could not be read as a date ({reason})" if reason else "could not be read as a date"
    )
    return (
        f"The date as written, “{text}”, {why}: the document is kept undated (it counts as undated in date filters "
        "and the year histogram), as ingest keeps such dates. Write it as 1950-02-14, 14 February 1950 or 14.02.1950, "
        "or enter its EDTF date (e.g. 1950-02-14, 1950-02, 1950~) in “date (EDTF)”."
    )


def _checked_language(form: forms.ModelForm) -> str:
    """The language entered, as the BCP 47 tag every reader stores (``iw`` → ``he``, ``zh_hant`` →
    ``zh-Hant``: :func:`legation.records.languages.language_tag`); a ValidationError saying what to
    write when it is no tag ("klingon" was saved, and the page then marked the text ``lang="und"``).
    A value left as it was is kept: ingest keeps a source's word, with a note, so a curator can
    correct the document's other fields first."""
    value = form.cleaned_data["language"].strip()
    if "language" not in form.changed_data:
        return value
    if not is_language_tag(value):
        raise forms.ValidationError(f"“{value}” is no language code; {LANGUAGE_RULE}.")
    return language_tag(value)


_JSON_TYPES = {dict: "an object", str: "a text", int: "a number", float: "a number", bool: "true or false", type(None): "null"}


FOOTNOTES_SHAPE = 'Write them as a list of objects, each with its mark and its text in quotes: [{"n": "1", "text": "…"}, …], or [] for none.'


class TextForm(forms.ModelForm):
    """A text's form: its language is checked as the document's (:func:`_checked_language`); its
    body and footnotes as ingest checks a record's (:func:`~legation.records.document_record.value_problem`),
    the footnotes' shape too: ``{"a": 1}`` was saved, and every node's index then stopped at that
    document (its record could not be read), as did export, reindex and copy-archive."""

    class Meta:
        field_classes = {"footnotes": ReadableJSONField}

    def clean_language(self) -> str:
        return _checked_language(self)

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if problem := value_problem("text", body, MAX_CHARACTERS["text"]):
            raise forms.ValidationError(_sentence(problem))
        return body

    def clean_footnotes(self) -> list:
        footnotes = self.cleaned_data.get("footnotes")
        if footnotes in (None, ""):
            return []
        if not isinstance(footnotes, list):
            raise forms.ValidationError(f"The footnotes are {_JSON_TYPES.get(type(footnotes), 'a text')}, not a list. {FOOTNOTES_SHAPE}")
        if len(footnotes) > MAX_ITEMS:
            raise forms.ValidationError(f"{len(footnotes):,} footnotes are more than the {MAX_ITEMS:,} a document may have; split the document.")
        for number, note in enumerate(footnotes, 1):
            if not (isinstance(note, dict) and set(note) == {"n", "text"} and all(isinstance(v, str) for v in note.values())):
                raise forms.ValidationError(f"Footnote {number} is {shortened(json.dumps(note, ensure_ascii=False), 60)}. {FOOTNOTES_SHAPE}")
            for name, value in (("footnote mark", note["n"]), ("footnote", note["text"])):
                if problem := value_problem(name, value, MAX_CHARACTERS[name]):
                    raise forms.ValidationError(f"Footnote {number}: {_sentence(problem)}")
        return footnotes


_sentence = value_problem_sentence


class TextInline(PlainTextAreas, admin.StackedInline):
    model = Text
    form = TextForm
    extra = 0


class DocumentAgentInline(ReadableAutocomplete, admin.TabularInline):
    model = DocumentAgent
    extra = 0
    autocomplete_fields = ["agent"]


def _form_field(field: models.Field, **options) -> forms.Field | None:
    return field.formfield(**_field_options(field, options))


class DocumentForm(forms.ModelForm):
    """The document form: the EDTF date is checked, and the first and last possible days (what
    date filters and the year histogram use) are derived from it, never typed apart (none for a
    date before year 1, e.g. ``-0043``, which date filters cannot hold).

    The date as written and the EDTF date are kept consistent as ingest keeps them (see
    :meth:`clean`): a date as written changed alone is read again with
    :func:`legation.ingest.dates.parse_archival_date`, the reader of every ingest; an EDTF date
    changed (alone or with the text) must overlap the days the date as written reads as, when it
    reads as a date. After :meth:`is_valid`, ``date_note`` is ``""`` or what the curator should know
    about a date as written that gave no date (the admin shows it as a warning)."""

    date_note = ""
    type_note = ""  # what the curator is told of the type saved (respell_types)
    types: TypeSpellings | None = None  # the archive's types, when the type was entered or changed (clean_document_type)
    typed = ""  # the type as entered

    class Meta:
        model = Document
        fields = "__all__"
        formfield_callback = _form_field
        field_classes = {"relations": ReadableJSONField}

    def clean_date_edtf(self) -> str:
        """A valid EDTF value, not in a year to come (:func:`~legation.ingest.dates.in_year_to_come`,
        the rule ingest applies to an EDTF date given as such): ``2150`` was saved, and the archive's
        export then read back undated (a fresh user)."""
        value = self.cleaned_data["date_edtf"].strip()
        if value:
            try:
                future = in_year_to_come(value)
            except RecordError as exc:
                raise forms.ValidationError(f"{exc}; leave it empty for an undated document") from None
            if future:
                raise forms.ValidationError(
                    f"{value} ({display_date(value)}) is in a year to come (a typo, as 2150 for 1950?); an archive holds "
                    "what has happened, and ingest reads such a date as none. Enter the date the document was written, "
                    "or leave it empty for an undated document."
                )
        return value

    def _check_values(self) -> None:
        """Each text value entered as ingest checks a record's (:func:`~legation.records.admin_fields.check_values`):
        the free-text fields' limits (a title of 200,000 characters was saved, and the archive's
        export then failed to ingest) and no control character (``\x1b``)."""
        check_values(self)

    def clean(self) -> dict:
        """Keep ``date_text`` and ``date_edtf`` saying one date (the rules of
        :mod:`legation.ingest.dates`, as ingest applies them to a source's date):

        - ``date_text`` changed, ``date_edtf`` not, or emptied in the same save: the EDTF date is read from the new text
          (``"14 February 1950"`` → ``1950-02-14``), but an EDTF date within the days the new text reads as
          is kept (``"November 1949"`` beside ``1949-11-12``), as ingest keeps it
          (:func:`~legation.ingest.dates.edtf_left_behind`). A text that cannot be read, or dates a year to
          come (``2150``), leaves the document undated with its text, as ingest stores it (it then
          counts as undated in date filters), and :attr:`date_note` says what to do. An emptied text
          keeps the EDTF date: a date need not have been written.
        - ``date_edtf`` changed (with or without ``date_text``) to a date whose days do not overlap
          the days ``date_text`` reads as: an error on ``date_edtf`` naming both and saying what to
          enter. A text that reads as no date (``"Good Friday"``) can be dated freely, as ingest's
          report advises ("date them in the admin"); so can a date before the year 1, which has no
          days to compare."""
        data = super().clean()
        self._check_values()
        changed = set(self.changed_data)
        if "date_text" not in data or "date_edtf" not in data or not changed & {"date_text", "date_edtf"}:
            return data  # a field already refused, or neither changed: nothing to keep consistent
        text, edtf = data["date_text"].strip(), data["date_edtf"]
        read = parse_archival_date(drop_invisible(text))  # as ingest reads it: "Nov\u200b 1949" was no date
        if "date_edtf" not in changed and edtf and read.edtf and lies_within(edtf_day_bounds(edtf), edtf_day_bounds(read.edtf)):
            return data  # an editor's date within the new text's days ("November 1949" beside 1949-11-12): kept, as ingest keeps it
        if "date_edtf" not in changed or (not edtf and "date_text" in changed):  # a new text and the EDTF date emptied: read from it
            if text:
                data["date_edtf"] = read.edtf
                self.date_note = _unread_note(text, read.future) if read.flagged else ""
            return data
        if not edtf and read.edtf:  # emptied, the text kept: undated as asked, but said (a fresh user saw no word)
            self.date_note = (
                f"The document is now undated, though its date as written, “{text}”, reads as {read.edtf} "
                f"({display_date(read.edtf)}): enter {read.edtf} as its EDTF date to date it so, or, if it has no date, "
                "empty the date as written too."
            )
        bounds, said = edtf_day_bounds(edtf) if edtf else None, edtf_day_bounds(read.edtf) if read.edtf else None
        if bounds and said and (bounds[1] < said[0] or said[1] < bounds[0]):
            self.add_error("date_edtf", forms.ValidationError(
                f"{edtf} ({display_date(edtf)}) is not the date written in “date as written”, “{text}”, which reads as "
                f"{read.edtf} ({display_date(read.edtf)}). Correct the date as written too, so that the document's page "
                f"and its date filters say one date, or enter an EDTF date within {display_date(read.edtf)}."
            ))  # fmt: skip
        return data

    def clean_title(self) -> str:
        """A title that shows something (:func:`~legation.records.document_record.shows_nothing`),
        as ingest takes one."""
        title = self.cleaned_data["title"]
        if shows_nothing(title):
            raise forms.ValidationError(f"The title is empty {INVISIBLE_ONLY}; every document needs a title.")
        return title

    def clean_identifier(self) -> str:
        """A new document's identifier is the last step of its permalink: the rule every reader's
        records follow (:func:`legation.records.document_record.is_identifier`)."""
        value = self.cleaned_data["identifier"].strip()
        if not is_identifier(value):
            raise forms.ValidationError(f"Enter an identifier of {IDENTIFIER_RULE.removeprefix('give ')}.")
        twin = Document.objects.filter(identifier_folded=folded_identifier(value)).exclude(identifier=value).values_list("identifier", flat=True).first()
        if twin is not None:  # ingest refuses such a pair alike (legation.ingest.service._case_twin)
            raise forms.ValidationError(
                f'Document "{twin}" has this identifier but for case, and addresses find an identifier in any case. '
                f'Give this document an identifier that differs in more than case, or edit "{twin}" instead.'
            )
        return value

    def clean_language(self) -> str:
        return _checked_language(self)

    def clean_document_type(self) -> str:
        """The type entered, as the archive will spell it (:meth:`~legation.records.document_types.TypeSpellings.curated`,
        the document's own type as stored not counted, as the curator replaces it): a curator's
        spelling is the type's, and its other documents are respelled on saving (``Télégram`` typed
        for ``Telegram``; typing ``Telegram`` back restores them), unless it is worse written than the
        archive's: ``TELEGRAM`` or ``telegram`` for a type the archive spells ``Telegram`` is saved
        ``Telegram`` (:meth:`respell_types` says which). A spelling typed once respelled the archive
        only when it had more accents, which no later spelling could undo; ``TELEGRAM`` saved as typed
        was a value of the type facet of its own. A type left as it was is kept."""
        typed = self.cleaned_data["document_type"]
        if not typed or "document_type" not in self.changed_data:
            return typed
        self.types, self.typed = TypeSpellings(excluded=self.instance.pk), typed
        return self.types.curated(typed)

    def respell_types(self) -> None:
        """After the document is saved (inside its transaction): the archive's other documents of
        its type, when they spell it otherwise than it was saved, respelled so, as ingest respells
        them (:meth:`~legation.records.document_types.TypeSpellings.restore`: logged for the search
        index, their remembered source value with them); :attr:`type_note` says so, with how to undo
        it, and when the type was saved otherwise than typed."""
        if self.types is None:
            return
        stored = self.cleaned_data["document_type"]
        self.types.keep_choice()
        restored = self.types.restore([key_of(stored)])
        said = [f"the type “{self.typed}” was saved as “{stored}”, as the archive spells that type"] if stored != self.typed else []
        if restored:
            (before, _), _ = restored.most_common(1)[0]
            undo = f": to undo it, enter “{before}” as this document's type" if replaces(before, stored) else ""
            said.append(f"the archive's other documents of the type were respelled “{stored}”, {respellings(restored)}{undo}")
        if said:
            note = "; ".join(said)
            self.type_note = f"{note[0].upper()}{note[1:]}. {CURATED_TYPE}"
        self.types = None  # respelled once

    def clean_pages(self) -> str:
        """The printed pages as ingest takes them (:func:`~legation.records.document_record.pages_problem`):
        one page or the first and last joined by a dash, in order, or none (``pp. 12``, ``1,099`` as a
        citation writes them taken as ``12``, ``1099``: :func:`~legation.records.document_record.pages_as_written`);
        ``289–91`` typed the wrong way round (``291–289``) would be found on no page."""
        value = pages_as_written(self.cleaned_data["pages"])
        if value and (problem := pages_problem(value)):
            raise forms.ValidationError(f"“{value}”: {problem}.")
        return value

    def clean_relations(self) -> list:
        """The related documents as ingest takes them (:meth:`DocumentRecord.validate
        <legation.records.document_record.DocumentRecord.validate>`): identifiers, none the
        document's own in any case, each once (a second is dropped, as ingest keeps one), at most
        :data:`~legation.records.document_record.MAX_ITEMS`; an empty box is none (``[]``), not JSON
        null. The document itself, or 25,000 of them, were saved, and the export then failed to
        ingest (a fresh user)."""
        relations = self.cleaned_data.get("relations") or []
        if not isinstance(relations, list) or not all(isinstance(r, str) for r in relations):
            return relations  # the model's validator says what to enter
        own = folded_identifier(self.cleaned_data.get("identifier") or self.instance.identifier or "")
        for related in relations:  # one that is no identifier is named by the model's validator
            if folded_identifier(related) == own:
                raise forms.ValidationError(f"Related document {quoted(related)} is this document itself (identifiers are read in any case); remove it.")
        relations = distinct_identifiers(relations)
        if len(relations) > MAX_ITEMS:
            raise forms.ValidationError(f"{len(relations):,} related documents are more than the {MAX_ITEMS:,} a document may have; keep the ones that matter.")
        return relations

    def save(self, commit: bool = True) -> Document:
        document = super().save(commit=False)
        bounds = edtf_day_bounds(document.date_edtf) if document.date_edtf else None
        document.date_earliest, document.date_latest = bounds or (None, None)  # None: undated, or before year 1
        if commit:
            document.save()
            self.save_m2m()
            self.respell_types()
        return document


@admin.register(Document)
class DocumentAdmin(StorableSearch, ReadableAutocomplete, PlainTextAreas, admin.ModelAdmin):
    form = DocumentForm
    readonly_fields = ["date_earliest", "date_latest"]
    list_display = ["identifier", "title", "document_type", "date_edtf", "place_sent"]
    list_filter = ["document_type", "collections"]
    search_fields = ["identifier", "title", "summary"]
    autocomplete_fields = ["place_sent", "subjects", "collections", "repositories"]
    inlines = [TextInline, DocumentAgentInline]

    def get_ordering(self, request):
        """The list's order, the model's (by date, then identifier), led by the document whose
        identifier the search names, in any case (``?q=frus1949v07p1-d1`` finds 111 documents whose
        identifier, title or summary holds those letters, d1, d10 … d199, which by date put d1 18th).
        A search of one term only (quoted or not, as the search reads it); a column chosen to sort
        by replaces this order, as it replaces the model's. An expression, so it needs no
        annotation and sorts alike on SQLite and PostgreSQL."""
        ordering = list(super().get_ordering(request) or self.model._meta.ordering)
        terms = list(smart_split(UNSTORABLE_CHARACTERS.sub("", request.GET.get(SEARCH_VAR, ""))))  # as StorableSearch reads it
        if len(terms) != 1:
            return ordering
        (term,) = terms
        if len(term) > 1 and term[0] in "\"'" and term[0] == term[-1]:
            term = unescape_string_literal(term)  # as get_search_results reads a quoted term
        exact = Case(When(identifier_folded=folded_identifier(term), then=Value(0)), default=Value(1))
        return [exact.asc(), *ordering]

    def get_readonly_fields(self, request, obj=None):
        """A stored document's identifier cannot change: it is its permalink, which citations and
        harvesters keep, and the key its source's next ingest finds it by."""
        return [*self.readonly_fields, "identifier"] if obj is not None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        """Save, respelling the type's other documents when it was entered spelled otherwise than theirs;
        then warn when the date as written gave no date, or the type was saved otherwise than typed
        or respelled others (see :class:`DocumentForm`)."""
        super().save_model(request, obj, form, change)
        form.respell_types()
        for note in (form.date_note, form.type_note):
            if note:
                self.message_user(request, note, messages.WARNING)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        ChangeLogEntry.log_upserts([form.instance.identifier])

    def delete_model(self, request, obj):
        self._delete(request, [obj.identifier])

    def delete_queryset(self, request, queryset):
        self._delete(request, list(queryset.values_list("identifier", flat=True)))

    def _delete(self, request, identifiers: list[str]) -> None:
        """Delete as ``--delete-missing`` does (:func:`legation.ingest.service.delete_documents`, one
        transaction): each deletion logged for the search index, and the agents, places, subjects and
        repositories the documents alone used that nothing curated holds deleted with them, which the curator
        is told. They stayed, of no document, in the admin's lists, and an agent's surname among the archive's
        (:func:`legation.search.indexer.archive_surnames`)."""
        from legation.ingest.service import delete_documents  # ingest builds on records, not the other way round

        unheld = Unheld()
        delete_documents(identifiers, unheld)
        if unheld:
            self.message_user(request, f"Also deleted, as {UNHELD}: {unheld.counted()}. {numbered_first(unheld.sentences())}", messages.INFO)


class _NotTheAgentsOwn(forms.models.BaseInlineFormSet):
    """An agent's other names or keys, none its own name or key as the agent's form submits it
    (``self.instance``: an inline form's ``instance.agent`` is read from the database, the agent as
    it was, so a name renamed to, and entered as another name in the same save, passed). A row
    entered or changed so is refused; one already stored that the agent's new name or key now
    equals is removed on saving (:meth:`AgentAdmin.save_related`)."""

    field = ""  # the inline's field: "name" or "key"
    own = ""  # the refusal

    def clean(self) -> None:
        super().clean()
        own = (getattr(self.instance, self.field, "") or "").strip()
        for form in self.forms:
            value = (getattr(form, "cleaned_data", None) or {}).get(self.field)
            if value and value.strip() == own and not form.cleaned_data.get("DELETE") and (form.has_changed() or form.instance.pk is None):
                form.add_error(self.field, self.own)


class AgentNames(_NotTheAgentsOwn):
    field = "name"
    own = "This is the agent's own name; another name is one it is also written by (another romanization, script or form)."


class AgentKeys(_NotTheAgentsOwn):
    field = "key"
    own = "This is the agent's own key; enter a key of another agent to merge it into this one."


class AgentNameInline(admin.TabularInline):
    """Another name of the agent, not its own, which ingest never stores as another (a name so
    entered was dropped by an ingest of the archive's export, which then differed)."""

    model = AgentName
    form = StorableValues
    formset = AgentNames
    extra = 1
    fields = ["name", "from_authority"]


class AgentKeyForm(StorableValues):
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
        agent = self.instance.agent  # (its own key as submitted: AgentKeys)
        other = Agent.objects.filter(key=key).exclude(pk=agent.pk).values_list("kind", flat=True).first()
        if other is not None and other != agent.kind:
            raise forms.ValidationError(f"The agent with this key is {with_article(other)}, this one {with_article(agent.kind)}; only agents of one kind can be merged.")
        return key


class AgentKeyInline(admin.TabularInline):
    model = AgentKey
    form = AgentKeyForm
    formset = AgentKeys
    extra = 1


@admin.register(Agent)
class AgentAdmin(StorableSearch, admin.ModelAdmin):
    form = StorableValues
    list_display = ["name", "kind", "key"]
    list_filter = ["kind"]
    search_fields = ["name", "key", "names__name", "other_keys__key"]
    readonly_fields = ["kind_from_name", "other_kind_reported"]
    inlines = [AgentNameInline, AgentKeyInline]

    def save_model(self, request, obj, form, change):
        """A kind a curator sets is no longer one read from the name: no later ingest reading the name
        as the other kind changes it (:func:`legation.records.agent_keys.rekind`)."""
        if "kind" in form.changed_data:
            obj.kind_from_name = False
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        """Agents whose keys were entered as other keys are merged into this one; an agent's names are
        searchable in every document that names it: re-index those (the merged agents' included). A key
        changed stays the agent's as another key: the sources still give it, and the next ingest of a
        document carrying it made a second agent of the same person beside this one (a fresh curator)."""
        super().save_related(request, form, formsets, change)
        agent = form.instance
        old_key = form.initial.get("key") if change and "key" in form.changed_data else None
        if old_key and old_key != agent.key and not AgentKey.objects.filter(key=old_key).exists():  # (unique: none other's)
            AgentKey.objects.create(agent=agent, key=old_key)
        # its own name and key now, stored before as another (changed back, or renamed to a variant): its own alone
        AgentKey.objects.filter(agent=agent, key=agent.key).delete()
        AgentName.objects.filter(agent=agent, name=agent.name).delete()
        keys = form.instance.other_keys.values_list("key", flat=True)
        for other in Agent.objects.filter(key__in=list(keys)).exclude(pk=form.instance.pk):
            merge_agent(form.instance, other)
        ChangeLogEntry.log_upserts(sorted(Document.objects.filter(agent_links__agent=form.instance).values_list("identifier", flat=True)))


class PlaceNameInline(admin.TabularInline):
    model = PlaceName
    form = StorableValues
    extra = 1


class ReindexesItsDocuments:
    """The admin of a record documents link to, whose name their search fields, facets and pages
    show (a place, subject, repository, collection): saving a change to it, or deleting it, re-indexes
    every document linked to it, in the same transaction. A subject renamed or deleted, or a
    collection's title changed, left the index finding the documents under the old name and the
    facet listing it, until a ``legation reindex`` (a fresh user). The documents are read before a
    deletion, which takes the links with it."""

    def _documents(self, records) -> list[str]:
        link = self.model._meta.get_field("documents").field.name  # Document's field: place_sent, subjects …
        return sorted(Document.objects.filter(**{f"{link}__in": records}).values_list("identifier", flat=True))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and (form.has_changed() or any(formset.has_changed() for formset in formsets)):  # a save of nothing: no re-index
            ChangeLogEntry.log_upserts(self._documents([form.instance]))

    def delete_model(self, request, obj):
        with transaction.atomic():
            identifiers = self._documents([obj])
            super().delete_model(request, obj)
            ChangeLogEntry.log_upserts(identifiers)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            identifiers = self._documents(queryset)
            super().delete_queryset(request, queryset)
            ChangeLogEntry.log_upserts(identifiers)


@admin.register(Place)
class PlaceAdmin(ReindexesItsDocuments, StorableSearch, admin.ModelAdmin):
    form = StorableValues
    search_fields = ["name", "names__name"]
    inlines = [PlaceNameInline]


class SubjectForm(StorableValues):
    """A subject's name, not another's but for case or accents (:mod:`legation.records.subject_names`):
    ingest takes such names for one subject, and would merge the two at its next read of either."""

    class Meta:
        model = Subject
        fields = ["name"]

    def clean_name(self) -> str:
        name = self.cleaned_data["name"]
        key = folded_name(name)
        twin = Subject.objects.exclude(pk=self.instance.pk).filter(models.Q(name_folded=key) | models.Q(sources_folded=key)).first() if key else None
        if twin is not None:
            named = f"“{twin.name}”" + (f" (its sources name it “{twin.name_in_sources}”)" if twin.name_in_sources not in ("", twin.name) else "")
            raise forms.ValidationError(
                f"The subject {named} has this name but for case or accents, and ingest reads such names as one subject; "
                "give this subject a name that differs in more, or rename that one."
            )
        return name


@admin.register(Subject)
class SubjectAdmin(ReindexesItsDocuments, StorableSearch, admin.ModelAdmin):
    form = SubjectForm
    search_fields = ["name", "name_in_sources"]
    readonly_fields = ["name_in_sources"]


@admin.register(TypeSpelling)
class TypeSpellingAdmin(StorableSearch, admin.ModelAdmin):
    """The spellings curators gave document types (:class:`~legation.records.models.TypeSpelling`),
    to see, and to delete one to let ingests spell its type by their rule again; a spelling is given
    by entering it as a document's type, which respells the type's documents."""

    list_display = ["spelling", "key"]
    search_fields = ["spelling", "key"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Repository)
class RepositoryAdmin(ReindexesItsDocuments, StorableSearch, admin.ModelAdmin):
    form = StorableValues
    search_fields = ["name"]


class CollectionForm(StorableValues):
    """A collection's key, unlike another's but for case: the search reads ``collection:holdings``
    and ``?collection=HOLDINGS`` in any case, as a document's identifier, so two keys differing in
    case alone would be one to it (a fresh user's ``HOLDINGS`` beside ``holdings`` took the other's
    documents in a filter)."""

    class Meta:
        model = Collection
        fields = ["key", "title"]

    def clean_key(self) -> str:
        """Compared with every other collection's key in Python (``str.casefold``: ``ÉTÉ-1`` and
        ``été-1``, ``STRASSE`` and ``straße``), not by the database: SQLite's ``LIKE`` and ``lower()``
        fold ASCII letters alone (a fresh user)."""
        key = self.cleaned_data["key"]
        others = list(Collection.objects.exclude(pk=self.instance.pk).values_list("key", "title"))
        twin = next(((k, t) for k, t in others if k != key and k.casefold() == key.casefold()), None)
        if twin is not None:
            raise forms.ValidationError(
                f"The collection “{twin[1]}” has the key {twin[0]}, which the search reads as this one (case is ignored); "
                "give this collection another key, or add its documents to that collection."
            )
        named = next((t for k, t in others if t.casefold() == key.casefold()), None)
        if named is not None:
            raise forms.ValidationError(
                f"Another collection is titled “{named}”: a filter ?collection={key} could mean either; give this collection another key."
            )
        return key

    def clean_title(self) -> str:
        """Not another collection's key: ``?collection=frus1955-57v02`` named the collection so
        titled, not the volume of that key (a fresh user)."""
        title = self.cleaned_data["title"]
        keys = Collection.objects.exclude(pk=self.instance.pk).values_list("key", flat=True)
        keyed = next((k for k in keys if k.casefold() == title.casefold()), None)
        if keyed is not None:
            raise forms.ValidationError(
                f"{keyed} is another collection's key: a filter ?collection={title} could mean either; give this collection another title."
            )
        return title


@admin.register(Collection)
class CollectionAdmin(ReindexesItsDocuments, StorableSearch, admin.ModelAdmin):
    form = CollectionForm
    list_display = ["key", "title"]
    search_fields = ["key", "title"]


@admin.register(ChangeLogEntry)
class ChangeLogEntryAdmin(StorableSearch, admin.ModelAdmin):
    list_display = ["seq", "document_identifier", "operation", "recorded_at"]
    search_fields = ["document_identifier"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        """The log is what every node's index follows: an entry deleted, a node building its index
        from the log left that document out for good (a fresh user)."""
        return False
