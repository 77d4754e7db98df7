"""One person, one agent: merging agents that sources gave two keys, and the keys they keep.

Readers derive an agent's key from the source, so one person can arrive under two keys (FRUS:
``person:henry-kissinger`` in one volume, ``person:henry-a-kissinger`` in others).
:func:`merge_agent` makes the second agent part of the first: its document links, names and other
keys move over, its row goes, and its key is remembered as an :class:`AgentKey` of the first.
:func:`resolve_keys` is the one place where a key read from a source becomes the key of the agent
it was merged into; the ingest service applies it before it compares a record with the stored
document, so re-ingesting an unchanged source changes nothing.
"""

from __future__ import annotations

from dataclasses import replace

from legation.records.chunks import chunks
from legation.records.document_record import AGENT_KINDS, AgentRef, DocumentRecord
from legation.records.models import Agent, AgentKey, AgentName, Document, DocumentAgent
from legation.records.serialize import load_records


def merged_keys(keys: set[str] | list[str]) -> dict[str, str]:
    """``{old key: key of the agent it was merged into}`` for those of ``keys`` that were merged."""
    found: dict[str, str] = {}
    for chunk in chunks(sorted(set(keys))):
        found.update(AgentKey.objects.filter(key__in=chunk).values_list("key", "agent__key"))
    return found


def resolve_keys(records: list[DocumentRecord]) -> list[DocumentRecord]:
    """``records`` with every agent key that was merged into another agent replaced by that agent's
    key (the rest as they are). The names a source gives stay with the reference: ingest adds them
    to the agent as further names."""
    merged = merged_keys({ref.key for record in records for ref in record.agents})
    if not merged:
        return records
    return [
        replace(record, agents=[replace(ref, key=merged[ref.key]) if ref.key in merged else ref for ref in record.agents])
        if any(ref.key in merged for ref in record.agents)
        else record
        for record in records
    ]




def _twin(key: str) -> str | None:
    """The key of the same name read as the other kind: ``organization:rat-von-leipzig`` ↔
    ``person:rat-von-leipzig``; None for a key that does not start with a kind (``gnd:…``)."""
    kind, _, slug = key.partition(":")
    return f"{AGENT_KINDS[1 - AGENT_KINDS.index(kind)]}:{slug}" if kind in AGENT_KINDS and slug else None


def as_first_read(records: list[DocumentRecord], first: dict[str, str]) -> list[DocumentRecord]:
    """``records`` with each agent keyed by a kind (``person:cia``) given the key its name was first
    read with in this ingest (``first``, ``{slug: key}``, which this fills), when that was the other
    kind (``organization:cia``). A volume reading one name as a person in some documents and as an
    organization in others (frus1961-63v10-12mSupp: "CIA" 5 and 4 times, "JCS" once each) moved the
    agent from key to key batch by batch (:func:`rekind`), and every re-ingest of the unchanged file
    reported 11 documents updated; the first reading now holds for the ingest, the same at every
    ingest of the same files. A key of no kind (``gnd:…``) is left as it is. Like
    :func:`resolve_keys`, it returns copies of the records it changes."""
    out = []
    for record in records:
        agents, changed = [], False
        for ref in record.agents:
            kind, _, slug = ref.key.partition(":")
            if kind in AGENT_KINDS and slug:
                key = first.setdefault(slug, ref.key)
                if key != ref.key:
                    ref, changed = replace(ref, key=key, kind=key.partition(":")[0]), True
            agents.append(ref)
        out.append(replace(record, agents=agents) if changed else record)
    return out


