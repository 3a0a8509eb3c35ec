"""FollowTheMoney entities (JSON lines) that Aleph and the OpenSanctions tools load.

Parties become `Person`, `Company` or `Organization` (a party that trades or is
owned is a `Company`, since only an asset can be owned), authorities
`PublicBody`, documents `PlainText`. Each claim between two parties becomes the
interval schema that fits its predicate; each interval carries the evidence
quote as `description`, the status and details as `summary`, the document as
`proof`, and its period as `startDate` / `endDate`. FtM has no schema for a
product line or a bare place name, so a claim about one (makes, tests, is
located in) becomes a `Note` on its party. List matches become `Sanction`s.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from casegraph.analyse.case import CaseGraph, Link
from casegraph.analyse.timeline import period
from casegraph.model import Document, Entity, EntityType, Predicate, ScreeningMatch, make_id

TRADING = frozenset(
    {
        Predicate.SUPPLIES,
        Predicate.BILLS,
        Predicate.PAYS,
        Predicate.MANUFACTURES,
        Predicate.DEVELOPS,
    }
)
MANAGER_ROLE = re.compile(
    r"\b(ceo|chief|director|head|chair\w*|president|founder|manag\w*|executive|owner|boss|general)\b",
    re.IGNORECASE,
)
SUMMARY_SKIPPED = frozenset({"date", "date_text"})


def ftm_entities(case: CaseGraph) -> Iterator[EntityProxy]:
    """Every FtM entity of the case: documents, parties, claims and list matches."""
    schemata = {e.id: schema_of(case, e) for e in case.entities.values()}
    for document in case.documents.values():
        yield _document(document)
    for entity in case.entities.values():
        schema = schemata[entity.id]
        if schema is not None:
            yield _party(entity, schema)
    for link in case.links:
        proxy = _claim(case, link, schemata)
        if proxy is not None:
            yield proxy
    for matches in case.matches.values():
        for match in matches:
            if schemata.get(match.entity_id):
                yield _listing(match)


def write_ftm(case: CaseGraph, handle: IO[str]) -> int:
    """Write the entities as JSON lines, FtM's exchange format; returns how many."""
    count = 0
    for proxy in ftm_entities(case):
        handle.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count


def schema_of(case: CaseGraph, entity: Entity) -> str | None:
    """The FtM schema of an entity, or None for products and places."""
    if entity.type is EntityType.PERSON:
        return "Person"
    if entity.type is EntityType.AUTHORITY:
        return "PublicBody"
    if entity.type is not EntityType.ORGANIZATION:
        return None
    for link in case.links_of.get(entity.id, ()):
        if link.predicate in TRADING or (
            link.predicate is Predicate.OWNS and link.object == entity.id
        ):
            return "Company"
    return "Organization"


