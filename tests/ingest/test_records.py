from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casegraph.errors import SkipItem
from casegraph.ingest.files import read_path
from casegraph.ingest.mapping import parse_mapping
from casegraph.ingest.records import normalise, parse_date, read_with_mapping
from casegraph.ingest.registry import Read
from casegraph.model import EntityType, Predicate, Status
from tests.ingest.builders import xlsx_bytes

FIXTURES = Path(__file__).parent / "fixtures"
BILLS = {
    "claims": [
        {
            "predicate": "bills",
            "subject": "seller",
            "object": "buyer",
            "attributes": {"amount": "amount", "date": "date", "product": "goods"},
        }
    ]
}


def _shipments() -> Read:
    (read,) = read_path(FIXTURES / "shipments.csv")
    return read


def test_each_row_is_a_documented_claim_with_row_evidence() -> None:
    read = _shipments()
    assert read.extraction is not None
    text = read.document.text
    claims = read.extraction.claims
    assert [
        (c.predicate, c.evidence.locator.split(";")[0]) for c in claims if c.evidence.locator
    ] == [
        (Predicate.SUPPLIES, "row 2"),
        (Predicate.BILLS, "row 2"),
        (Predicate.SUPPLIES, "row 3"),
        (Predicate.BILLS, "row 3"),
        (Predicate.SUPPLIES, "row 4"),
        (Predicate.BILLS, "row 4"),
    ]
    assert all(c.status is Status.DOCUMENTED for c in claims)
    bill = claims[1]
    assert bill.evidence.quote == text.split("\n")[1]
    assert (
        bill.evidence.locator
        == "row 2; columns shipper, consignee, value, currency, ship_date, goods"
    )
    assert dict(bill.attributes) == {
        "amount": "48500",
        "currency": "USD",
        "date": "2025-04-22",
        "product": "KX-7 gimbal camera",
    }
    assert dict(claims[4].attributes).get("via") is None


def test_mentions_sit_on_their_cells_typed_by_the_mapping() -> None:
    read = _shipments()
    assert read.extraction is not None
    text = read.document.text
    by_text = {(m.text, m.type) for m in read.extraction.mentions}
    for mention in read.extraction.mentions:
        assert text[mention.start : mention.end] == mention.text
    assert ("Quillmere Optronics Co. Ltd.", EntityType.ORGANIZATION) in by_text
    assert ("KX-7 gimbal camera, refurbished", EntityType.PRODUCT) in by_text
    assert ("Port Castrell", EntityType.PLACE) in by_text
    assert ("Saltreach Logistics", EntityType.ORGANIZATION) in by_text
    ids = {m.id for m in read.extraction.mentions}
    assert all(c.subject in ids and c.object in ids for c in read.extraction.claims)


def test_malformed_rows_are_warnings_and_the_rest_is_kept() -> None:
    read = _shipments()
    assert read.warnings == (
        "row 5: date '2025-31-06' is not a date",
        "row 6: 6 fields, the header has 10",
    )
    assert read.document.meta("rows") == "3"


