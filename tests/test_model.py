"""The typed core: link types follow the predicate, and a role title decides MANAGER or EMPLOYEE."""

from __future__ import annotations

import pytest

from casegraph.model import Claim, Evidence, LinkType, Predicate, Status


def _claim(predicate: Predicate, role: str | None = None) -> Claim:
    attributes = (("role", role),) if role is not None else ()
    evidence = Evidence("doc-1", "quote", 0, 5)
    return Claim("men-a", predicate, "men-b", Status.REPORTED, evidence, attributes)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("CEO", LinkType.MANAGER),
        ("head of the drone department", LinkType.MANAGER),
        ("chairman of the board", LinkType.MANAGER),
        ("engineer", LinkType.EMPLOYEE),
        ("spokeswoman", LinkType.EMPLOYEE),
        (None, LinkType.MANAGER),
    ],
)
def test_role_title_decides_manager_or_employee(role: str | None, expected: LinkType) -> None:
    assert _claim(Predicate.ROLE_IN, role).link_type is expected


def test_other_predicates_keep_their_link_type() -> None:
    assert _claim(Predicate.SUPPLIES).link_type is LinkType.BUSINESS
    assert _claim(Predicate.FAMILY, "engineer").link_type is LinkType.FAMILY
