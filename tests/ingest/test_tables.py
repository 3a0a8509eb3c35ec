from __future__ import annotations

import csv
import io
from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from casegraph.ingest.tables import parse_csv, parse_jsonl, parse_xlsx, render_value, scan_csv
from tests.ingest.builders import xlsx_bytes

FIELD = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), max_size=12
)


@given(
    st.integers(1, 5).flatmap(
        lambda n: st.lists(st.lists(FIELD, min_size=n, max_size=n), min_size=1, max_size=6)
    )
)
def test_scanner_reads_what_the_csv_module_writes(rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    text = out.getvalue()
    scanned = [[cell.value for cell in cells] for _, cells in scan_csv(text)]
    assert scanned == rows


@given(
    st.lists(
        st.lists(st.text('abc xyz,"\n', max_size=8), min_size=3, max_size=3), min_size=2, max_size=5
    )
)
def test_cell_spans_point_at_their_written_form(rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    text = out.getvalue()
    for (start, end), cells in scan_csv(text):
        for cell in cells:
            assert start <= cell.start <= cell.end <= end
            assert text[cell.start : cell.end].replace('""', '"') == cell.value


def test_csv_rows_numbered_as_an_editor_shows_them() -> None:
    text = 'seller;buyer;note\nQuillmere;Orrindale;"two\nlines"\n\nQuillmere;Brackwater\n'
    (sheet,) = parse_csv(text).sheets
    assert sheet.columns == ("seller", "buyer", "note")
    first, second = sheet.rows
    assert (first.number, second.number) == (2, 5)
    assert text[first.start : first.end] == 'Quillmere;Orrindale;"two\nlines"'
    cell = first.cell("note")
    assert cell is not None and cell.value == "two\nlines"
    assert second.problem == "2 fields, the header has 3"


def test_jsonl_rows_and_cell_spans() -> None:
    text = '{"seller": "Quillmere \\"Q\\" Ltd", "amount": 12}\nnot json\n[1]\n{"seller": "Orrindale"}\n'
    (sheet,) = parse_jsonl(text).sheets
    assert sheet.columns == ("seller", "amount")
    good, bad, array, last = sheet.rows
    seller = good.cell("seller")
    assert seller is not None and seller.value == 'Quillmere "Q" Ltd'
    assert text[seller.start : seller.end] == 'Quillmere \\"Q\\" Ltd'
    amount = good.cell("amount")
    assert amount is not None and text[amount.start : amount.end] == "12"
    assert bad.problem is not None and bad.problem.startswith("not valid JSON")
    assert array.problem == "not a JSON object"
    assert last.number == 4


def test_workbook_renders_each_sheet_tab_separated() -> None:
    data = xlsx_bytes(
        [
            (
                "Invoices",
                [
                    ["seller", "buyer", "amount", "date"],
                    ["Quillmere", "Orrindale", 48500.0, datetime(2025, 4, 17)],
                    [None, None, None],
                    ["Quillmere", "Brackwater", 12000.5, date(2025, 5, 2), "extra"],
                ],
            ),
            ("Empty", []),
            ("Payments", [["payer", "payee"], ["Orrindale", "Quillmere"]]),
        ]
    )
    table = parse_xlsx(data)
    assert table.text == (
        "Sheet: Invoices\nseller\tbuyer\tamount\tdate\nQuillmere\tOrrindale\t48500\t2025-04-17\n"
        "Quillmere\tBrackwater\t12000.5\t2025-05-02\textra\n\n"
        "Sheet: Payments\npayer\tpayee\nOrrindale\tQuillmere\n"
    )
    invoices, payments = table.sheets
    assert [r.number for r in invoices.rows] == [2, 4]
    assert invoices.rows[1].problem == "5 cells, the header has 4"
    cell = payments.rows[0].cell("payee")
    assert cell is not None and table.text[cell.start : cell.end] == "Quillmere"


def test_render_value() -> None:
    assert [
        render_value(v) for v in (None, True, 3.0, 2.5, datetime(2025, 1, 2, 13, 5), " a\tb ")
    ] == [
        "",
        "TRUE",
        "3",
        "2.5",
        "2025-01-02 13:05:00",
        "a b",
    ]
