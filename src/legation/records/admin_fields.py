"""Admin form fields and lists that refuse, as form errors, what the record store cannot hold or
read, where Django's own fail with a 500: a posted key that is no number (:class:`ReadableAutocomplete`),
JSON nested too deeply or holding a lone surrogate (:class:`ReadableJSONField`), a search holding
a NUL (:class:`StorableSearch`). A fresh operator met each of them as a 500. And the forms whose
text fields refuse what ingest refuses in a record (:class:`StorableValues`, :func:`check_values`;
a key given twice in JSON too), so that the archive's export always ingests again."""

from __future__ import annotations

import json
import unicodedata

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import models

from legation.errors import DuplicateKey, parse_json
from legation.records.document_record import INVISIBLE_ONLY, MAX_CHARACTERS, UNSTORABLE_CHARACTERS, shows_nothing, value_problem


class StorableSearch:
    """Admin lists whose search leaves out the characters no value may hold
    (:data:`~legation.records.document_record.UNSTORABLE_CHARACTERS`): PostgreSQL refused a
    query holding a NUL (``?q=a%00b``, a 500), where SQLite found nothing; no value holds one."""

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, UNSTORABLE_CHARACTERS.sub("", search_term))


class _ReadableChoices:
    """An autocomplete widget that draws only the chosen values its field can read: Django's looks
    every posted value up to draw the form again, and a value that is no key (``place_sent=abc``,
    a number past the column's range) failed that query, a 500 instead of "Select a valid choice"."""

    def optgroups(self, name, value, attr=None):
        related = self.field.remote_field  # as Django's optgroups finds the field the values are of
        target = related.model._meta.get_field(getattr(related, "field_name", related.model._meta.pk.attname))
        return super().optgroups(name, [v for v in value if _readable(target, v)], attr)


def _readable(field: models.Field, value) -> bool:
    """Whether ``value`` is a value ``field`` can hold (converted, within its validators' range and
    a 64-bit integer's: SQLite raised OverflowError for a key of 30 digits, a 500)."""
    try:
        converted = field.to_python(value)
        field.run_validators(converted)
    except (ValidationError, ValueError, TypeError):
        return False
    return not isinstance(converted, int) or -(2**63) <= converted < 2**63


def _key_field(field: forms.ModelChoiceField) -> models.Field:
    """The model field a choice's posted values are of: its ``to_field_name``, else the primary key."""
    opts = field.queryset.model._meta
    return opts.get_field(field.to_field_name) if field.to_field_name else opts.pk


class ReadableModelChoiceField(forms.ModelChoiceField):
    """A choice whose posted value its key field cannot hold is refused as no choice, not looked up."""

    def to_python(self, value):
        if value not in self.empty_values and not _readable(_key_field(self), value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ReadableModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Choices any of whose posted values its key field cannot hold are refused, not looked up."""

    def _check_values(self, value):
        key = _key_field(self)
        for item in value:
            if not _readable(key, item):
                raise ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": item})
        return super()._check_values(value)


class ReadableAutocompleteSelect(_ReadableChoices, AutocompleteSelect):
    pass


class ReadableAutocompleteSelectMultiple(_ReadableChoices, AutocompleteSelectMultiple):
    pass


class ReadableAutocomplete:
    """Admin forms whose related fields refuse a posted value their key cannot hold as an error
    (:class:`ReadableModelChoiceField`), and whose autocomplete widgets draw it so (:class:`_ReadableChoices`)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ReadableAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        kwargs.setdefault("form_class", ReadableModelChoiceField)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ReadableAutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using"))
        kwargs.setdefault("form_class", ReadableModelMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


_TOO_DEEP = "This JSON is nested too deeply to read; enter it as the help below the box shows."


class ReadableJSONField(forms.JSONField):
    """A JSON box (footnotes, related documents) whose nesting too deep for Python's parser is a
    form error, not a 500, also where the form is drawn again with what was sent (a fresh user's
    900 nested brackets), and whose value is drawn with a lone surrogate (``"\\ud800"``, which no
    page can print in UTF-8) escaped as JSON writes it."""

    def to_python(self, value):
        if isinstance(value, str) and value not in self.empty_values and not isinstance(value, forms.fields.JSONString):
            try:  # as ingest reads JSON: a key given twice is refused, not its first value dropped
                parse_json(value)
            except DuplicateKey as twice:
                raise forms.ValidationError(
                    f"{twice.msg[0].upper()}{twice.msg[1:]}: JSON keeps only the last value, so the other would be lost "
                    f"without a word; keep one {json.dumps(twice.key, ensure_ascii=False)} (the value meant) and remove the other."
                ) from None
            except json.JSONDecodeError as exc:  # Django's own said "Enter a valid JSON." alone
                if exc.msg.startswith("nested too deeply"):
                    raise forms.ValidationError(_TOO_DEEP) from None
                raise forms.ValidationError(
                    f"This is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); enter it as the help below the box shows."
                ) from None
        try:
            return super().to_python(value)
        except RecursionError:
            raise forms.ValidationError(_TOO_DEEP) from None

    def bound_data(self, data, initial):
        try:
            return super().bound_data(data, initial)
        except RecursionError:
            return forms.fields.InvalidJSONInput(data)

    def prepare_value(self, value):
        drawn = super().prepare_value(value)
        if isinstance(drawn, str) and UNSTORABLE_CHARACTERS.search(drawn):
            return json.dumps(value, cls=self.encoder) if not isinstance(value, forms.fields.InvalidJSONInput) else drawn.encode("utf-8", "backslashreplace").decode()
        return drawn


def value_problem_sentence(problem: str) -> str:
    """A problem of :func:`~legation.records.document_record.value_problem` as a form's message: a sentence."""
    return problem[0].upper() + problem[1:] + "."


class StorableValues(forms.ModelForm):
    """A model form refusing, in each of its text fields, what no record may hold, as ingest
    checks a record (:func:`~legation.records.document_record.value_problem`: a control
    character, a lone surrogate, a value over its limit). An agent's name saved with U+0007 made
    the archive's export fail to ingest again (a fresh user)."""

    def clean(self) -> dict:
        data = super().clean()
        check_values(self)
        return data


def check_values(form: forms.Form) -> None:
    """Add an error to each text field of ``form`` whose cleaned value no record may hold
    (:func:`~legation.records.document_record.value_problem`, the limit of
    :data:`~legation.records.document_record.MAX_CHARACTERS` for the free-text fields); each text
    value is stored composed (Unicode NFC), as ingest stores text."""
    for name, value in list(form.cleaned_data.items()):  # add_error drops the field from cleaned_data
        if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
            # composed, as ingest stores text (an "é" typed as "e" and a combining accent made a type, a subject a
            # filter typed with "é" never found, its note "'Télégram' as 'Télégram'")
            form.cleaned_data[name] = value = unicodedata.normalize("NFC", value)
        label = str(getattr(form.fields.get(name), "label", None) or name)  # "Date as written", not "date_text"
        if isinstance(value, str) and (problem := value_problem(label, value, MAX_CHARACTERS.get(name, len(value)))):
            form.add_error(name, value_problem_sentence(problem))
        elif isinstance(value, str) and value and shows_nothing(value):  # a type of a zero-width space: a blank facet value
            form.add_error(name, f"{label} is empty {INVISIBLE_ONLY}: write its text, or leave it empty.")
