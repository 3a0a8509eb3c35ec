"""E-mail (.eml) and mailboxes (.mbox): each message a document, each attachment a child.

Who wrote to whom is often the evidence, so the participants are written at
the head of the text as a short header block ("From: Mara Quill <...>") that
extraction reads like any sentence, and kept in metadata (from, to, cc,
participants). The Date header is the publication date. Attachments are read by
the reader of their type and become documents with `parent_id` set to the
message; one that cannot be read is a warning, never the end of the message.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from html.parser import HTMLParser
from pathlib import Path, PurePath

from casegraph.errors import SkipItem
from casegraph.extract.dates import guess_published
from casegraph.ingest.encoding import decode
from casegraph.ingest.registry import (
    Budget,
    Read,
    member_path,
    parsing,
    read_member,
    register_container,
)
from casegraph.model import Document, make_id

ADDRESS_HEADERS = ("from", "to", "cc")
IDENTIFYING = {"from", "to", "cc", "subject", "date", "message-id"}
MBOX_SEPARATOR = re.compile(rb"(?m)^From [^\n]*\n")
MBOX_ESCAPE = re.compile(rb"(?m)^>(>*From )")


def read_eml(path: Path, data: bytes, budget: Budget) -> list[Read]:
    """One e-mail message and the documents its attachments hold."""
    return read_message(path, data, budget)


def read_mbox(path: Path, data: bytes, budget: Budget) -> list[Read]:
    """Every message of an mbox mailbox; a message that cannot be read is a warning."""
    head, *messages = MBOX_SEPARATOR.split(data)
    if head.strip() or not messages:
        raise SkipItem("not an mbox mailbox: it does not start with a 'From ' line")
    reads: list[Read] = []
    warnings: list[str] = []
    for number, raw in enumerate(messages, 1):
        try:
            reads += read_message(
                member_path(path, f"message-{number}"), MBOX_ESCAPE.sub(rb"\1", raw), budget
            )
        except SkipItem as exc:
            warnings.append(f"message {number}: {exc}")
    if not reads:
        raise SkipItem(f"no message could be read ({'; '.join(warnings[:3])})")
    reads[0] = replace(reads[0], warnings=reads[0].warnings + tuple(warnings))
    return reads


def read_message(path: Path, data: bytes, budget: Budget) -> list[Read]:
    """A message as a document (header block + body), followed by its attachments' documents."""
    with parsing("e-mail"):
        message = BytesParser(policy=policy.default).parsebytes(data)
        if not IDENTIFYING & {key.lower() for key in message}:
            raise SkipItem("not an e-mail: no From, To, Subject or Date header")
        headers = _headers(message)
        body = _body(message)
        sent = _sent(message)
        attachments = list(_attachments(message))
    text = f"{header_block(headers, [name for name, _ in attachments])}\n\n{body}".strip()
    if not text:
        raise SkipItem("empty e-mail: no sender, recipient, subject or body")
    sha = hashlib.sha256(data).hexdigest()
    document = Document(
        id=make_id("doc", sha),
        source=str(path),
        title=dict(headers).get("subject") or "(no subject)",
        text=text,
        sha256=sha,
        published=sent or guess_published(body),
        media_type="message/rfc822",
        metadata=tuple(headers),
    )
    children, warnings = _read_attachments(path, attachments, document.id, budget)
    return [Read(document, warnings=tuple(warnings)), *children]


def _headers(message: EmailMessage) -> list[tuple[str, str]]:
    """from, to, cc, participants (addresses joined by "; "), date, subject, message-id."""
    found: list[tuple[str, str]] = []
    participants: list[str] = []
    for key in ADDRESS_HEADERS:
        header = message[key]
        addresses = getattr(header, "addresses", ()) if header is not None else ()
        shown = [_address(a.display_name, a.addr_spec) for a in addresses]
        if shown:
            found.append((key, "; ".join(shown)))
        participants += [a for a in shown if a not in participants]
    if participants:
        found.append(("participants", "; ".join(participants)))
    for key in ("date", "subject", "message-id"):
        value = message[key]
        if value is not None and str(value).strip():
            found.append((key, " ".join(str(value).split())))
    return found


def header_block(headers: list[tuple[str, str]], attachments: list[str]) -> str:
    """The lines a reader sees atop a printed e-mail: From, To, Cc, Date, Subject, Attachments."""
    lines = []
    for key in ("from", "to", "cc", "date", "subject"):
        value = dict(headers).get(key)
        if value:
            shown = value.replace("; ", ", ") if key in ADDRESS_HEADERS else value
            lines.append(f"{key.title()}: {shown}")
    if attachments:
        lines.append(f"Attachments: {', '.join(attachments)}")
    return "\n".join(lines)


def _address(name: str, address: str) -> str:
    if name and address:
        return f"{name} <{address}>"
    return name or address


def _sent(message: EmailMessage) -> date | None:
    header = message["date"]
    moment = getattr(header, "datetime", None)
    return moment.date() if moment is not None else None


def _body(message: EmailMessage) -> str:
    """The plain-text body, else the HTML body as text, else nothing."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None or not isinstance(part, EmailMessage):
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):
        payload = part.get_payload(decode=True)
        content = decode(payload) if isinstance(payload, bytes) else ""
    text = str(content)
    if part.get_content_subtype() == "html":
        text = html_text(text)
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()


def _attachments(message: Message) -> Iterator[tuple[str, bytes]]:
    """(file name, bytes) of each attachment; a forwarded message is an .eml attachment."""
    if not isinstance(message, EmailMessage) or not message.is_multipart():
        return
    for number, part in enumerate(message.iter_attachments(), 1):
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload(0)
            if isinstance(inner, Message):
                yield f"forwarded-{number}.eml", inner.as_bytes(policy=policy.default)
        elif part.is_multipart():
            yield from _attachments(part)
        else:
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                yield _file_name(part, number), payload


def _file_name(part: Message, number: int) -> str:
    name = PurePath((part.get_filename() or "").replace("\\", "/")).name
    if name:
        return name
    return f"attachment-{number}{mimetypes.guess_extension(part.get_content_type()) or ''}"


def _read_attachments(
    path: Path, attachments: list[tuple[str, bytes]], parent: str, budget: Budget
) -> tuple[list[Read], list[str]]:
    reads: list[Read] = []
    warnings: list[str] = []
    for name, data in attachments:
        try:
            found = read_member(member_path(path, name), data, budget)
        except SkipItem as exc:
            warnings.append(f"attachment {name}: {exc}")
            continue
        for read in found:
            if read.document.parent_id is None:
                read = replace(read, document=replace(read.document, parent_id=parent))
            reads.append(read)
    return reads, warnings


class _TextOfHtml(HTMLParser):
    """The visible text of an HTML e-mail body, a line break at each block element."""

    BLOCKS = frozenset(
        ("p", "br", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote")
    )
    HIDDEN = frozenset(("script", "style", "head", "title"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_text(html: str) -> str:
    """Visible text of an HTML body, one block a line, runs of spaces folded."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


register_container(read_eml, ".eml")
register_container(read_mbox, ".mbox")
