"""The archival data model: documents and the authority records they point to.

A :class:`Document` has texts (transcript, translations), agents in roles (sender, recipient,
mentioned), a place sent from, subjects and collections. Agents, places, subjects and collections
are authority records shared by documents; an agent has several names (:class:`AgentName`) and
may have other keys, those of agents merged into it (:class:`AgentKey`).
:class:`ChangeLogEntry` rows are written in the same transaction as the records they describe;
the search indexer follows them in ``seq`` order.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models

from legation.records.dates import display_date
from legation.records.document_record import IDENTIFIER_RULE, folded_identifier, is_identifier
from legation.search.analyzers import folded_name


def validate_relations(value: object) -> None:
    """A document's ``relations`` are a JSON list of document identifiers; raises
    :class:`ValidationError` saying what to enter otherwise (the admin shows it by the field)."""
    if not isinstance(value, list):
        raise ValidationError('Enter a JSON list of document identifiers, e.g. ["frus1949v07p1-d12"], or [] for none.')
    for item in value:
        if not is_identifier(item):
            raise ValidationError(f"{item!r} is not a document identifier: {IDENTIFIER_RULE}.")


class FoldedName(models.CharField):
    """The model's ``name`` as autocomplete compares names (:func:`~legation.search.analyzers.folded_name`:
    ``"O’Neill"`` → ``"o'neill"``, ``"Ch’en Ch’eng"`` → ``"chen cheng"``), indexed, so that finding the names a typed beginning
    starts is an index range rather than a read of every name (:func:`names_starting`). Set from
    ``name`` whenever a row is written by ``save()`` or ``bulk_create()`` (Django asks every field
    for its value there, :meth:`pre_save`), so no writer has to remember it; an ``update()`` or
    ``bulk_update()`` of ``name`` would have to name this field too (only
    :func:`legation.records.subject_names.move_subjects` does). ``of``: the field folded, when not
    ``name`` (a subject's ``name_in_sources``)."""

    description = "a name folded for autocomplete"

    def __init__(self, *args, of: str = "name", **kwargs) -> None:
        self.of = of
        kwargs.setdefault("verbose_name", f"{of.replace('_', ' ')}, folded")
        kwargs.setdefault("max_length", 1500)  # a name of 500 characters; casefold makes one of at most three
        kwargs.setdefault("editable", False)
        kwargs.setdefault("db_index", True)  # on PostgreSQL also a varchar_pattern_ops index, which LIKE 'x%' uses
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.of != "name":
            kwargs["of"] = self.of
        return name, path, args, kwargs

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        value = folded_name(getattr(model_instance, self.of))
        setattr(model_instance, self.attname, value)
        return value


def names_starting(typed: str) -> models.Q:
    """Rows whose ``name_folded`` (:class:`FoldedName`) begins as ``typed`` does (case, accents and
    typographic punctuation ignored: ``hammarskjold`` finds "Hammarskjöld", ``Chen`` "Ch’en
    Ch’eng"), through the column's index: on SQLite as the range of keys from the typed key up to
    the next (its ``LIKE`` reads no index of a column compared by bytes; UTF-8 bytes compare as the
    code points do, so the range holds exactly the keys beginning with it), on PostgreSQL as
    ``LIKE 'x%'``, which reads its pattern index (a range there would follow the database's
    collation, not code points). Words typed surname first without the comma find a name written
    inverted too: ``Acheson D`` finds "Acheson, Dean"."""
    key = folded_name(typed)
    if not key:  # nothing but marks or spaces typed: no name begins so, rather than every name
        return models.Q(pk__in=[])
    first, _, rest = key.partition(" ")
    if rest and not first.endswith(","):
        return _folded_starting(key) | _folded_starting(f"{first}, {rest}")
    return _folded_starting(key)


NAME_WORD_SEPARATORS = " -"  # what ends a word of a folded name: a space, or a hyphen (Mao Tse-tung, Chiang Kai-shek)


def names_with_a_word_starting(typed: str) -> models.Q:
    """Rows whose ``name_folded`` (:class:`FoldedName`) has a word after its first that begins as
    ``typed`` does, a word being what follows a space or a hyphen (:data:`NAME_WORD_SEPARATORS`):
    ``ataturk``, ``Kemal Atat`` and ``Atatürk`` find "Mustafa Kemal Atatürk", ``Tse-tung`` and ``tung``
    "Mao Tse-tung", where :func:`names_starting` finds a name by its first word only. A
    ``LIKE '% x%'`` (its ``%`` and ``_`` typed escaped), which no index serves: a read of the
    folded names' index, not of the table (about 1 ms over the demo archive's 2,700 names and variants;
    benchmarks/search/suggest.py). Nothing for nothing typed but marks or spaces."""
    key = folded_name(typed)
    if not key:
        return models.Q(pk__in=[])
    found = models.Q(pk__in=[])
    for separator in NAME_WORD_SEPARATORS:
        found |= models.Q(name_folded__contains=separator + key)
    return found


def _folded_starting(key: str) -> models.Q:
    from django.db import connection

    if connection.vendor == "sqlite" and ord(key[-1]) < 0x10FFFF:
        after = ord(key[-1]) + 1
        after = 0xE000 if 0xD800 <= after <= 0xDFFF else after  # the next character, not a surrogate (no UTF-8 holds one)
        return models.Q(name_folded__gte=key, name_folded__lt=key[:-1] + chr(after))
    return models.Q(name_folded__startswith=key)


class Collection(models.Model):
    """A set of documents published together, e.g. one FRUS volume."""

    key = models.CharField(max_length=200, unique=True)
    title = models.CharField(max_length=500)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Agent(models.Model):
    """Authority record of a person or organization (sender, recipient, mentioned)."""

    KIND_CHOICES = [("person", "Person"), ("organization", "Organization")]
    key = models.CharField(max_length=300, unique=True)
    name = models.CharField("preferred name", max_length=500)
    name_folded = FoldedName()
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, default="person")
    kind_from_name = models.BooleanField(
        "kind read from its name",
        default=False,
        help_text="Set by ingest when no source stated the kind and it was read from the name (a table's, a title's): "
        "a later ingest reading the name as the other kind (its rule improved) gives the agent that kind. Unset: a source "
        "or a curator gave the kind, and a name read otherwise is this agent all the same.",
    )
    other_kind_reported = models.CharField(
        "other kind reported",
        max_length=20,
        choices=KIND_CHOICES,
        blank=True,
        default="",
        help_text="The other kind a source gave this agent, which an ingest reported once (set by ingest): an ingest "
        "reading it again keeps the kind above and says nothing more. Empty: none reported.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AgentName(models.Model):
    """Another name of an agent: a variant, full form, other romanization or script."""

    agent = models.ForeignKey(Agent, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=500)
    name_folded = FoldedName()
    from_authority = models.BooleanField(
        "from an authority file",
        default=False,
        help_text="Curated (loaded with `legation authorities` or set here): search treats it as the same "
        "agent. Names read from documents are not trusted that far.",
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agent", "name"], name="unique_agent_name")]

    def __str__(self) -> str:
        return self.name


class AgentKey(models.Model):
    """Another key of an agent: a key a source gives for the same person or organization, merged
    into this agent (an authority file's ``same_as``, or the admin). Ingest links a document that
    carries it to the agent (:func:`legation.records.agent_keys.resolve_keys`)."""

    key = models.CharField(max_length=300, unique=True)
    agent = models.ForeignKey(Agent, on_delete=models.CASCADE, related_name="other_keys")

    class Meta:
        ordering = ["key"]
        verbose_name = "other key"

    def __str__(self) -> str:
        return self.key


class Place(models.Model):
    """Authority record of a place (where a document was sent from)."""

    name = models.CharField(max_length=300, unique=True)
    name_folded = FoldedName()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PlaceName(models.Model):
    """Another name of a place: a variant, former name, other romanization or script
    (Port Arthur for Lüshun, Peking for Beijing)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=300)
    name_folded = FoldedName()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["place", "name"], name="unique_place_name")]

    def __str__(self) -> str:
        return self.name


class Subject(models.Model):
    """A subject heading, e.g. a FRUS chapter heading ("China > Political situation"). ``name_in_sources``:
    the name sources give it, kept when a curator renames it, so that a document ingested later under
    that name joins it (it made a second subject of the old name beside the renamed one); a name
    differing from it (or a subject made in the admin, which has none) is a curator's, which ingest
    never changes. Names read alike but for case and accents are one subject
    (:mod:`legation.records.subject_names`), found by ``name_folded`` and ``sources_folded``."""

    name = models.CharField(max_length=1000, unique=True)  # FRUS compilation headings run to ~900
    name_folded = FoldedName(max_length=3000)
    name_in_sources = models.CharField(
        "name in sources",
        max_length=1000,
        blank=True,
        default="",
        db_index=True,
        help_text="The name sources give this subject (set by ingest). Documents ingested later under it join this subject, "
        "whatever it is renamed here.",
    )
    sources_folded = FoldedName(of="name_in_sources", max_length=3000)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TypeSpelling(models.Model):
    """The spelling a curator gave a document type in the admin (``Aide-memoire`` for the type
    ``key``, :func:`legation.records.document_types.key_of`: ``aide memoire``): the type's spelling
    for all its documents, whatever spellings later ingests bring and however many documents carry
    them, until a curator enters another (:class:`legation.records.document_types.TypeSpellings`)."""

    key = models.CharField(max_length=300, unique=True)
    spelling = models.CharField(max_length=100)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.spelling


class Repository(models.Model):
    """Authority record of an archive or library that holds original documents (EAD ``repository``),
    e.g. "Archive of Foreign Policy of the Russian Federation (AVP RF)"."""

    name = models.CharField(max_length=500, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "repositories"

    def __str__(self) -> str:
        return self.name


class Document(models.Model):
    """One archival document (telegram, memorandum, letter, minutes …).

    ``date_text`` is the date as written; ``date_edtf`` its EDTF value; ``date_earliest`` and
    ``date_latest`` the first and last possible day (null when undated). ``ingested`` remembers
    what the source gave at the last ingest, so re-ingest keeps curators' corrections;
    ``ingested_from`` the file it came from (its resolved path), so an ingest that replaces it from
    another file (another fonds reusing the identifier?) says so.
    """

    identifier = models.CharField(max_length=200, unique=True)
    identifier_folded = models.CharField(
        "identifier, case-folded",
        max_length=600,
        db_index=True,
        editable=False,
        help_text="The identifier as addresses and ingest compare it, ignoring case (folded_identifier): "
        "set on every save, indexed, so that neither reads the whole table to find an identifier in another case.",
    )
    title = models.TextField()
    document_type = models.CharField("type", max_length=100, blank=True, db_index=True)
    date_text = models.CharField("date as written", max_length=300, blank=True)
    date_edtf = models.CharField("date (EDTF)", max_length=100, blank=True)
    date_earliest = models.DateField(null=True, blank=True, db_index=True)
    date_latest = models.DateField(null=True, blank=True)
    place_sent = models.ForeignKey(Place, null=True, blank=True, on_delete=models.PROTECT, related_name="documents")
    place_written = models.CharField(
        "place as written",
        max_length=300,
        blank=True,
        default="",
        help_text="The place sent from as the source writes it, when the archive names that place otherwise "
        "(Peking, for Beijing); empty when the source writes it as the place is named.",
    )
    summary = models.TextField(blank=True)
    source_note = models.TextField("archival source", blank=True)
    repositories = models.ManyToManyField(
        Repository, blank=True, related_name="documents", help_text="The archives or libraries that hold the original."
    )
    rights = models.TextField(blank=True, help_text="Rights statement (Dublin Core rights): who may reuse the document, and how.")
    credit = models.TextField(blank=True, help_text="Whom the publication thanks for the document or its translation (donors, publishers).")
    classification = models.CharField("classification marking", max_length=200, blank=True)
    source_url = models.URLField("public source", max_length=500, blank=True)
    language = models.CharField(max_length=20, default="en")
    collections = models.ManyToManyField(Collection, blank=True, related_name="documents")
    pages = models.CharField(
        "printed pages",
        max_length=50,
        blank=True,
        default="",
        help_text="The pages of the printed edition of its first collection that print it, numbered as printed: "
        "287, or the first and last joined by a dash, 287–289 (no “p.” or “pp.”); empty when not printed or not known.",
    )
    subjects = models.ManyToManyField(Subject, blank=True, related_name="documents")
    relations = models.JSONField(
        "related documents",
        default=list,
        blank=True,
        validators=[validate_relations],
        help_text='Identifiers of related documents (Dublin Core relation), e.g. ["frus1949v07p1-d12"]; '
        "they need not be in this archive.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    ingested = models.JSONField(
        "fields as last ingested",
        null=True,
        blank=True,
        editable=False,
        help_text="One digest per field of what the source gave at the last ingest (legation.ingest.curation): "
        "a field whose value differs from it was corrected here, and re-ingest keeps it. Null: never ingested.",
    )
    ingested_from = models.TextField(
        "last ingested from",
        blank=True,
        editable=False,
        help_text="The file the document's values last came from, its whole path (legation.ingest.service.source_name): "
        "an ingest that changes the document from another file says so. A name without a folder: stored by an "
        "earlier Legation, which remembered names only; a file of that name is taken for it. Empty: not known "
        "(created here, or stored before Legation remembered it).",
    )

    class Meta:
        ordering = ["date_earliest", "identifier"]

    def __str__(self) -> str:
        return f"{self.identifier}: {self.title}"

    def save(self, *args, **kwargs) -> None:
        """Save, with :attr:`identifier_folded` set from :attr:`identifier` (bulk writes set it themselves)."""
        self.identifier_folded = folded_identifier(self.identifier)
        super().save(*args, **kwargs)

    @property
    def date_display(self) -> str:
        """"December 22, 1949", "December 1949", "1949" or "Undated"."""
        return display_date(self.date_edtf)


class DocumentAgent(models.Model):
    """Link of a document to an agent in a role, in the order the source lists them."""

    ROLE_CHOICES = [("sender", "Sender"), ("recipient", "Recipient"), ("mentioned", "Mentioned")]
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="agent_links")
    agent = models.ForeignKey(Agent, on_delete=models.PROTECT, related_name="document_links")
    role = models.CharField(max_length=20, choices=ROLE_CHOICES)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["document", "role", "position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "agent", "role"], name="unique_document_agent_role")
        ]

    def __str__(self) -> str:
        """As the admin lists what a deletion takes with it: "Dean Acheson, sender of frus1949v07p1-d1"."""
        return f"{self.agent}, {self.get_role_display().lower()} of {self.document.identifier}"


class Text(models.Model):
    """A text of a document: the original-language transcript or a translation, footnotes apart."""

    KIND_CHOICES = [("transcript", "Transcript"), ("translation", "Translation")]
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="texts")
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, default="transcript")
    language = models.CharField(max_length=20, default="en")
    body = models.TextField(blank=True)
    footnotes = models.JSONField(default=list, blank=True, help_text='[{"n": "1", "text": "…"}, …]')
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["document", "position"]

    def __str__(self) -> str:
        """"Transcript (en) of frus1949v07p1-d1", not "Text object (11)" (the admin's pages, a fresh user)."""
        return f"{self.get_kind_display()} ({self.language}) of {self.document.identifier}"


def _link_label(field: str):
    """A ``__str__`` for the table linking documents to ``field``'s records (collections, subjects,
    repositories): "frus1949v07p1-d1 in FRUS 1949, vol. VII", not "Document_collections object (8)"."""
    return lambda link: f"{link.document.identifier} in {getattr(link, field)}"


for _field, _name in (("collections", "collection"), ("subjects", "subject"), ("repositories", "repository")):
    Document._meta.get_field(_field).remote_field.through.__str__ = _link_label(_name)


class ChangeLogEntry(models.Model):
    """One change to a document, written in the same transaction as the change itself.

    The search indexer applies entries in ``seq`` order and remembers the last one applied.
    """

    OPERATION_CHOICES = [("upsert", "Added or updated"), ("delete", "Deleted")]
    seq = models.BigAutoField(primary_key=True)
    document_identifier = models.CharField(max_length=200, db_index=True)
    operation = models.CharField(max_length=10, choices=OPERATION_CHOICES)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["seq"]
        verbose_name_plural = "change log entries"

    @classmethod
    def log_upserts(cls, identifiers: Iterable[str]) -> None:
        """An ``upsert`` entry for each document of ``identifiers``, once each, in their order, in the
        caller's transaction: the one way every writer (ingest, the admin, authority files) asks
        the index to read documents again. Nothing is written for none."""
        cls.objects.bulk_create(cls(document_identifier=i, operation="upsert") for i in dict.fromkeys(identifiers))


class ArchiveIdentity(models.Model):
    """The one row naming this record store: a random ``key`` made when its tables are created
    (migration 0013) and never copied (``legation copy-archive`` migrates the target, which makes
    its own). A search index notes the key of the archive whose change log it follows
    (:func:`legation.search.indexer.apply_changes`), so that an index of another archive (a data
    folder copied with it, a node pointed at another database) is rebuilt, never served: it
    answered with another archive's documents and took in none of this one's (a fresh user)."""

    key = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = "archive identity"
        verbose_name_plural = "archive identity"


def archive_key() -> str:
    """This record store's key (:class:`ArchiveIdentity`), made on the first call when its row is
    missing (a database migrated without it: ``--no-migrations`` test databases). One query."""
    key = ArchiveIdentity.objects.values_list("key", flat=True).order_by("pk").first()
    if key is None:
        key = ArchiveIdentity.objects.get_or_create(pk=1)[0].key
    return str(key)
