from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from casegraph.errors import SkipItem
from casegraph.ingest.files import READERS
from casegraph.ingest.mail import html_text
from casegraph.ingest.registry import Read
from tests.ingest.builders import LETTER, docx_bytes, eml_bytes, pdf_bytes, zip_bytes


def _read(name: str, data: bytes) -> list[Read]:
    return READERS[Path(name).suffix](Path(name), data)


def test_headers_become_metadata_and_a_header_block() -> None:
    (read,) = _read("offer.eml", eml_bytes())
    document = read.document
    assert document.text.startswith(
        "From: Mara Quill <mara.quill@orrindale.example>\n"
        "To: Tobias Wren <t.wren@quillmere.example>, sales@quillmere.example\n"
        "Cc: Ines Harrow <ines@saltreach.example>\n"
        "Date: Thu, 17 Apr 2025 09:12:00 +0000\n"
        "Subject: KX-7 cameras\n\n"
    )
    assert document.text.endswith(LETTER[1])
    assert document.meta("participants") == (
        "Mara Quill <mara.quill@orrindale.example>; Tobias Wren <t.wren@quillmere.example>; "
        "sales@quillmere.example; Ines Harrow <ines@saltreach.example>"
    )
    assert document.meta("message-id") == "<kx7-0417@orrindale.example>"
    assert document.published is not None and document.published.isoformat() == "2025-04-17"
    assert document.title == "KX-7 cameras" and document.media_type == "message/rfc822"


def test_attachments_are_child_documents_read_by_their_type() -> None:
    pdf = pdf_bytes([list(LETTER)])
    data = eml_bytes(
        attachments=[("invoice.pdf", pdf), ("note.docx", docx_bytes(["Delivery confirmed."]))]
    )
    message, invoice, note = _read("offer.eml", data)
    assert "Attachments: invoice.pdf, note.docx" in message.document.text
    assert invoice.document.source == "offer.eml#invoice.pdf"
    assert invoice.document.parent_id == message.document.id == note.document.parent_id
    assert invoice.document.media_type == "application/pdf"
    assert note.document.text == "Delivery confirmed."


def test_unreadable_attachment_is_a_warning_not_the_end() -> None:
    data = eml_bytes(attachments=[("photo.heic", b"\x00\x01"), ("scan.pdf", pdf_bytes([[]]))])
    (read,) = _read("offer.eml", data)
    assert read.warnings == (
        "attachment photo.heic: unsupported file type .heic",
        "attachment scan.pdf: PDF has no text layer (scanned?); OCR is not installed",
    )


def test_archive_attached_to_a_mail_is_unpacked_with_parents() -> None:
    data = eml_bytes(attachments=[("docs.zip", zip_bytes([("a.txt", LETTER[0].encode())]))])
    message, member = _read("offer.eml", data)
    assert member.document.source == "offer.eml#docs.zip#a.txt"
    assert member.document.parent_id == message.document.id


def test_html_only_body_is_read_as_text() -> None:
    message = EmailMessage()
    message["From"] = "ines@saltreach.example"
    message["Subject"] = "Booking"
    message.set_content(
        "<html><head><style>p{}</style></head><body><p>Ines Harrow booked a flight.</p>"
        "<div>Saltreach&nbsp;to Port Castrell</div></body></html>",
        subtype="html",
    )
    (read,) = _read("booking.eml", message.as_bytes())
    assert read.document.text.endswith("Ines Harrow booked a flight.\nSaltreach to Port Castrell")


def test_forwarded_message_is_its_own_document() -> None:
    outer = EmailMessage()
    outer["From"] = "tobias@quillmere.example"
    outer["Subject"] = "Fwd: KX-7 cameras"
    outer.set_content("See below.")
    inner = EmailMessage()
    inner["From"] = "mara@orrindale.example"
    inner["Subject"] = "KX-7 cameras"
    inner.set_content(LETTER[0])
    outer.add_attachment(inner)
    message, forwarded = _read("fwd.eml", outer.as_bytes())
    assert forwarded.document.source.startswith("fwd.eml#forwarded-")
    assert forwarded.document.text.endswith(LETTER[0])
    assert forwarded.document.parent_id == message.document.id


def test_mbox_messages_are_separate_documents() -> None:
    first = eml_bytes(body="From the start, Quillmere shipped cameras.\n", subject="One")
    escaped = first.replace(b"\nFrom the start", b"\n>From the start")
    data = (
        b"From a@example Thu Apr 17 09:12:00 2025\n"
        + escaped
        + b"\nFrom b@example Fri Apr 18 2025\n"
    )
    data += eml_bytes(subject="Two")
    one, two = _read("box.mbox", data)
    assert [one.document.title, two.document.title] == ["One", "Two"]
    assert one.document.source == "box.mbox#message-1"
    assert "\nFrom the start, Quillmere shipped cameras." in one.document.text
    assert one.document.id != two.document.id


def test_bad_message_in_an_mbox_is_a_warning() -> None:
    data = b"From a@example\nnot a header line\n\nFrom b@example\n" + eml_bytes()
    (read,) = _read("box.mbox", data)
    assert read.warnings == ("message 1: not an e-mail: no From, To, Subject or Date header",)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("x.eml", b"just some words\nno headers here", "not an e-mail"),
        ("x.mbox", b"Subject: no separator line\n\nbody", "not an mbox"),
        ("x.eml", b"Subject:\n\n", "empty e-mail"),
    ],
)
def test_not_an_email_is_skipped(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(SkipItem, match=reason):
        _read(name, data)


def test_html_text_drops_scripts_and_keeps_blocks() -> None:
    assert html_text("<p>One <b>two</b></p><script>x=1</script><li>three</li>") == "One two\nthree"