def as_stated_twins(
    records: list[DocumentRecord], from_names: list[frozenset[str]], twins: dict[str, tuple[str, str, str] | None]
) -> tuple[list[DocumentRecord], list[tuple[int, AgentRef, str]]]:
    """``records`` with each agent whose kind was read from its name (a key of ``from_names``, one
    set a record, :func:`legation.ingest.readers.kind_from_name`; keyed by it: ``organization:edward-house``) given the key and kind of the agent stored under the
    same name as the other kind (``person:edward-house``) whose kind a source or a curator gave
    (:attr:`Agent.kind_from_name` unset), when no agent holds its own key (or it is that agent's other key,
    :func:`rekind`): a table's "Edward House",
    read as a body, is the person the FRUS lists name (:func:`rekind` gave that person the table's
    kind and key, and the next ingest of the volume gave them back, every document changing each
    time). Returns them with those read so that their other kind was not reported before
    (:attr:`Agent.other_kind_reported`), each ``(index of its record, the reference as read, the kind kept)``,
    for the caller to report once (the reference with the agent's key). ``twins`` (``{key read: (twin key, its kind, other kind reported) or None}``)
    is filled here, a query or two a batch."""
    guessed = sorted({key for keys in from_names for key in keys if _twin(key)} - twins.keys())
    if guessed:
        own = {k for chunk in chunks(guessed) for k in Agent.objects.filter(key__in=chunk).values_list("key", flat=True)}
        merged = merged_keys(guessed)  # a key merged into its twin (rekind of a stated kind) looks to that twin
        others = {}
        for key in guessed:
            if key not in own and merged.get(key, twin := _twin(key)) == twin:
                others[twin] = key
        for key in guessed:
            twins[key] = None
        for chunk in chunks(sorted(others)):  # type: ignore[arg-type]
            stated = Agent.objects.filter(key__in=chunk, kind_from_name=False).values_list("key", "kind", "other_kind_reported")
            for twin, kind, reported in stated:
                twins[others[twin]] = (twin, kind, reported)
    out: list[DocumentRecord] = []
    apart: list[tuple[int, AgentRef, str]] = []
    for index, (record, keys) in enumerate(zip(records, from_names)):
        if not any(ref.key in keys and twins.get(ref.key) for ref in record.agents):
            out.append(record)
            continue
        agents = []
        for ref in record.agents:
            if ref.key in keys and (twin := twins.get(ref.key)):
                if ref.kind != twin[2]:
                    apart.append((index, replace(ref, key=twin[0]), twin[1]))  # the agent's key, the kind read
                ref = replace(ref, key=twin[0], kind=twin[1])
            agents.append(ref)
        out.append(replace(record, agents=agents))
    return out, apart


def as_stored_kinds(
    records: list[DocumentRecord], kinds: dict[str, str], reported: dict[str, str] | None = None
) -> tuple[list[DocumentRecord], list[tuple[int, AgentRef, str]]]:
    """``records`` with each agent of a key an agent is stored under given that agent's kind, and
    each agent of another key the kind it was first read with in this ingest (``kinds``, ``{key:
    kind}``, which this fills: the stored agents' kinds are read once an ingest); and the agents read
    with another kind than that, each ``(index of its record in records, the reference as read, the
    kind kept)``, for the caller to report. An agent's kind is one for all its documents, as its
    preferred name is, and may be a curator's correction (Legation remembers what each document's
    source gave, not what it gave of an agent): a source giving ``"kind": "organization"`` for a
    person, or a TEI letter an ``orgName`` where another a ``persName`` of one GND key, does not change
    it; :func:`rekind` does, where a source gives an agent the key of the other kind. ``reported``
    (``{key: other kind reported}`` of the stored agents, :attr:`Agent.other_kind_reported`, filled
    alongside ``kinds``): when given, an agent read with the other kind an ingest reported before is
    not returned (:func:`remember_reported` stores those returned): said once, not at every ingest,
    nor at each of two sources that disagree. A key merged into another agent (:func:`resolve_keys`)
    holds no agent: it is read as given. Like :func:`resolve_keys`, it returns copies of the records
    it changes."""
    unread = sorted({ref.key for record in records for ref in record.agents} - kinds.keys())
    for chunk in chunks(unread):
        for key, kind, other in Agent.objects.filter(key__in=chunk).values_list("key", "kind", "other_kind_reported"):
            kinds[key] = kind
            if reported is not None:
                reported[key] = other
    out: list[DocumentRecord] = []
    apart: list[tuple[int, AgentRef, str]] = []
    for index, record in enumerate(records):
        agents, changed = [], False
        for ref in record.agents:
            if (kind := kinds.setdefault(ref.key, ref.kind)) != ref.kind:
                if reported is None or reported.get(ref.key) != ref.kind:
                    apart.append((index, ref, kind))
                ref, changed = replace(ref, kind=kind), True
            agents.append(ref)
        out.append(replace(record, agents=agents) if changed else record)
    return out, apart


def remember_reported(told: dict[str, str]) -> None:
    """Store ``told`` (``{key of a stored agent: the other kind a source gave it, now reported}``) as
    the agents' :attr:`Agent.other_kind_reported` (call inside the batch's transaction), a query a kind."""
    for kind in set(told.values()):
        for chunk in chunks(sorted(key for key, other in told.items() if other == kind)):
            Agent.objects.filter(key__in=chunk).update(other_kind_reported=kind)


