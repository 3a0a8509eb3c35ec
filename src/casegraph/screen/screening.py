"""Screen names and entities against sanctions lists: index, then score, then explain.

`DEFAULT_THRESHOLD` = 0.75, from scores on the real SDN list (list IDF weights):
names sharing one word with an entry score about 0.2-0.4 (a two-word company
name vs "AO NII VEKTOR" 0.37, "Vladimir Putin" vs "KONONOV, Vladimir" 0.22); a one-word
short form against a longer name about 0.65 ("Vektor" vs "AO NII VEKTOR"
0.66); the same party under a typo, a transliteration, "LAST, First" order, a
missing patronymic, a legal form or an acronym of translated words 0.8 or more
("Vladimir Vysotksy" 0.89, "Владимир Путин" 0.95, an acronym plus one word
against the full plant name 0.94). 0.75
sits in that gap, leaning to recall: a compliance reader would rather dismiss
an explained candidate than miss a designated party. bench/screen.py and
bench/names.py measure it (figures in bench/README.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from casegraph.model import Entity, EntityType, ScreeningMatch
from casegraph.resolve.names import Alignment, NameForm, prepare
from casegraph.screen.index import CandidateIndex
from casegraph.screen.lists import ListEntry, SanctionsList
from casegraph.screen.scorer import Scorer, TokenStats, explain

DEFAULT_THRESHOLD = 0.75
# When a list name agrees with the query almost exactly, entries more than `_MARGIN` below it
# are left out: the query has found its party, and a weaker likeness to another entry is an
# alert the analyst would only dismiss.
_CLEAR = 0.95
_MARGIN = 0.1
# List entries aligned per query name (each by its name sharing most weight with the query): the
# limit and a few more, best weight share first, none
# sharing less than `_OVERLAP` of the two names' weight when the threshold is `_OVERLAP_FROM` or
# more (such a name never reached 0.75 in bench/screen.py's development runs).
_SPARE_CANDIDATES = 3
_OVERLAP, _OVERLAP_FROM = 0.25, 0.6
# Once a list name agrees almost exactly, names sharing less than this share of its overlap are
# not aligned: in the development runs they never came within `_MARGIN` of it.
_SETTLED = 0.6
# Nor are names sharing less than this share of the best candidate's overlap: in the development
# runs (seed 1) none of them changed an answer, and they were a quarter of all alignments.
_BEHIND = 0.45
_ALL_SCHEMAS = frozenset({"person", "organization", "vessel", "aircraft"})
# The list schemas a query of each type may match; products, places, authorities: none.
_SCHEMAS: dict[EntityType | None, frozenset[str]] = {
    None: _ALL_SCHEMAS,
    EntityType.PERSON: frozenset({"person"}),
    EntityType.ORGANIZATION: frozenset({"organization"}),
}


@dataclass(frozen=True)
class _ListedName:
    """One name of one entry of one list, prepared for scoring."""

    sanctions_list: SanctionsList
    entry: ListEntry
    form: NameForm

    @cached_property
    def words(self) -> tuple[str, str, tuple[str, ...]]:
        """The entry and the name's words in any order: "NOORI, Omid" and "Omid NOORI" align
        alike with any query, so only one of them is aligned."""
        return self.sanctions_list.name, self.entry.entry_id, tuple(sorted(self.form.tokens))


@dataclass(frozen=True)
class _Hit:
    listed: _ListedName
    query: str
    comparison: Alignment


class Screener:
    """Holds the lists, their token statistics and a candidate index, built once."""

    def __init__(self, lists: Sequence[SanctionsList]) -> None:
        self.lists = tuple(lists)
        self._names = [
            _ListedName(sanctions_list, entry, form)
            for sanctions_list in self.lists
            for entry in sanctions_list.entries
            for form in _distinct_forms(entry)
        ]
        self._scorer = Scorer(TokenStats(self._entry_tokens()))
        self._index = CandidateIndex(
            [listed.form for listed in self._names],
            self._scorer.stats.weight,
            [listed.entry.schema for listed in self._names],
        )

    def screen_name(
        self,
        name: str,
        type: EntityType | None = None,
        limit: int = 5,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> list[ScreeningMatch]:
        """The best `limit` list entries for one name, at or above `threshold`."""
        return self._screen([name], type, "", limit, threshold)

    def screen_entity(
        self, entity: Entity, limit: int = 5, threshold: float = DEFAULT_THRESHOLD
    ) -> list[ScreeningMatch]:
        """Screen an entity's name and aliases; each list entry once, by its best-scoring name."""
        names = list(dict.fromkeys([entity.name, *entity.aliases]))
        return self._screen(names, entity.type, entity.id, limit, threshold)

    def compare(
        self, name: str, entry_id: str, type: EntityType | None = None
    ) -> ScreeningMatch | None:
        """How a name compares with one list entry, whatever the threshold: the entry's best-
        scoring name and why ("why did X not hit entry 123?"); None for an unknown entry."""
        query = prepare(name, type)
        hits = [
            _Hit(listed, name, self._scorer.score(query, listed.form))
            for listed in self._names
            if listed.entry.entry_id == entry_id
        ]
        if not hits:
            return None
        return _match(max(hits, key=lambda hit: hit.comparison.score), "")

    def _screen(
        self,
        names: list[str],
        type: EntityType | None,
        entity_id: str,
        limit: int,
        threshold: float,
    ) -> list[ScreeningMatch]:
        schemas = _SCHEMAS.get(type, frozenset())
        best: dict[tuple[str, str], _Hit] = {}
        for name in names:
            for hit in self._hits(name, type, schemas, limit, threshold):
                key = (hit.listed.sanctions_list.name, hit.listed.entry.entry_id)
                if key not in best or hit.comparison.score > best[key].comparison.score:
                    best[key] = hit
        kept = [hit for hit in best.values() if hit.comparison.score >= threshold]
        kept.sort(key=lambda h: (-h.comparison.score, h.listed.entry.entry_id))
        if kept and kept[0].comparison.score >= _CLEAR:
            floor = kept[0].comparison.score - _MARGIN
            kept = [hit for hit in kept if hit.comparison.score >= floor or _holds_query(hit)]
        return [_match(hit, entity_id) for hit in kept[:limit]]

    def _hits(
        self,
        name: str,
        type: EntityType | None,
        schemas: frozenset[str],
        limit: int,
        threshold: float,
    ) -> list[_Hit]:
        if not schemas:
            return []
        query = prepare(name, type)
        hits: list[_Hit] = []
        seen: set[tuple[str, str]] = set()
        floor = _OVERLAP if threshold >= _OVERLAP_FROM else 0.0
        wanted = limit + _SPARE_CANDIDATES
        candidates = self._index.candidates(query, 2 * wanted, schemas, floor)
        # Once a name agrees almost exactly, a longer one holding every word of the query is
        # still aligned: a namesake the query cannot tell from it (`_holds_query`).
        settled, query_words = False, set(query.tokens)
        aligned: set[tuple[str, str, tuple[str, ...]]] = set()
        if candidates and threshold >= _OVERLAP_FROM:
            floor = max(floor, _BEHIND * candidates[0].overlap)
        for found in candidates:
            listed = self._names[found.number]
            entry = (listed.sanctions_list.name, listed.entry.entry_id)
            if entry not in seen and len(seen) == wanted:
                continue
            if found.overlap < floor and not (settled and query_words <= set(listed.form.tokens)):
                continue
            # Every name of an entry the index found is aligned: the name sharing most weight
            # is not always the one that agrees best ("AO MUROMSKOE SKB" beside "MUROM SPECIAL
            # DESIGN BUREAU").
            seen.add(entry)
            if listed.words in aligned:
                continue
            aligned.add(listed.words)
            hits.append(_Hit(listed, name, self._scorer.score(query, listed.form, threshold)))
            if hits[-1].comparison.score >= _CLEAR:
                floor = max(floor, _SETTLED * found.overlap)
                settled = True
        return hits

    def _entry_tokens(self) -> list[set[str]]:
        """One token set per list entry (all its names): the documents of the IDF."""
        tokens: dict[tuple[str, str], set[str]] = {}
        for listed in self._names:
            key = (listed.sanctions_list.name, listed.entry.entry_id)
            tokens.setdefault(key, set()).update(listed.form.tokens)
        return list(tokens.values())


