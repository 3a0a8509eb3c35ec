from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from casegraph.clean.document import clean_document
from casegraph.clean.paragraphs import (
    clean,
    extraction_text,
    judged_paragraphs,
    paragraph_signals,
    paragraphs,
    sentence_spans,
    specifics,
    withhold,
)
from casegraph.model import Document
from tests.conftest import ROOT, SEED_ARTICLE, SEED_REWRITE, seed_spam_paragraphs


def _doc(text: str) -> Document:
    return Document(id="d", source="s", title="t", text=text, sha256="h")


def test_seed_spam_blocks_removed_and_every_article_paragraph_kept() -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    document = clean(_doc(text))
    removed = [text[s.start : s.end] for s in document.removed]
    assert removed == seed_spam_paragraphs(text)
    assert text.splitlines()[-1].startswith("Let’s be honest")
    assert all(s.reason.startswith("spam") for s in document.removed)
    kept = [p.text for p in paragraphs(text) if p.text not in removed]
    assert len(kept) == 34
    assert kept[0].startswith("Chinese drone experts have been working")
    assert kept[-1].startswith("A final letter")


def test_rewrite_keeps_article_drops_navigation_caption_and_byline() -> None:
    text = SEED_REWRITE.read_text(encoding="utf-8")
    document = clean(_doc(text))
    reasons = {text[s.start : s.end].strip()[:30]: s.reason for s in document.removed}
    assert reasons == {
        "date 2025-09-25 Left Menu": "navigation",
        "This image is AI-generated and": "image caption or disclaimer",
        "Devdiscourse News Desk | Updat": "byline",
    }


def test_a_paragraph_labelled_as_an_advertisement_is_withheld_as_such() -> None:
    article = SEED_REWRITE.read_text(encoding="utf-8").split("\n")
    ad = ("Sponsored: Renters across the region are cutting their heating bills with a smart "
          "thermostat that installs in minutes.")
    text = "\n".join([*article[:6], ad, *article[6:]])
    reasons = {text[s.start : s.end]: s.reason for s in withhold(text, use_embeddings=False)}
    assert reasons[ad] == "advertisement: labelled by the publisher"
    sponsor = "Sponsored by the port authority, the survey counted 41 ships in the harbour."
    text = "\n".join([*article[:6], sponsor, *article[6:]])
    assert sponsor not in {text[s.start : s.end] for s in withhold(text, use_embeddings=False)}


def test_an_offer_the_article_is_about_is_kept() -> None:
    text = (
        "Retailer Brightmart cut prices on televisions for its holiday sale, the company said.\n"
        "Brightmart televisions were discounted by a third, and the sale drew long queues at Brightmart stores.\n"
        "Analysts said the Brightmart sale discount on televisions would squeeze margins.\n"
        "The Brightmart offer: free delivery on televisions, a deal for holiday shoppers, the company said."
    )
    assert withhold(text) == ()


def test_a_pitch_that_shares_nothing_with_the_article_is_spam() -> None:
    text = (
        "The port authority of Estrada fined the shipping agent Carvel Lines for false cargo declarations.\n"
        "Carvel Lines declared turbine parts as farm machinery on three voyages, the port authority said.\n"
        "Win a brand-new phone today! Click here and claim your free prize before the offer expires.\n"
        "The port authority said Carvel Lines had paid the fine and corrected its cargo declarations."
    )
    removed = withhold(text)
    assert [text[s.start : s.end][:20] for s in removed] == ["Win a brand-new phon"]
    assert removed[0].reason.startswith("spam: 7 promotional cue(s)")
    assert "0% of its words shared" in removed[0].reason


def test_specifics_are_names_and_numbers_not_sentence_openers() -> None:
    text = (
        "The coach said Tomas Berg scored twice. Berg joined in 2019 when Vale Athletic paid 4.5m."
    )
    assert specifics(text) == {"tomas", "berg", "2019", "vale", "athletic", "4.5m"}
    assert (
        specifics("The coach said the injured striker will miss the rest of the season.") == set()
    )