def test_records_without_a_mapping_say_how_to_write_one(tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"
    shutil.copy(FIXTURES / "shipments.csv", path)
    with pytest.raises(
        SkipItem, match=r"no mapping for this records file: write ledger\.mapping\.yaml beside it"
    ):
        read_path(path)


def test_mapping_naming_a_missing_column_says_which(tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"
    path.write_text("seller,buyer,total\nQuillmere,Orrindale,12\n", encoding="utf-8")
    with pytest.raises(
        SkipItem,
        match=r"claim 1 names column 'amount', which ledger.csv lacks \(its columns: seller, buyer, total\)",
    ):
        read_with_mapping(path, path.read_bytes(), parse_mapping(BILLS, "ledger.mapping.yaml"))


def test_a_stray_quote_in_the_header_still_gives_a_one_line_reason(tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"
    path.write_text('"seller,buyer,total\nQuillmere,Orrindale,12\n' * 2, encoding="utf-8")
    with pytest.raises(SkipItem) as caught:
        read_with_mapping(path, path.read_bytes(), parse_mapping(BILLS, "ledger.mapping.yaml"))
    reason = str(caught.value)
    assert "\n" not in reason
    assert (
        "(its columns: 'seller,buyer,total\\nQuillmere,Orrindale,12\\nseller', buyer, total)"
        in reason
    )


def test_a_long_header_is_cut_in_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"
    header = ",".join(f"column {i}" for i in range(200))
    path.write_text(header + "\n" + ",".join("1" * 200) + "\n", encoding="utf-8")
    with pytest.raises(SkipItem) as caught:
        read_with_mapping(path, path.read_bytes(), parse_mapping(BILLS, "ledger.mapping.yaml"))
    reason = str(caught.value)
    assert "(its columns: column 0, column 1, column 2," in reason
    assert reason.endswith("…)") and "column 199" not in reason


def test_jsonl_records() -> None:
    data = (
        b'{"seller": "Quillmere Optronics", "buyer": "Orrindale Trade House", "amount": "USD 48,500", "date": "17 April 2025"}\n'
        b'{"seller": "", "buyer": "Brackwater Systems", "amount": 5}\n'
    )
    mapping = {
        "claims": [
            {
                "predicate": "bills",
                "subject": "seller",
                "object": "buyer",
                "attributes": {"amount": "amount", "date": "date"},
            }
        ]
    }
    (read,) = read_with_mapping(Path("ledger.jsonl"), data, parse_mapping(mapping, "m.yaml"))
    assert read.extraction is not None
    (claim,) = read.extraction.claims
    assert dict(claim.attributes) == {"amount": "48500", "date": "2025-04-17", "currency": "USD"}
    assert claim.evidence.locator == "row 1; columns seller, buyer, amount, date"
    assert read.warnings == ("row 2: column 'seller' is empty",)


def test_workbook_records_name_their_sheet() -> None:
    data = xlsx_bytes(
        [
            ("Notes", [["written by", "Tobias Wren"]]),
            (
                "Invoices",
                [
                    ["Seller", "Buyer", "Amount", "Date", "Goods"],
                    ["Quillmere", "Orrindale", 48500, "2025-04-17", "KX-7"],
                ],
            ),
        ]
    )
    (read,) = read_with_mapping(Path("book.xlsx"), data, parse_mapping(BILLS, "m.yaml"))
    assert read.extraction is not None
    (claim,) = read.extraction.claims
    assert (
        claim.evidence.locator
        == "sheet Invoices, row 2; columns Seller, Buyer, Amount, Date, Goods"
    )
    assert claim.evidence.quote == "Quillmere\tOrrindale\t48500\t2025-04-17\tKX-7"
    assert read.document.text.startswith(
        "Sheet: Notes\nwritten by\tTobias Wren\n\nSheet: Invoices\n"
    )


def test_file_where_no_row_reads_is_skipped() -> None:
    data = b"seller,buyer,amount,date,goods\nQuillmere,Orrindale,lots,2025-04-17,KX-7\n"
    with pytest.raises(
        SkipItem, match=r"no row could be read \(row 2: amount 'lots' is not a number\)"
    ):
        read_with_mapping(Path("ledger.csv"), data, parse_mapping(BILLS, "m.yaml"))


def test_header_only_file_is_skipped() -> None:
    with pytest.raises(SkipItem, match="no data rows"):
        read_with_mapping(
            Path("ledger.csv"), b"seller,buyer,amount,date,goods\n", parse_mapping(BILLS, "m.yaml")
        )


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("amount", "48,500.00", [("amount", "48500")]),
        ("amount", "1.234,50", [("amount", "1234.50")]),
        ("amount", "€ 12 000", [("amount", "12000")]),
        ("quantity", "20", [("quantity", "20")]),
        ("currency", "usd", [("currency", "USD")]),
        ("currency", "£", [("currency", "GBP")]),
        ("date", "2025-04-17T09:30:00", [("date", "2025-04-17")]),
        ("date", "Q2 2025", [("date", "2025-Q2")]),
        ("product", "  KX-7   camera ", [("product", "KX-7 camera")]),
    ],
)
def test_values_are_normalised(key: str, raw: str, expected: list[tuple[str, str]]) -> None:
    assert normalise(key, raw) == expected


@pytest.mark.parametrize(
    ("key", "raw", "reason"),
    [
        ("amount", "12 pallets", "is not a number"),
        ("amount", "-5", "is not a number"),
        ("currency", "dollars", "three-letter code"),
        ("date", "soon", "is not a date"),
        ("date", "2025-04-17 or later", "is not a date"),
    ],
)
def test_bad_values_are_reasons(key: str, raw: str, reason: str) -> None:
    with pytest.raises(SkipItem, match=reason):
        normalise(key, raw)


def test_date_format_from_the_mapping() -> None:
    assert parse_date("17.04.2025", "%d.%m.%Y") == "2025-04-17"
    with pytest.raises(SkipItem, match="does not match"):
        parse_date("2025-04-17", "%d.%m.%Y")


def test_many_bad_rows_are_counted_not_listed() -> None:
    rows = "".join(f"Quillmere,Orrindale,{'lots' if i else 5},2025-04-17,KX-7\n" for i in range(30))
    data = ("seller,buyer,amount,date,goods\n" + rows).encode()
    (read,) = read_with_mapping(Path("ledger.csv"), data, parse_mapping(BILLS, "m.yaml"))
    assert len(read.warnings) == 21
    assert read.warnings[0] == "row 3: amount 'lots' is not a number"
    assert read.warnings[-1] == "and 9 more malformed rows left out"
