"""The mapping from a records file's columns to claims, read from a small YAML file.

A records file `invoices.csv` is read with `invoices.mapping.yaml` beside it
(`.yml` works too). The mapping lists claims; each names a predicate, the
columns holding its subject and object, and the columns (or constants) of its
attributes:

    date_format: "%d.%m.%Y"            # optional; default ISO dates and dates as written in prose
    claims:
      - predicate: bills
        subject: seller                # a column; typed by the predicate (here an organization)
        object: {column: buyer, type: organization}
        attributes:
          amount: total
          currency: {value: USD}       # a constant for every row
          product: goods               # product, place and via columns also become mentions
          date: invoice_date
        sheet: Invoices                # XLSX only; default every sheet holding the columns

Every mistake is reported as one line naming the mapping file and the claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from casegraph.errors import SkipItem
from casegraph.model import EntityType, Predicate

ATTRIBUTES = (
    "amount",
    "currency",
    "date",
    "product",
    "quantity",
    "place",
    "via",
    "role",
    "program",
    "reference",
)
"""Attribute names a mapping may fill; the extractor of text fills the same ones."""

ATTRIBUTE_TYPES = {
    "product": EntityType.PRODUCT,
    "place": EntityType.PLACE,
    "via": EntityType.ORGANIZATION,
}
"""Attributes naming a thing: their cells become mentions too."""

ORG, PERSON, PLACE, PRODUCT = (
    EntityType.ORGANIZATION,
    EntityType.PERSON,
    EntityType.PLACE,
    EntityType.PRODUCT,
)
PARTY_TYPES: dict[Predicate, tuple[EntityType, EntityType]] = {
    Predicate.MANUFACTURES: (ORG, PRODUCT),
    Predicate.DEVELOPS: (ORG, PRODUCT),
    Predicate.TESTS: (ORG, PRODUCT),
    Predicate.ROLE_IN: (PERSON, ORG),
    Predicate.MEMBER_OF: (PERSON, ORG),
    Predicate.FAMILY: (PERSON, PERSON),
    Predicate.TRAVELS_WITH: (PERSON, PERSON),
    Predicate.VISITS: (PERSON, PLACE),
    Predicate.LOCATED_IN: (ORG, PLACE),
    Predicate.VARIANT_OF: (PRODUCT, PRODUCT),
    Predicate.SANCTIONED_BY: (ORG, EntityType.AUTHORITY),
}
"""Default subject and object types by predicate; others link two organizations."""

SUFFIXES = (".mapping.yaml", ".mapping.yml")


@dataclass(frozen=True)
class Source:
    """Where a value comes from, a column or a constant, and its type if it names a thing."""

    column: str | None = None
    value: str | None = None
    type: EntityType | None = None


@dataclass(frozen=True)
class ClaimMap:
    """How one row yields one claim."""

    predicate: Predicate
    subject: Source
    object: Source
    attributes: tuple[tuple[str, Source], ...] = ()
    sheet: str | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns this claim reads, subject and object first."""
        sources = [self.subject, self.object, *(s for _, s in self.attributes)]
        return tuple(dict.fromkeys(s.column for s in sources if s.column))


@dataclass(frozen=True)
class RecordMapping:
    name: str
    claims: tuple[ClaimMap, ...]
    date_format: str | None = None


def mapping_path(records: Path) -> Path | None:
    """The mapping file beside a records file (`x.csv` -> `x.mapping.yaml`), if there is one."""
    for suffix in SUFFIXES:
        candidate = records.with_name(records.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def load_mapping(path: Path) -> RecordMapping:
    """The mapping in a YAML file, or SkipItem saying what is wrong with it."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SkipItem(
            f"mapping {path.name} cannot be read: {' '.join(str(exc).split())[:160]}"
        ) from exc
    return parse_mapping(raw, path.name)


def parse_mapping(raw: Any, name: str) -> RecordMapping:
    """A mapping from its parsed YAML; `name` labels every error."""
    if not isinstance(raw, dict) or not isinstance(raw.get("claims"), list) or not raw["claims"]:
        raise SkipItem(f"mapping {name}: expected a 'claims:' list (see README, Formats)")
    date_format = raw.get("date_format")
    if date_format is not None and not isinstance(date_format, str):
        raise SkipItem(f'mapping {name}: date_format must be text such as "%d.%m.%Y"')
    claims = tuple(
        _claim(item, f"mapping {name}: claim {i}") for i, item in enumerate(raw["claims"], 1)
    )
    return RecordMapping(name, claims, date_format)


def _claim(item: Any, where: str) -> ClaimMap:
    if not isinstance(item, dict):
        raise SkipItem(f"{where}: expected predicate, subject, object")
    try:
        predicate = Predicate(str(item.get("predicate", "")).strip().lower())
    except ValueError:
        known = ", ".join(p.value for p in Predicate)
        raise SkipItem(
            f"{where}: unknown predicate {item.get('predicate')!r}; use one of {known}"
        ) from None
    subject_type, object_type = PARTY_TYPES.get(predicate, (ORG, ORG))
    attributes = item.get("attributes") or {}
    if not isinstance(attributes, dict):
        raise SkipItem(f"{where}: attributes must map names to columns")
    unknown = sorted(set(map(str, attributes)) - set(ATTRIBUTES))
    if unknown:
        raise SkipItem(
            f"{where}: unknown attribute {unknown[0]!r}; use one of {', '.join(ATTRIBUTES)}"
        )
    sheet = item.get("sheet")
    return ClaimMap(
        predicate=predicate,
        subject=_party(item.get("subject"), subject_type, f"{where} subject"),
        object=_party(item.get("object"), object_type, f"{where} object"),
        attributes=tuple(
            (str(k), _source(v, ATTRIBUTE_TYPES.get(str(k)), f"{where} {k}"))
            for k, v in attributes.items()
        ),
        sheet=str(sheet) if sheet is not None else None,
    )


def _party(raw: Any, default: EntityType, where: str) -> Source:
    source = _source(raw, default, where)
    if source.column is None:
        raise SkipItem(f"{where}: a party must come from a column, so its name is in the text")
    return source


def _source(raw: Any, default: EntityType | None, where: str) -> Source:
    if isinstance(raw, str | int) and not isinstance(raw, bool) and str(raw).strip():
        return Source(column=str(raw).strip(), type=default)
    if not isinstance(raw, dict) or ("column" in raw) == ("value" in raw):
        raise SkipItem(f"{where}: give a column name, {{column: NAME}} or {{value: CONSTANT}}")
    kind = raw.get("type")
    try:
        typed = EntityType(str(kind).lower()) if kind is not None else default
    except ValueError:
        known = ", ".join(t.value for t in EntityType)
        raise SkipItem(f"{where}: unknown type {kind!r}; use one of {known}") from None
    if "value" in raw:
        return Source(value=str(raw["value"]), type=None)
    return Source(column=str(raw["column"]).strip(), type=typed)
