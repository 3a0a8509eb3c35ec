"""Store URLs from flags and the environment."""

from __future__ import annotations

import pytest

from casegraph.settings import database_url, engine_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("case.db", "sqlite:///case.db"),
        ("/data/case.db", "sqlite:////data/case.db"),
        ("sqlite:///case.db", "sqlite:///case.db"),
        ("postgresql://u:p@db:5432/cases", "postgresql+psycopg://u:p@db:5432/cases"),
        ("postgres://u@db/cases", "postgresql+psycopg://u@db/cases"),
        ("postgresql+psycopg://u@db/cases", "postgresql+psycopg://u@db/cases"),
        ("postgresql+psycopg2://u@db/cases", "postgresql+psycopg2://u@db/cases"),
    ],
)
def test_database_url(given: str, expected: str) -> None:
    assert database_url(given) == expected


def test_environment_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGRAPH_DB", "postgresql://u@db/cases")
    assert database_url(None) == "postgresql+psycopg://u@db/cases"
    monkeypatch.delenv("CASEGRAPH_DB")
    assert database_url(None) == "sqlite:///casegraph.db"


def test_engine_url_leaves_other_urls_alone() -> None:
    assert engine_url("mysql://u@db/cases") == "mysql://u@db/cases"