def _party(entity: Entity, schema: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = entity.id
    proxy.add("name", entity.name)
    proxy.add("alias", list(entity.aliases))
    proxy.add("country", list(entity.countries))
    return proxy


def _document(document: Document) -> EntityProxy:
    proxy = model.make_entity("PlainText")
    proxy.id = document.id
    proxy.add("title", document.title)
    proxy.add("fileName", document.source)
    proxy.add("bodyText", document.text)
    proxy.add("mimeType", document.media_type)
    proxy.add("language", document.language)
    proxy.add("sourceUrl", document.meta("url"))
    proxy.add("publisher", document.meta("publisher"))
    if document.published:
        proxy.add("publishedAt", document.published.isoformat())
    return proxy


def _roles(link: Link, schemata: dict[str, str | None]) -> tuple[str, dict[str, str]]:
    """The interval schema of a claim between two parties, with who plays which part."""
    s, o = schemata.get(link.subject), schemata.get(link.object)
    p = link.predicate
    if p is Predicate.ROLE_IN and s == "Person" and o in {"Company", "Organization", "PublicBody"}:
        if MANAGER_ROLE.search(link.attribute("role") or ""):
            return "Directorship", {"director": link.subject, "organization": link.object}
        return "Employment", {"employee": link.subject, "employer": link.object}
    if p in {Predicate.ROLE_IN, Predicate.MEMBER_OF} and o in {
        "Company",
        "Organization",
        "PublicBody",
    }:
        return "Membership", {"member": link.subject, "organization": link.object}
    if p is Predicate.OWNS and o == "Company":
        return "Ownership", {"owner": link.subject, "asset": link.object}
    if p is Predicate.PAYS:
        return "Payment", {"payer": link.subject, "beneficiary": link.object}
    if p is Predicate.SANCTIONED_BY:
        return "Sanction", {"entity": link.subject}
    if s == o == "Person" and p is Predicate.FAMILY:
        return "Family", {"person": link.subject, "relative": link.object}
    if s == o == "Person" and p in {Predicate.ASSOCIATE, Predicate.TRAVELS_WITH}:
        return "Associate", {"person": link.subject, "associate": link.object}
    return "UnknownLink", {"subject": link.subject, "object": link.object}


def _claim(case: CaseGraph, link: Link, schemata: dict[str, str | None]) -> EntityProxy | None:
    parties = [i for i in (link.subject, link.object) if schemata.get(i)]
    if len(parties) == 2:
        schema, roles = _roles(link, schemata)
        proxy = model.make_entity(schema)
        proxy.id = link.id
        for prop, entity_id in roles.items():
            proxy.add(prop, entity_id)
        _interval_details(case, link, proxy)
    elif parties:
        proxy = model.make_entity("Note")
        proxy.id = link.id
        proxy.add("entity", parties[0])
        proxy.add("name", _sentence(case, link))
    else:
        return None
    _evidence(case, link, proxy)
    return proxy


def _interval_details(case: CaseGraph, link: Link, proxy: EntityProxy) -> None:
    schema = proxy.schema.name
    if schema in {"Directorship", "Employment", "Membership", "UnknownLink"}:
        proxy.add("role", link.attribute("role") or link.predicate.value.replace("_", " "))
    if schema == "Family":
        proxy.add("relationship", link.attribute("relationship") or link.attribute("role"))
    if schema == "Associate":
        proxy.add("relationship", link.predicate.value.replace("_", " "))
    if schema == "Payment":
        proxy.add("amount", link.attribute("amount"))
        proxy.add("currency", link.attribute("currency"))
        proxy.add("purpose", link.attribute("product"))
    if schema == "Sanction":
        proxy.add("authority", case.name(link.object))
        proxy.add("program", link.attribute("program"))
    found = period(link.date)
    if found is not None:
        proxy.add("startDate", found.start.isoformat())
        proxy.add("endDate", found.end.isoformat())


def _evidence(case: CaseGraph, link: Link, proxy: EntityProxy) -> None:
    """The quote, where it is said, how sure the source is, and the details."""
    document = case.documents.get(link.evidence.document_id)
    proxy.add("description", link.evidence.quote)
    if proxy.schema.get("recordId") is not None:
        proxy.add("recordId", link.id)
    details = [f"{k}: {v}" for k, v in link.attributes if k not in SUMMARY_SKIPPED]
    proxy.add("summary", "; ".join([f"{link.predicate.value}, {link.status.value}", *details]))
    if document is not None:
        proxy.add("proof", document.id)
        proxy.add("sourceUrl", document.meta("url"))
        proxy.add("publisher", document.meta("publisher"))


def _sentence(case: CaseGraph, link: Link) -> str:
    when = f" ({link.date})" if link.date else ""
    return f"{case.name(link.subject)} {link.predicate.value.replace('_', ' ')} {case.name(link.object)}{when}"


def _listing(match: ScreeningMatch) -> EntityProxy:
    """A list match as a Sanction; the score and its explanation say how sure the match is."""
    proxy = model.make_entity("Sanction")
    proxy.id = make_id("sanction", match.entity_id, match.list_name, match.entry_id)
    proxy.add("entity", match.entity_id)
    proxy.add("authority", match.list_name)
    proxy.add("authorityId", match.entry_id)
    proxy.add("program", list(match.programs))
    proxy.add("publisher", match.list_name)
    proxy.add(
        "summary",
        f"name match {match.score:.2f} with {match.matched_name!r} on the list of {match.list_date}: {match.explanation}",
    )
    return proxy


def ftm_dicts(case: CaseGraph) -> list[dict[str, Any]]:
    """The entities as plain dicts, as `write_ftm` writes them."""
    return [proxy.to_dict() for proxy in ftm_entities(case)]