def test_judged_reads_names_per_word_and_quotes() -> None:
    texts = [
        '"We will appeal," said Maria Ortiz, counsel for Estrada Port, after the ruling of 3 May.',
        "The shipping agent said it had corrected every cargo declaration and would cooperate fully with inspectors.",
        "Everyone loves a good deal and there is never a bad time to treat yourself to something nice.",
    ]
    vectors = np.eye(3, 384, dtype=np.float32)
    judged = judged_paragraphs(vectors, [v[None] for v in vectors], texts, paragraph_signals(texts))
    assert [j.quote for j in judged.values()] == [True, False, False]
    assert judged[0].specific == 6 / 16  # maria, ortiz, estrada, port, 3, may
    assert judged[1].specific == judged[2].specific == 0.0


def test_sentence_spans() -> None:
    text = 'He left. "It was over," she said! Then: nothing'
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "He left.",
        '"It was over," she said!',
        "Then: nothing",
    ]
    assert sentence_spans("no end") == [(0, 6)]


def test_extraction_text_keeps_offsets() -> None:
    text = (
        "Acme Ltd shipped parts.\nClaim your free prize now! Limited slots, free login.\nMore text."
    )
    document = clean(_doc(text))
    blanked = extraction_text(document)
    assert len(blanked) == len(text)
    assert "prize" not in blanked and blanked.startswith("Acme Ltd shipped parts.")
    assert blanked.endswith("More text.")


def test_plain_text_without_spam_is_untouched() -> None:
    text = "The ministry signed a contract.\nThe supplier delivered the goods in March."
    assert clean(_doc(text)).removed == ()


def test_clean_document_repairs_unicode_and_detects_language() -> None:
    text = "The cafÃ© owner said the ministry signed a contract with the supplier in March."
    document = clean_document(_doc(text))
    assert "café" in document.text and "Ã" not in document.text
    assert document.language == "en"


def test_restored_span_is_kept() -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    last = withhold(text)[-1]
    document = clean_document(_doc(text), kept=[(last.start, last.end)])
    assert last not in document.removed and len(document.removed) == 5


LINES = st.lists(
    st.one_of(
        st.text(min_size=0, max_size=120),
        st.sampled_from(
            ["Click here to win a free prize!", "- Works on smart TV", "By Jane Roe", "Menu"]
        ),
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(LINES, st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_removed_spans_are_within_text_ordered_and_disjoint(lines: list[str], joiner: str) -> None:
    document = clean_document(_doc(joiner.join(lines)))
    previous_end = 0
    for span in document.removed:
        assert previous_end <= span.start < span.end <= len(document.text)
        assert span.reason
        previous_end = span.end
    blanked = extraction_text(document)
    assert len(blanked) == len(document.text)
    assert [i for i, c in enumerate(blanked) if c == "\n"] == [
        i for i, c in enumerate(document.text) if c == "\n"
    ]


def test_repair_keeps_page_starts_on_their_pages() -> None:
    pages = ["First page: the cafÃ© signed.", "Second page: delivery in March."]
    text = "\n\n".join(pages)
    starts = f"0,{len(pages[0]) + 2}"
    document = clean_document(
        Document("d", "s", "t", text, "h", metadata=(("page_starts", starts),))
    )
    first, second = (int(v) for v in (document.meta("page_starts") or "").split(","))
    assert document.text[first:].startswith("First page: the café")
    assert document.text[second:].startswith("Second page")


def _tsv(name: str) -> list[list[str]]:
    lines = (ROOT / "bench" / "data" / name).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "category\ttext"
    return [line.split("\t") for line in lines[1:]]


def test_training_paragraphs_are_new_and_in_the_bench_categories() -> None:
    """bench/clean.py --fit's extra positives: never one of the paragraphs the bench injects."""
    training, injected = _tsv("training_paragraphs.tsv"), _tsv("injected_paragraphs.tsv")
    assert all(len(row) == 2 for row in training)
    assert {c for c, _ in training} == {c for c, _ in injected}
    texts = [t for _, t in training]
    assert len(set(texts)) == len(texts) >= 60
    assert not set(texts) & {t for _, t in injected}
    assert all(15 <= len(t.split()) <= 60 for t in texts)
