"""The typed core: every stage reads and writes these frozen records.

Ids are content hashes (as in FollowTheMoney), so re-running a stage on the
same input yields the same ids and a store can upsert without duplicates.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from enum import Enum


def make_id(prefix: str, *parts: str) -> str:
    """A short stable id from the parts that identify a record."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


class EntityType(str, Enum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PRODUCT = "product"
    PLACE = "place"
    AUTHORITY = "authority"


class Status(str, Enum):
    """How sure the source is of a claim, strongest first."""

    DOCUMENTED = "documented"
    ASSESSED = "assessed"
    REPORTED = "reported"
    UNCONFIRMED = "unconfirmed"
    DENIED = "denied"

    @property
    def rank(self) -> int:
        return list(Status).index(self)


class LinkType(str, Enum):
    """Coarse StoryWeb / FollowTheMoney link types."""

    BUSINESS = "BUSINESS"
    ASSOCIATE = "ASSOCIATE"
    WITHIN = "WITHIN"
    MANAGER = "MANAGER"
    ANTAGONIST = "ANTAGONIST"
    EMPLOYEE = "EMPLOYEE"
    OTHER = "OTHER"
    OWNER = "OWNER"
    INDIRECT = "INDIRECT"
    FAMILY = "FAMILY"
    MEMBER = "MEMBER"


class Predicate(str, Enum):
    SUPPLIES = "supplies"
    MANUFACTURES = "manufactures"
    DEVELOPS = "develops"
    TESTS = "tests"
    BILLS = "bills"
    PAYS = "pays"
    ROLE_IN = "role_in"
    MEMBER_OF = "member_of"
    OWNS = "owns"
    FAMILY = "family"
    ASSOCIATE = "associate"
    ANTAGONIST = "antagonist"
    VISITS = "visits"
    TRAVELS_WITH = "travels_with"
    LOCATED_IN = "located_in"
    VARIANT_OF = "variant_of"
    SANCTIONED_BY = "sanctioned_by"

    @property
    def link_type(self) -> LinkType:
        return _LINK_TYPES[self]


MANAGER_WORDS = (
    "ceo",
    "chief",
    "head",
    "director",
    "chair",
    "president",
    "founder",
    "owner",
    "manager",
    "general",
    "commander",
    "executive",
    "boss",
    "leader",
    "partner",
    "principal",
)
"""Words of a role title that put a person in charge (MANAGER rather than EMPLOYEE)."""

_LINK_TYPES: dict[Predicate, LinkType] = {
    Predicate.SUPPLIES: LinkType.BUSINESS,
    Predicate.MANUFACTURES: LinkType.BUSINESS,
    Predicate.DEVELOPS: LinkType.BUSINESS,
    Predicate.TESTS: LinkType.BUSINESS,
    Predicate.BILLS: LinkType.BUSINESS,
    Predicate.PAYS: LinkType.BUSINESS,
    Predicate.ROLE_IN: LinkType.MANAGER,
    Predicate.MEMBER_OF: LinkType.MEMBER,
    Predicate.OWNS: LinkType.OWNER,
    Predicate.FAMILY: LinkType.FAMILY,
    Predicate.ASSOCIATE: LinkType.ASSOCIATE,
    Predicate.ANTAGONIST: LinkType.ANTAGONIST,
    Predicate.VISITS: LinkType.OTHER,
    Predicate.TRAVELS_WITH: LinkType.ASSOCIATE,
    Predicate.LOCATED_IN: LinkType.WITHIN,
    Predicate.VARIANT_OF: LinkType.OTHER,
    Predicate.SANCTIONED_BY: LinkType.OTHER,
}


@dataclass(frozen=True)
class RemovedSpan:
    """A stretch of the stored text that cleaning withheld from extraction."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Document:
    """One ingested file. `text` is the stored text all offsets index."""

    id: str
    source: str
    title: str
    text: str
    sha256: str
    published: date | None = None
    media_type: str = "text/plain"
    removed: tuple[RemovedSpan, ...] = ()
    duplicate_of: str | None = None
    derived_from: str | None = None
    language: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()
    parent_id: str | None = None

    def meta(self, key: str) -> str | None:
        """The first metadata value under `key` (author, url, from, page_starts...)."""
        for k, v in self.metadata:
            if k == key:
                return v
        return None


@dataclass(frozen=True)
class Mention:
    """A named thing found in a document, before resolution."""

    document_id: str
    start: int
    end: int
    text: str
    type: EntityType
    extractor: str
    countries: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return make_id("men", self.document_id, str(self.start), str(self.end), self.type.value)


@dataclass(frozen=True)
class Evidence:
    """Where a claim is said: the quote equals document.text[start:end]."""

    document_id: str
    quote: str
    start: int
    end: int
    cue: str | None = None
    locator: str | None = None


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str
    text: str = ""


@dataclass(frozen=True)
class Claim:
    """A sourced statement `subject -predicate-> object` with its attributes.

    Subject and object are mention ids inside one document until resolution
    rewrites them to entity ids.
    """

    subject: str
    predicate: Predicate
    object: str
    status: Status
    evidence: Evidence
    attributes: tuple[tuple[str, str], ...] = ()
    extractor: str = ""

    @property
    def id(self) -> str:
        return make_id(
            "clm",
            self.subject,
            self.predicate.value,
            self.object,
            self.evidence.document_id,
            str(self.evidence.start),
        )

    @property
    def link_type(self) -> LinkType:
        """The predicate's link type; a role that runs nothing ("engineer") is EMPLOYEE, not MANAGER."""
        if self.predicate is Predicate.ROLE_IN:
            role = (self.attribute("role") or "").casefold()
            if role and not any(word in role for word in MANAGER_WORDS):
                return LinkType.EMPLOYEE
        return self.predicate.link_type

    def attribute(self, key: str) -> str | None:
        for k, v in self.attributes:
            if k == key:
                return v
        return None


@dataclass(frozen=True)
class MergeReason:
    """Why two names were judged one party."""

    name: str
    into: str
    reason: str
    score: float = 1.0


@dataclass(frozen=True)
class Entity:
    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    mention_ids: tuple[str, ...] = ()
    merges: tuple[MergeReason, ...] = ()


@dataclass(frozen=True)
class ScreeningMatch:
    """A candidate hit of an entity name on a sanctions list, explained."""

    entity_id: str
    list_name: str
    list_date: str
    entry_id: str
    matched_name: str
    query_name: str
    score: float
    explanation: str
    programs: tuple[str, ...] = ()
    entry_type: str = ""


@dataclass(frozen=True)
class Extraction:
    """What extraction yields for one document."""

    document_id: str
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
