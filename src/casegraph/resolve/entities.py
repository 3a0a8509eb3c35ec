"""Resolution v1: mentions across sentences and documents become entities.

Names are compared after normalisation (case, transliteration, legal forms).
A name joins an entity when it is the same name, a spelling variant of it, an
acronym of it, or a short form that only one entity of the corpus can own; a
short form two entities could own stays apart, and so do names that merely
share a word. Every merge keeps its reason.

Decisions by a person (`casegraph.resolve.decisions`) win over these rules:
names a person merged start out as one cluster, and the machine never puts
together names a person kept apart, nor attaches anything to a name split off.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from rigour.territories import lookup_territory

from casegraph.extract.authorities import canonical_authority
from casegraph.extract.groups import GROUP_EXTRACTOR
from casegraph.model import Entity, EntityType, Mention, MergeReason, make_id
from casegraph.resolve.blocking import ClusterIndex
from casegraph.resolve.decisions import Decision, Key, Rules, compile_rules, name_key
from casegraph.resolve.names import name_tokens

STRONG_EXTRACTORS = ("cue:", "pattern:")
COMMON_TOKENS = frozenset(
    [
        "company",
        "group",
        "holding",
        "holdings",
        "plant",
        "factory",
        "bank",
        "the",
        "of",
        "and",
        "for",
        "international",
        "trading",
        "industries",
        "industrial",
        "systems",
        "technologies",
        "technology",
        "corporation",
        "enterprise",
        "state",
        "national",
        "russian",
        "chinese",
        "american",
        "center",
        "centre",
        "institute",
        "research",
    ]
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
    return _key_of(mention.type, mention.text)


@lru_cache(maxsize=1 << 17)
def _key_of(kind: EntityType, text: str) -> tuple[str, ...]:
    """Normalising a name is the costly part of a key, and a corpus repeats its names."""
    if kind is EntityType.AUTHORITY:
        return tuple((canonical_authority(text) or text).lower().split())
    if kind is EntityType.PLACE:
        territory = country_of(text)
        if territory is not None:
            return tuple(name_tokens(territory))
    return tuple(name_tokens(text))


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


def _short_form_owners(
    key: tuple[str, ...], views: list[tuple[Cluster, list[tuple[str, ...]]]]
) -> list[Cluster]:
    """Clusters with a longer name whose tokens include every token of `key` (a distinctive one)."""
    if not key or all(t in COMMON_TOKENS or len(t) < 3 and not t.isalpha() for t in key):
        return []
    owners = []
    for cluster, keys in views:
        if any(len(k) > len(key) and set(key) <= set(k) for k in keys):
            owners.append(cluster)
    return owners


def _place(
    key: tuple[str, ...],
    name: str,
    clusters: list[Cluster],
    rules: Rules | None = None,
    hidden: frozenset[Key] = frozenset(),
) -> tuple[Cluster | None, str, float]:
    """The cluster a name joins by the machine's rules, within what a person decided.

    Keys in `hidden`, and names a person split off, are not matched against.
    """
    rules = rules or Rules()
    if key in rules.alone:
        return None, "", 0.0
    # A name split off by a person neither joins nor draws in other names.
    unseen = rules.alone | hidden
    views = [
        (c, [k for k in c.keys if k not in unseen] if unseen else list(c.keys)) for c in clusters
    ]
    views = [(c, keys) for c, keys in views if keys]
    allowed = [(c, keys) for c, keys in views if rules.allowed(key, c.keys)]
    for cluster, keys in allowed:
        if key in keys:
            return cluster, "same name after normalisation", 1.0
    for cluster, keys in allowed:
        score = max(_variant(key, k) for k in keys)
        if score >= 0.85:
            return cluster, f"spelling variant ({score:.2f} token similarity)", score
    # Ownership is counted over all clusters: a person keeping one owner apart does not make
    # an ambiguous short form belong to the other.
    owners = _short_form_owners(key, views)
    if len(owners) == 1 and rules.allowed(key, owners[0].keys):
        return owners[0], "short form: its words are part of this name and of no other", 0.9
    for cluster, keys in allowed:
        if any(_is_acronym(key, k) for k in keys):
            return cluster, "acronym of the full name", 0.9
    return None, "", 0.0


def resolve(
    mentions: Iterable[Mention],
    decisions: Sequence[Decision] = (),
    stories: Mapping[str, str] | None = None,
) -> tuple[list[Entity], dict[str, str]]:
    """Entities and the mention -> entity map; `decisions` (in the order made) win over the rules.

    An unnamed group ("Norwegian engineers") is one party only within one story: `stories` maps a
    document to the first source of its story (`analyse.corroboration.story_roots`); without
    it each document is its own story. Two unrelated reports on "Norwegian engineers" need not be
    about the same people, and joining them would link the two stories through a party that
    neither names."""
    mentions = [m for m in mentions if _key(m)]
    rules = compile_rules(decisions, keys_by_name(mentions))
    types = settle_types(mentions)
    types.update(_group_types(mentions, types, rules))
    by_type: dict[tuple[EntityType, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        story = ""
        if m.extractor == GROUP_EXTRACTOR:
            story = (stories or {}).get(m.document_id, m.document_id)
        by_type[types.get(_key(m), m.type), story].append(m)
    entities: list[Entity] = []
    links: dict[str, str] = {}
    for (kind, story), group in by_type.items():
        for cluster in _cluster(kind, group, rules):
            entity = _entity(cluster, story)
            entities.append(entity)
            links.update({mid: entity.id for mid in cluster.mention_ids})
    return sorted(entities, key=lambda e: (e.type.value, e.name, e.id)), links


def keys_by_name(mentions: Iterable[Mention]) -> dict[Key, set[Key]]:
    """Name key (as a decision's names are matched) -> clustering keys of the mentions so written.

    A country's or authority's canonical name also finds its mentions ("United States": "U.S.").
    """
    keys: dict[Key, set[Key]] = defaultdict(set)
    for m in mentions:
        key = _key(m)
        if key:
            keys[name_key(m.text)].add(key)
            keys[key].add(key)
    return dict(keys)


def _group_types(
    mentions: list[Mention], types: dict[Key, EntityType], rules: Rules
) -> dict[Key, EntityType]:
    """Names a person merged are one entity, so of one type: the one most of their mentions have."""
    settled: dict[Key, EntityType] = {}
    for keys in rules.groups:
        votes = Counter(types.get(_key(m), m.type) for m in mentions if _key(m) in keys)
        if votes:
            settled.update(dict.fromkeys(keys, votes.most_common(1)[0][0]))
    return settled


def _cluster(
    kind: EntityType, mentions: list[Mention], rules: Rules | None = None
) -> list[Cluster]:
    rules = rules or Rules()
    by_key: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[_key(m)].append(m)
    order = sorted(by_key, key=lambda k: (-len(k), -len(by_key[k]), k))
    parties = kind in {EntityType.ORGANIZATION, EntityType.PERSON}
    # Names a person merged start as one cluster, so the machine's rules see them together.
    clusters: list[Cluster] = []
    seeded: dict[Key, Cluster] = {}
    index: ClusterIndex[Cluster] = ClusterIndex()
    for keys in rules.groups:
        present = [k for k in order if k in keys]
        if present:
            start = Cluster(kind, present[0])
            for key in present:
                _add(start, key, by_key[key])
                index.add(start, key)
                seeded[key] = start
            clusters.append(start)
    for key in order:
        if key in seeded:
            continue
        group = by_key[key]
        name = _name(group)
        if parties:
            cluster, reason, score = _place(key, name, index.candidates(key), rules)
        else:
            same = (c for c in index.candidates(key) if key in c.keys)
            cluster, reason, score = next(same, None), "same name", 1.0
        if cluster is None:
            cluster = Cluster(kind, key)
            clusters.append(cluster)
        elif key not in cluster.keys:
            into = cluster.names.most_common(1)[0][0]
            cluster.merges.append(MergeReason(name, into, reason, round(score, 3)))
        _add(cluster, key, group)
        index.add(cluster, key)
    if parties:
        _join_machine_clusters(clusters, seeded, by_key, rules)
    for decision, a, b in rules.merges:
        if a in seeded and seeded[a] is seeded.get(b):
            seeded[a].merges.append(MergeReason(decision.b or "", decision.a, decision.reason))
    return clusters


def _name(group: list[Mention]) -> str:
    return Counter(m.text for m in group).most_common(1)[0][0]


def _add(cluster: Cluster, key: Key, group: list[Mention]) -> None:
    cluster.keys.add(key)
    cluster.names.update(m.text for m in group)
    cluster.mention_ids.extend(m.id for m in group)
    cluster.countries.update(c for m in group for c in m.countries)


def _join_machine_clusters(
    clusters: list[Cluster],
    seeded: dict[Key, Cluster],
    by_key: dict[Key, list[Mention]],
    rules: Rules,
) -> None:
    """A merged name brings along the cluster the machine would have put it in.

    Seeding alone misses this when the merged name is the shorter one ("Kestrel" of
    "Orvane Kestrel"): longer names are placed first and never join shorter ones.
    """
    for key in list(seeded):
        home = seeded[key]
        name = _name(by_key[key])
        target, reason, score = _place(key, name, clusters, rules, hidden=frozenset([key]))
        if target is None or target is home:
            continue
        if any(frozenset((x, y)) in rules.apart for x in home.keys for y in target.keys):
            continue
        home.merges.append(
            MergeReason(target.names.most_common(1)[0][0], name, reason, round(score, 3))
        )
        home.merges.extend(target.merges)
        home.keys |= target.keys
        home.names.update(target.names)
        home.mention_ids.extend(target.mention_ids)
        home.countries |= target.countries
        clusters[:] = [c for c in clusters if c is not target]
        for k in target.keys:
            if k in seeded:
                seeded[k] = home


def _display_name(cluster: Cluster) -> str:
    if cluster.type is EntityType.PLACE:
        territory = country_of(cluster.names.most_common(1)[0][0])
        if territory is not None:
            return territory
    if cluster.type is EntityType.AUTHORITY:
        return (
            canonical_authority(cluster.names.most_common(1)[0][0])
            or cluster.names.most_common(1)[0][0]
        )
    longest = max(len(name_tokens(n)) for n in cluster.names)
    full = [
        (count, -len(n), n) for n, count in cluster.names.items() if len(name_tokens(n)) == longest
    ]
    return max(full)[2]


def _entity(cluster: Cluster, story: str = "") -> Entity:
    """The cluster as an entity; a group's id says its story too."""
    name = _display_name(cluster)
    aliases = tuple(sorted(n for n in cluster.names if n != name))
    key = " ".join(name_tokens(name)) or name.lower()
    return Entity(
        id=make_id("ent", cluster.type.value, key, *([story] if story else [])),
        type=cluster.type,
        name=name,
        aliases=aliases,
        countries=tuple(sorted(cluster.countries)),
        mention_ids=tuple(sorted(cluster.mention_ids)),
        merges=tuple(cluster.merges),
    )
