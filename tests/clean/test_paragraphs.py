from casegraph.clean.paragraphs import clean, extraction_text, paragraphs
from casegraph.model import Document
from tests.conftest import SEED_ARTICLE, SEED_REWRITE


def _doc(text: str) -> Document:
    return Document(id="d", source="s", title="t", text=text, sha256="h")


def test_seed_spam_blocks_removed_and_every_article_paragraph_kept() -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    document = clean(_doc(text))
    removed = [text[s.start : s.end] for s in document.removed]
    assert removed == [
        "🎬 Get Free Netflix Logins",
        "Claim your free working Netflix accounts for streaming in HD! Limited slots available for active users only.",
        "- No subscription required",
        "- Works on mobile, PC & smart TV",
        "- Updated login details daily",
        text.splitlines()[-1],
    ]
    assert text.splitlines()[-1].startswith("Let’s be honest")
    assert all(s.reason.startswith("spam") for s in document.removed)
    kept = [p.text for p in paragraphs(text) if p.text not in removed]
    assert len(kept) == 34
    assert kept[0].startswith("Chinese drone experts have been working")
    assert kept[-1].startswith("A final letter")


def test_rewrite_keeps_article_drops_caption_and_byline() -> None:
    text = SEED_REWRITE.read_text(encoding="utf-8")
    document = clean(_doc(text))
    reasons = {text[s.start : s.end][:30]: s.reason for s in document.removed}
    assert reasons["This image is AI-generated and"] == "image caption or disclaimer"
    assert reasons["Devdiscourse News Desk | Updat"] == "byline"
    assert not any("Kupol" in text[s.start : s.end] for s in document.removed)


def test_extraction_text_keeps_offsets() -> None:
    text = "Acme Ltd shipped parts.\nClaim your free prize now! Limited slots, free login.\nMore text."
    document = clean(_doc(text))
    blanked = extraction_text(document)
    assert len(blanked) == len(text)
    assert "prize" not in blanked and blanked.startswith("Acme Ltd shipped parts.")
    assert blanked.endswith("More text.")


def test_plain_text_without_spam_is_untouched() -> None:
    text = "The ministry signed a contract.\nThe supplier delivered the goods in March."
    assert clean(_doc(text)).removed == ()