def _holds_query(hit: _Hit) -> bool:
    """The list name agrees with every word of the query and has more ("Muhammad IBRAHIM" in
    "IBRAHIM, Muhammad Sholeh"): a namesake the query cannot tell from the exact hit, kept
    beside it."""
    aligned = hit.comparison
    query = aligned.forms[0]
    covered = {i for unit in aligned.units if unit.score >= _CLEAR for i in unit.left}
    return len(query.tokens) >= 2 and len(covered) == len(query.tokens)


def _distinct_forms(entry: ListEntry) -> list[NameForm]:
    """Prepared names of an entry, each token sequence once."""
    forms: dict[tuple[str, ...], NameForm] = {}
    for name in entry.names:
        form = prepare(name, entry.schema)
        forms.setdefault(form.tokens, form)
    return list(forms.values())


def _match(hit: _Hit, entity_id: str) -> ScreeningMatch:
    listed = hit.listed
    return ScreeningMatch(
        entity_id=entity_id,
        list_name=listed.sanctions_list.name,
        list_date=listed.sanctions_list.published,
        entry_id=listed.entry.entry_id,
        matched_name=listed.form.original,
        query_name=hit.query,
        score=hit.comparison.score,
        explanation=explain(hit.comparison),
        programs=listed.entry.programs,
        entry_type=listed.entry.schema,
    )