def confirm_kinds(keys: set[str]) -> None:
    """Unset :attr:`Agent.kind_from_name` of the agents stored under ``keys`` (call inside the batch's transaction):
    a source states their kind, the kind they have (a TEI ``persName``, a FRUS list of persons, a table's kind
    column), so it is no longer one read from a name, and a later rule reading the name otherwise does not change
    it (:func:`rekind`), as for an agent a source gave first. A query for a thousand keys, agents of no mark
    untouched."""
    for chunk in chunks(sorted(keys)):
        Agent.objects.filter(key__in=chunk, kind_from_name=True).update(kind_from_name=False)


def rekind(keys: dict[str, str], stated: set[str] | frozenset[str] = frozenset()) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Give the agents a source now reads as the other kind the key and kind it now reads (call
    inside a transaction): ``keys`` is ``{key read from the source: kind}``, of names whose kind was
    read from the name (:func:`legation.ingest.readers.kind_from_name`), and only an agent whose kind was too
    (:attr:`Agent.kind_from_name`) is moved: one whose kind a source or curator gave is the agent
    those names stand for (:func:`as_stated_twins`). Readers key a name
    without an authority id by its kind (``organization:rat-von-leipzig``), which they read from the
    name (:func:`legation.ingest.names.agent_kind`); when that rule changes, a name once keyed
    ``person:rat-von-leipzig`` comes keyed ``organization:…``. An agent stored under the old key (and
    none under the new one, nor the old key among the keys read) takes the new key and kind, so a
    re-ingest updates it in place instead of adding a second agent of one name; documents that link
    it as their source last gave them remember the new key as given (see :func:`merge_agent`), so
    the change is no curator's correction. ``stated``: those of ``keys`` whose kind a source states (a FRUS
    list's person, a TEI ``persName``, a JSON Lines ``"kind"``): the agent a table stored first under the
    other kind read from the name (``organization:edward-house``) becomes the stated one
    (``person:edward-house``), as if that source came first, and keeps its old key among its other keys
    (:class:`AgentKey`), so the table's later rows find it (:func:`resolve_keys`, :func:`as_stated_twins`).
    Returns the identifiers of the documents that link those agents, for the caller to log, and
    ``(old key, new key, name)`` of the agents given a stated kind, for the caller to report."""
    # only a key no agent holds yet can be a twin's: a batch of stored agents costs one query
    kinded = sorted(key for key in keys if _twin(key))
    taken = {k for chunk in chunks(kinded) for k in Agent.objects.filter(key__in=chunk).values_list("key", flat=True)}
    fresh = [key for key in kinded if key not in taken]
    taken |= set(merged_keys(fresh)) if fresh else set()
    twins = {twin: key for key in fresh if key not in taken and (twin := _twin(key)) not in keys}
    if not twins:
        return [], []
    moved, restated = [], []
    for chunk in chunks(sorted(twins)):
        for agent in Agent.objects.filter(key__in=chunk, kind_from_name=True):  # a kind a source or curator gave stays
            if twins[agent.key] in stated:
                restated.append((agent.key, twins[agent.key], agent.name))
            agent.key, agent.kind, agent.other_kind_reported = twins[agent.key], keys[twins[agent.key]], ""
            moved.append(agent)
    if not moved:
        return [], []
    identifiers = sorted(set(Document.objects.filter(agent_links__agent__in=moved).values_list("identifier", flat=True)))
    before = _agents_digests(identifiers)
    Agent.objects.bulk_update(moved, ["key", "kind", "other_kind_reported"])
    by_key = {agent.key: agent for agent in moved}
    AgentKey.objects.bulk_create(AgentKey(key=old, agent=by_key[new]) for old, new, _ in restated)
    _rebase(identifiers, before)
    return identifiers, restated


def rekey(moves: dict[str, str]) -> list[str]:
    """Give agents the keys a source now makes for them (call inside a transaction): ``moves`` is
    ``{key an agent may be stored under: key read now}``, e.g. ``{"person:wadysaw-gomuka":
    "person:wladyslaw-gomulka"}`` when the rule making keys from names changed (letters without an
    ASCII decomposition once dropped, now folded: :func:`legation.ingest.slugs.slug`). An
    agent stored under an old key takes the new one, unless an agent holds it already or it is
    another key of one (then the two stay apart until merged: :func:`merge_agent`); its old key is
    kept as one of its other keys (:class:`AgentKey`), so that a file, export or authority line
    still giving the old key finds it (:func:`resolve_keys`), as for a merged agent, and the admin's
    agent search finds it by it. Documents that link it as their source last gave them remember the
    new key as given (see :func:`merge_agent`): a re-ingest finds them unchanged. Returns the
    identifiers of the documents linking the agents renamed, for the caller to log."""
    news = sorted(set(moves.values()))
    taken = {k for chunk in chunks(news) for k in Agent.objects.filter(key__in=chunk).values_list("key", flat=True)}
    taken |= set(merged_keys(news))
    moved: list[Agent] = []
    for chunk in chunks(sorted(moves)):
        for agent in Agent.objects.filter(key__in=chunk).order_by("key"):
            if (new := moves[agent.key]) not in taken:
                taken.add(new)
                moved.append(agent)
    if not moved:
        return []
    identifiers = sorted(set(Document.objects.filter(agent_links__agent__in=moved).values_list("identifier", flat=True)))
    before = _agents_digests(identifiers)
    olds = [agent.key for agent in moved]
    for agent in moved:
        agent.key = moves[agent.key]
    Agent.objects.bulk_update(moved, ["key"])
    AgentKey.objects.bulk_create(AgentKey(key=old, agent=agent) for old, agent in zip(olds, moved))
    _rebase(identifiers, before)
    return identifiers


def _agents_digests(identifiers: list[str]) -> dict[str, str]:
    from legation.ingest.curation import field_digests  # ingest builds on records, not the other way round

    return {record.identifier: field_digests(record)["agents"] for record in load_records(identifiers)}


def merge_agent(into: Agent, old: Agent) -> list[str]:
    """Merge ``old`` into ``into`` (call inside a transaction): ``old``'s document links move to
    ``into`` (a document linking both in one role keeps one link, at the first of their positions),
    its names become names of ``into`` (its preferred name a curated one), its other keys and its
    own key become other keys of ``into``, and ``old`` is deleted. A document whose agents were as
    its source last gave them stays so: its remembered digest of them
    (:mod:`legation.ingest.curation`) becomes that of the merged links, which is what the source now
    resolves to. Returns the identifiers of the documents whose links changed; the caller logs them."""
    identifiers = sorted(set(Document.objects.filter(agent_links__agent=old).values_list("identifier", flat=True)))
    before = _agents_digests(identifiers)

    twins = {(link.document_id, link.role): link for link in DocumentAgent.objects.filter(agent=into, document__agent_links__agent=old)}
    moved, kept, dropped = [], [], []
    for link in DocumentAgent.objects.filter(agent=old):
        twin = twins.get((link.document_id, link.role))
        if twin is None:
            link.agent = into
            moved.append(link)
        else:
            twin.position = min(twin.position, link.position)
            kept.append(twin)
            dropped.append(link.pk)
    DocumentAgent.objects.filter(pk__in=dropped).delete()
    DocumentAgent.objects.bulk_update(moved, ["agent"])
    DocumentAgent.objects.bulk_update(kept, ["position"])

    names = {old.name: True} | dict(old.names.values_list("name", "from_authority"))
    names.pop(into.name, None)
    known = dict(into.names.values_list("name", "from_authority"))
    AgentName.objects.bulk_create(AgentName(agent=into, name=n, from_authority=c) for n, c in names.items() if n not in known)
    into.names.filter(name__in=[n for n, c in names.items() if c and n in known and not known[n]]).update(from_authority=True)

    AgentKey.objects.filter(agent=old).update(agent=into)
    AgentKey.objects.update_or_create(key=old.key, defaults={"agent": into})
    old.delete()

    _rebase(identifiers, before)
    return identifiers


def _rebase(identifiers: list[str], before: dict[str, str]) -> None:
    """Documents whose agents were as their source last gave them (their remembered digest of agents is
    ``before``) stay so: their remembered digest becomes that of their links now, so the next
    ingest does not take the change for a curator's correction."""
    after = _agents_digests(identifiers)
    rebased = []
    for doc in (d for chunk in chunks(identifiers) for d in Document.objects.filter(identifier__in=chunk).exclude(ingested=None)):
        if doc.ingested.get("agents") == before[doc.identifier] != after[doc.identifier]:
            doc.ingested = {**doc.ingested, "agents": after[doc.identifier]}
            rebased.append(doc)
    Document.objects.bulk_update(rebased, ["ingested"])
