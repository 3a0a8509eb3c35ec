"""Resolution on mention tables: who merges, who stays apart, and why."""

from __future__ import annotations

from casegraph.model import EntityType, Mention
from casegraph.resolve.entities import resolve


def _m(
    text: str,
    kind: EntityType = EntityType.ORGANIZATION,
    doc: str = "d1",
    at: int = 0,
    how: str = "cue:org",
) -> Mention:
    return Mention(
        document_id=doc, start=at, end=at + len(text), text=text, type=kind, extractor=how
    )


def _groups(mentions: list[Mention]) -> list[set[str]]:
    _entities, links = resolve(mentions)
    by_entity: dict[str, set[str]] = {}
    for m in mentions:
        by_entity.setdefault(links[m.id], set()).add(m.text)
    return sorted(by_entity.values(), key=lambda g: sorted(g))


def test_short_form_joins_its_only_owner_across_documents() -> None:
    groups = _groups(
        [_m("Orvane Kestrel", at=0), _m("Kestrel", doc="d2", at=5), _m("Kestrel", at=40)]
    )
    assert groups == [{"Orvane Kestrel", "Kestrel"}]


def test_spelling_variant_merges_with_reason() -> None:
    mentions = [
        _m("Hunan Zhaolinyi", at=0),
        _m("Hunan Zhaolinyi", at=30),
        _m("Hunan Zhaolyinyi", at=60),
    ]
    entities, _ = resolve(mentions)
    assert len(entities) == 1
    assert entities[0].name == "Hunan Zhaolinyi"
    assert entities[0].merges[0].name == "Hunan Zhaolyinyi"
    assert entities[0].merges[0].reason.startswith("spelling variant")


def test_parties_sharing_a_word_stay_apart() -> None:
    groups = _groups([_m("TSR Vostok", at=0), _m("NII Vostok", at=20), _m("Vostok Etalon", at=40)])
    assert len(groups) == 3


def test_ambiguous_short_form_stays_apart() -> None:
    groups = _groups([_m("TSR Vostok", at=0), _m("NII Vostok", at=20), _m("Vostok", at=40)])
    assert {"Vostok"} in groups


def test_legal_form_does_not_split_a_party() -> None:
    groups = _groups([_m("Marlow Fenwick OOO", at=0), _m("Marlow Fenwick", at=30)])
    assert groups == [{"Marlow Fenwick OOO", "Marlow Fenwick"}]


def test_cue_type_outvotes_the_model() -> None:
    mentions = [
        _m("Qilong Zhaoyu", EntityType.PERSON, at=0, how="spacy:PERSON"),
        _m("Qilong Zhaoyu", EntityType.ORGANIZATION, at=40, how="cue:org"),
    ]
    entities, _ = resolve(mentions)
    assert [e.type for e in entities] == [EntityType.ORGANIZATION]


def test_person_surname_joins_full_name() -> None:
    groups = _groups(
        [
            _m("Samuel Brantley", EntityType.PERSON, how="spacy:PERSON"),
            _m("Brantley", EntityType.PERSON, at=50, how="spacy:PERSON"),
        ]
    )
    assert groups == [{"Samuel Brantley", "Brantley"}]


def test_authority_aliases_become_one_body() -> None:
    mentions = [
        _m("U.S.", EntityType.AUTHORITY, how="cue:authority"),
        _m("United States", EntityType.AUTHORITY, at=20, how="cue:authority"),
    ]
    entities, _ = resolve(mentions)
    assert [e.name for e in entities] == ["United States"]


def test_an_unnamed_group_is_one_party_only_within_its_story() -> None:
    """"Vornish engineers" in two unrelated reports need not be the same people; in a report and
    its rewrite they are. Named parties join across stories as before."""
    group = EntityType.PERSON
    mentions = [
        _m("Vornish engineers", group, doc="report", at=0, how="cue:group"),
        _m("Vornish engineers", group, doc="report", at=50, how="cue:group"),
        _m("Vornish engineers", group, doc="rewrite", at=10, how="cue:group"),
        _m("Vornish engineers", group, doc="other", at=10, how="cue:group"),
        _m("Orvane Kestrel", doc="report", at=80),
        _m("Orvane Kestrel", doc="other", at=80),
    ]
    stories = {"report": "report", "rewrite": "report", "other": "other"}
    entities, links = resolve(mentions, stories=stories)
    groups = [e for e in entities if e.name == "Vornish engineers"]
    assert len(groups) == 2
    assert links[mentions[0].id] == links[mentions[1].id] == links[mentions[2].id]
    assert links[mentions[3].id] != links[mentions[0].id]
    assert links[mentions[4].id] == links[mentions[5].id]
    # Without stories, every document is its own.
    entities, _ = resolve(mentions)
    assert len([e for e in entities if e.name == "Vornish engineers"]) == 3
