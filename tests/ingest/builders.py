"""Build small valid files of every format in memory, about fictional parties.

Binary fixtures are made by the libraries that write those formats, so the
tests need no committed blobs and each reader meets a file it did not write.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import datetime
from email.message import EmailMessage

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

LETTER = (
    "Orrindale Trade House LLC ordered twenty KX-7 gimbal cameras from Quillmere Optronics Co., Ltd.",
    "Quillmere Optronics Co., Ltd. shipped the cameras to Orrindale Trade House LLC in April 2025.",
)


def pdf_bytes(pages: Sequence[Sequence[str]], password: str | None = None) -> bytes:
    """A PDF whose pages carry the given lines in a text layer; an empty page has none."""
    writer = PdfWriter()
    for lines in pages:
        page = writer.add_blank_page(612, 792)
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        stream = DecodedStreamObject()
        body = "".join(f"({_escape(line)}) Tj 0 -14 Td " for line in lines)
        stream.set_data(f"BT /F1 10 Tf 40 750 Td {body}ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    writer.add_metadata({"/Title": "Shipment letter", "/Author": "Mara Quill"})
    if password is not None:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def docx_bytes(paragraphs: Sequence[str], table: Sequence[Sequence[str]] = ()) -> bytes:
    """A Word document with paragraphs, then a table, and core properties set."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.core_properties.title = "Delivery note"
    document.core_properties.author = "Tobias Wren"
    document.core_properties.created = datetime(2025, 4, 18, 9, 30)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def eml_bytes(
    body: str = "\n".join(LETTER),
    attachments: Sequence[tuple[str, bytes]] = (),
    subject: str = "KX-7 cameras",
) -> bytes:
    """An e-mail between two fictional traders, with attachments."""
    message = EmailMessage()
    message["From"] = "Mara Quill <mara.quill@orrindale.example>"
    message["To"] = "Tobias Wren <t.wren@quillmere.example>, sales@quillmere.example"
    message["Cc"] = "Ines Harrow <ines@saltreach.example>"
    message["Date"] = "Thu, 17 Apr 2025 09:12:00 +0000"
    message["Subject"] = subject
    message["Message-ID"] = "<kx7-0417@orrindale.example>"
    message.set_content(body)
    for name, data in attachments:
        message.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return message.as_bytes()


def zip_bytes(members: Sequence[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


def xlsx_bytes(sheets: Sequence[tuple[str, Sequence[Sequence[object]]]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
