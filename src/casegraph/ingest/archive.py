"""ZIP archives: each member read by the reader of its type, within limits a bomb cannot pass.

Limits, each a one-line reason when crossed: files and unpacked bytes per
archive and per top-level file (shared with nested archives through the
`Budget`), nesting depth, and the compression ratio of any member over 1 MiB
(text compresses about 10:1, a bomb 1000:1). Sizes come from the archive's
directory and are enforced again while reading, so a lying header gains
nothing. Office files (DOCX, XLSX) are ZIP archives too: their readers call
`check_archive` before the Office library unpacks them.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path, PurePosixPath

from casegraph.errors import SkipItem
from casegraph.ingest.registry import (
    MAX_MEMBERS,
    MAX_UNPACKED,
    Budget,
    Read,
    member_path,
    parsing,
    read_member,
    register_container,
    size_text,
)

MIB = 1024 * 1024
MAX_RATIO = 100
RATIO_FROM = MIB
MAX_MEMBER = 50 * MIB


def read_zip(path: Path, data: bytes, budget: Budget) -> list[Read]:
    """Every readable member of a ZIP archive; members that cannot be read become warnings."""
    with parsing("ZIP archive"):
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    _check(infos)
    reads: list[Read] = []
    warnings: list[str] = []
    for info in (i for i in infos if _wanted(i)):
        try:
            _check_member(info)
            budget.take(info.file_size)
            reads += read_member(member_path(path, info.filename), _unpack(archive, info), budget)
        except SkipItem as exc:
            warnings.append(f"{info.filename}: {exc}")
    if not reads:
        reasons = "; ".join(warnings[:3]) or "no files in it"
        raise SkipItem(f"nothing readable in the archive ({reasons})")
    first = reads[0]
    reads[0] = Read(first.document, first.extraction, first.warnings + tuple(warnings))
    return reads


def check_archive(data: bytes) -> None:
    """SkipItem when a ZIP (or an Office file) would unpack past the limits."""
    with parsing("ZIP archive"):
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    _check(infos)


def _check(infos: list[zipfile.ZipInfo]) -> None:
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        raise SkipItem(
            f"archive would unpack to {size_text(total)}; the limit is {size_text(MAX_UNPACKED)}"
        )
    if len(infos) > MAX_MEMBERS:
        raise SkipItem(f"archive holds {len(infos)} files; the limit is {MAX_MEMBERS}")
    for info in infos:
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise SkipItem(
                f"archive member {info.filename} is compressed {ratio}:1 (a zip bomb?); "
                f"the limit is {MAX_RATIO}:1"
            )


def _check_member(info: zipfile.ZipInfo) -> None:
    if info.flag_bits & 0x1:
        raise SkipItem("encrypted archive member")
    if info.file_size > MAX_MEMBER:
        raise SkipItem(
            f"member is {size_text(info.file_size)}; the limit is {size_text(MAX_MEMBER)}"
        )


def _wanted(info: zipfile.ZipInfo) -> bool:
    """Files, without folders and the metadata macOS and Windows leave in archives."""
    parts = PurePosixPath(info.filename).parts
    hidden = any(part.startswith(".") or part == "__MACOSX" for part in parts)
    return not info.is_dir() and not hidden


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, read no further than the size its archive declares."""
    with parsing("archive member"), archive.open(info) as handle:
        data = handle.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise SkipItem("member unpacks past the size its archive declares")
    return data


register_container(read_zip, ".zip")
