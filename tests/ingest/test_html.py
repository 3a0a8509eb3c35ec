from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casegraph.clean.document import clean_document
from casegraph.errors import SkipItem
from casegraph.ingest.html import read_html
from casegraph.ingest.registry import READERS

ARTICLE = [
    "Harbour Lane Logistics shipped forty turbine housings to Miravel Aero in March, according to customs records.",
    "The housings were declared as agricultural machinery parts when they left the port of Estrada.",
    "Miravel Aero, which builds engines for light aircraft, said it complied with every export rule.",
    "Customs officials in Estrada said they had opened a review of the declarations after an inspection.",
]
SPAM = "Win a brand-new phone today! Click here and claim your free prize before the offer expires."

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Turbine parts shipped as farm machinery | Coastal Ledger</title>
<link rel="canonical" href="https://ledger.example/2030/03/turbine-parts">
<meta name="author" content="Ana Querol">
<meta property="article:published_time" content="2019-03-14T09:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Turbine parts shipped as farm machinery</h1>
<p>{ARTICLE[0]}</p>
<p>{ARTICLE[1]}</p>
<p>{SPAM}</p>
<p>{ARTICLE[2]}</p>
<p>{ARTICLE[3]}</p>
</article>
<footer><p>© 2030 Coastal Ledger. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_main_text_and_metadata() -> None:
    [item] = read_html(Path("page.html"), PAGE.encode("utf-8"))
    document = item.document
    assert document.title.startswith("Turbine parts shipped as farm machinery")
    assert document.published == date(2019, 3, 14)
    assert document.meta("author") == "Ana Querol"
    assert document.meta("url") == "https://ledger.example/2030/03/turbine-parts"
    assert document.media_type == "text/html"
    for paragraph in ARTICLE:
        assert f"\n\n{paragraph}" in document.text
    assert "Privacy" not in document.text and "Sport" not in document.text
    assert item.extraction is None


def test_injected_spam_survives_extraction_and_is_withheld_by_cleaning() -> None:
    document = clean_document(read_html(Path("page.html"), PAGE.encode("utf-8"))[0].document)
    withheld = [document.text[s.start : s.end] for s in document.removed]
    assert withheld == [SPAM]
    assert document.language == "en"


def test_registered_for_html_suffixes() -> None:
    assert READERS[".html"] is read_html and READERS[".htm"] is read_html


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"<html><body><script>var x = 1;</script></body></html>", "no main text"),
        (b"\x00\x01\x02", "HTML|no main text"),
    ],
)
def test_pages_without_text_are_skipped_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(SkipItem, match=reason):
        read_html(Path("bad.html"), data)


def _mutate(data: bytes, cuts: list[int], noise: bytes) -> bytes:
    for cut in cuts:
        position = cut % (len(data) + 1)
        data = data[:position] + noise + data[position + len(noise) :]
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=2000), st.builds(
    _mutate, st.just(PAGE.encode("utf-8")), st.lists(st.integers(0, 4000), max_size=6), st.binary(max_size=40)
)))
def test_random_and_mutated_bytes_never_raise_anything_but_skip(data: bytes) -> None:
    try:
        items = read_html(Path("fuzz.html"), data)
    except SkipItem as exc:
        assert str(exc)
        return
    for item in items:
        assert item.document.text.strip()
        assert "\n\n\n" not in item.document.text
