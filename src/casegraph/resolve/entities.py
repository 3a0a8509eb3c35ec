"""Resolution v1: mentions across sentences and documents become entities.

Names are compared after normalisation (case, transliteration, legal forms).
A name joins an entity when it is the same name, a spelling variant of it, an
acronym of it, or a short form that only one entity of the corpus can own; a
short form two entities could own stays apart, and so do names that merely
share a word. Every merge keeps its reason.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein
from rigour.territories import lookup_territory

from casegraph.extract.authorities import canonical_authority
from casegraph.model import Entity, EntityType, Mention, MergeReason, make_id
from casegraph.resolve.names import name_tokens

STRONG_EXTRACTORS = ("cue:", "pattern:")
COMMON_TOKENS = frozenset(
    ["company", "group", "holding", "holdings", "plant", "factory", "bank", "the", "of", "and", "for", "international", "trading", "industries", "industrial", "systems", "technologies", "technology", "corporation", "enterprise", "state", "national", "russian", "chinese", "american", "center", "centre", "institute", "research"]
)


@dataclass
class Cluster:
    type: EntityType
    key: tuple[str, ...]
    names: Counter[str] = field(default_factory=Counter)
    mention_ids: list[str] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    merges: list[MergeReason] = field(default_factory=list)
    keys: set[tuple[str, ...]] = field(default_factory=set)


def _key(mention: Mention) -> tuple[str, ...]:
    if mention.type is EntityType.AUTHORITY:
        return tuple((canonical_authority(mention.text) or mention.text).lower().split())
    if mention.type is EntityType.PLACE:
        territory = country_of(mention.text)
        if territory is not None:
            return tuple(name_tokens(territory))
    return tuple(name_tokens(mention.text))


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalpha())


def country_of(text: str) -> str | None:
    """`U.S.` -> `United States`: only a country's own names and codes, never a region in it."""
    territory = lookup_territory(text)
    if territory is None or not territory.is_country:
        return None
    names = {territory.name, territory.full_name or "", territory.in_sentence or "", territory.code}
    names |= {territory.alpha3 or ""}
    return territory.name if _letters(text) in {_letters(n) for n in names if n} else None


def settle_types(mentions: Iterable[Mention]) -> dict[tuple[str, ...], EntityType]:
    """One type per name across the corpus: cue and pattern evidence outweighs the model."""
    votes: dict[tuple[str, ...], Counter[EntityType]] = defaultdict(Counter)
    for m in mentions:
        if m.type in {EntityType.PLACE, EntityType.AUTHORITY}:
            continue
        weight = 3 if m.extractor.startswith(STRONG_EXTRACTORS) else 1
        votes[_key(m)][m.type] += weight
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def _variant(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Similarity of two same-length names whose tokens differ by small misspellings."""
    if len(a) != len(b) or a == b:
        return 1.0 if a == b else 0.0
    if not any(x == y for x, y in zip(a, b)) and len(a) > 1:
        return 0.0
    scores = []
    for x, y in zip(a, b):
        if x == y:
            scores.append(1.0)
        elif min(len(x), len(y)) >= 5 and Levenshtein.distance(x, y) <= max(1, len(x) // 5):
            scores.append(Levenshtein.normalized_similarity(x, y))
        else:
            return 0.0
    return sum(scores) / len(scores)


def _is_acronym(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    if len(short) != 1 or len(long) < 2 or len(short[0]) < 2:
        return False
    return short[0] == "".join(t[0] for t in long if t not in {"of", "and", "the", "for"})


def _short_form_owners(key: tuple[str, ...], clusters: list[Cluster]) -> list[Cluster]:
    """Longer names whose tokens include every token of `key` (a distinctive one among them)."""
    if not key or all(t in COMMON_TOKENS or len(t) < 3 and not t.isalpha() for t in key):
        return []
    owners = []
    for cluster in clusters:
        if any(len(k) > len(key) and set(key) <= set(k) for k in cluster.keys):
            owners.append(cluster)
    return owners


def _place(key: tuple[str, ...], name: str, clusters: list[Cluster]) -> tuple[Cluster | None, str, float]:
    for cluster in clusters:
        if key in cluster.keys:
            return cluster, "same name after normalisation", 1.0
    for cluster in clusters:
        score = max(_variant(key, k) for k in cluster.keys)
        if score >= 0.85:
            return cluster, f"spelling variant ({score:.2f} token similarity)", score
    owners = _short_form_owners(key, clusters)
    if len(owners) == 1:
        return owners[0], "short form: its words are part of this name and of no other", 0.9
    for cluster in clusters:
        if any(_is_acronym(key, k) for k in cluster.keys):
            return cluster, "acronym of the full name", 0.9
    return None, "", 0.0


def resolve(mentions: Iterable[Mention]) -> tuple[list[Entity], dict[str, str]]:
    """Entities and the mention -> entity map."""
    mentions = [m for m in mentions if _key(m)]
    types = settle_types(mentions)
    by_type: dict[EntityType, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_type[types.get(_key(m), m.type)].append(m)
    entities: list[Entity] = []
    links: dict[str, str] = {}
    for kind, group in by_type.items():
        for cluster in _cluster(kind, group):
            entity = _entity(cluster)
            entities.append(entity)
            links.update({mid: entity.id for mid in cluster.mention_ids})
    return sorted(entities, key=lambda e: (e.type.value, e.name)), links


def _cluster(kind: EntityType, mentions: list[Mention]) -> list[Cluster]:
    by_key: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[_key(m)].append(m)
    order = sorted(by_key, key=lambda k: (-len(k), -len(by_key[k]), k))
    clusters: list[Cluster] = []
    for key in order:
        group = by_key[key]
        name = Counter(m.text for m in group).most_common(1)[0][0]
        if kind in {EntityType.ORGANIZATION, EntityType.PERSON}:
            cluster, reason, score = _place(key, name, clusters)
        else:
            cluster, reason, score = next((c for c in clusters if key in c.keys), None), "same name", 1.0
        if cluster is None:
            cluster = Cluster(kind, key)
            clusters.append(cluster)
        elif key not in cluster.keys:
            into = cluster.names.most_common(1)[0][0]
            cluster.merges.append(MergeReason(name, into, reason, round(score, 3)))
        cluster.keys.add(key)
        cluster.names.update(m.text for m in group)
        cluster.mention_ids.extend(m.id for m in group)
        cluster.countries.update(c for m in group for c in m.countries)
    return clusters


def _display_name(cluster: Cluster) -> str:
    if cluster.type is EntityType.PLACE:
        territory = country_of(cluster.names.most_common(1)[0][0])
        if territory is not None:
            return territory
    if cluster.type is EntityType.AUTHORITY:
        return canonical_authority(cluster.names.most_common(1)[0][0]) or cluster.names.most_common(1)[0][0]
    longest = max(len(name_tokens(n)) for n in cluster.names)
    full = [(count, -len(n), n) for n, count in cluster.names.items() if len(name_tokens(n)) == longest]
    return max(full)[2]


def _entity(cluster: Cluster) -> Entity:
    name = _display_name(cluster)
    aliases = tuple(sorted(n for n in cluster.names if n != name))
    return Entity(
        id=make_id("ent", cluster.type.value, " ".join(name_tokens(name)) or name.lower()),
        type=cluster.type,
        name=name,
        aliases=aliases,
        countries=tuple(sorted(cluster.countries)),
        mention_ids=tuple(sorted(cluster.mention_ids)),
        merges=tuple(cluster.merges),
    )
