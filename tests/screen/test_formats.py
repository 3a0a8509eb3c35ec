"""List loaders for each official format, on small fictional fixtures (tests/screen/fixtures)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casegraph.errors import InputError
from casegraph.model import EntityType
from casegraph.screen.formats import (
    FORMATS,
    load_eu_xml,
    load_ftm_json,
    load_ofac_xml,
    load_uk_csv,
)
from casegraph.screen.lists import (
    _ALIAS,
    ListEntry,
    SanctionsList,
    _names,
    load_list,
    load_ofac_csv_folder,
    load_sdn_csv,
)
from casegraph.screen.screening import Screener

FIXTURES = Path(__file__).resolve().parent / "fixtures"
OFAC_DIR = FIXTURES / "ofac-2030-01-15"
OFAC_XML = FIXTURES / "sdn.xml"
FTM = FIXTURES / "opensanctions.ftm.json"
EU_XML = FIXTURES / "eu-consolidated.xml"
UK_CSV = FIXTURES / "uk-conlist.csv"


def by_id(sanctions_list: SanctionsList) -> dict[str, ListEntry]:
    return {entry.entry_id: entry for entry in sanctions_list.entries}


def summary(sanctions_list: SanctionsList) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(e.entry_id, e.schema, e.programs) for e in sanctions_list.entries]


def broken_copy(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / source.name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


# OFAC legacy CSV with alt.csv and add.csv


def test_ofac_csv_folder_adds_alt_names_and_countries() -> None:
    sdn = load_ofac_csv_folder(OFAC_DIR)
    assert (sdn.name, sdn.published) == ("OFAC SDN", "2030-01-15")
    assert summary(sdn) == [
        ("9001", "person", ("FICT-A", "FICT-B")),
        ("9002", "organization", ("FICT-A",)),
        ("9003", "vessel", ("FICT-B",)),
        ("9004", "aircraft", ("FICT-A",)),
    ]
    entries = by_id(sdn)
    assert entries["9001"].names == (
        "ZORBEL, Anatol Kvist",
        "Anatol Kvist ZORBEL",
        "ZORBELL, Anatoly",  # from the remarks
        "Anatoly ZORBELL",
        "KVIST, Tolya",  # from alt.csv
        "Tolya KVIST",
    )
    assert entries["9002"].names == ("QUILLFEATHER TRADING, LLC", "HERON BLUE SHIPPING CO.")
    assert entries["9003"].names == ("GREY MARLIN", "MARLIN GRIS")
    assert entries["9002"].countries == ("Freedonia", "Sylvania")
    assert entries["9004"].countries == ()  # its address has no country


def test_sdn_csv_alone_keeps_its_old_behaviour() -> None:
    entries = by_id(load_sdn_csv(OFAC_DIR / "sdn.csv"))
    assert "KVIST, Tolya" not in entries["9001"].names
    assert all(entry.countries == () for entry in entries.values())
    with_alt = by_id(load_sdn_csv(OFAC_DIR / "sdn.csv", alt=OFAC_DIR / "alt.csv"))
    assert "KVIST, Tolya" in with_alt["9001"].names


def test_ofac_csv_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no sdn.csv"):
        load_ofac_csv_folder(tmp_path)
    for name in ("sdn.csv", "add.csv"):
        shutil.copy(OFAC_DIR / name, tmp_path / name)
    broken_copy(tmp_path, OFAC_DIR / "alt.csv", "9003,103", "9999,103")
    with pytest.raises(InputError, match=r"alt\.csv:3: .*unknown SDN entry 9999"):
        load_ofac_csv_folder(tmp_path)
    broken_copy(tmp_path, OFAC_DIR / "alt.csv", '9001,101,"aka",', "9001,101,")
    with pytest.raises(InputError, match=r"alt\.csv:1: not an OFAC alt\.csv row \(4 columns\)"):
        load_ofac_csv_folder(tmp_path)


@given(st.text(alphabet=st.sampled_from("afnk.' ;,AZaz-\u00e9"), max_size=60), st.text(max_size=20))
def test_remarks_alias_parser_never_raises(remarks: str, primary: str) -> None:
    aliases = _ALIAS.findall(remarks)
    names = _names(primary, aliases, person=True)
    assert all(name and name == name.strip(" ") for name in names)
    assert len(set(names)) == len(names)
    written = [w.strip(" '") for w in [primary, *aliases] if w.strip(" '")]
    assert set(written) <= set(names)
    if written:
        assert names[0] == written[0]


# OFAC XML


def test_ofac_xml() -> None:
    sdn = load_ofac_xml(OFAC_XML)
    assert (sdn.name, sdn.published) == ("OFAC SDN", "2030-01-15")  # from Publish_Date
    assert summary(sdn) == summary(load_ofac_csv_folder(OFAC_DIR))
    entries = by_id(sdn)
    assert entries["9001"].names == (
        "ZORBEL, Anatol Kvist",
        "Anatol Kvist ZORBEL",
        "KVIST, Tolya",
        "Tolya KVIST",
    )
    assert entries["9002"].names == ("QUILLFEATHER TRADING, LLC", "HERON BLUE SHIPPING CO.")
    assert entries["9002"].countries == ("Freedonia", "Sylvania")
    assert entries["9001"].remarks == "Fictional test entry, not a real party."


def test_ofac_xml_without_namespace(tmp_path: Path) -> None:
    plain = broken_copy(tmp_path, OFAC_XML, ' xmlns="https://', ' data-source="https://')
    assert summary(load_ofac_xml(plain)) == summary(load_ofac_xml(OFAC_XML))


def test_ofac_xml_errors(tmp_path: Path) -> None:
    truncated = tmp_path / "sdn.xml"
    truncated.write_text(OFAC_XML.read_text(encoding="utf-8")[:900], encoding="utf-8")
    with pytest.raises(InputError, match=r"cannot read OFAC XML .*sdn\.xml"):
        load_ofac_xml(truncated)
    unknown = broken_copy(tmp_path, OFAC_XML, "<sdnType>Vessel", "<sdnType>Spaceship")
    with pytest.raises(InputError, match="sdnEntry 9003 has unknown sdnType 'spaceship'"):
        load_ofac_xml(unknown)
    with pytest.raises(InputError, match="no sdnEntry elements"):
        load_ofac_xml(EU_XML)


# OpenSanctions FollowTheMoney


def test_ftm_parties_only() -> None:
    ftm = load_ftm_json(FTM)
    assert (ftm.name, ftm.published) == ("OpenSanctions", "2030-01-15")  # latest last_change
    assert summary(ftm) == [
        ("fict-person-1", "person", ("FICT-A",)),  # programId where given ...
        ("fict-company-1", "organization", ("fictional_test_list",)),  # ... else datasets
        ("fict-vessel-1", "vessel", ("fictional_test_list",)),
        ("fict-plane-1", "aircraft", ("fictional_test_list",)),
        ("fict-org-1", "organization", ("fictional_test_list", "other_test_list")),
    ]
    entries = by_id(ftm)
    assert entries["fict-person-1"].names == (
        "ZORBEL, Anatol Kvist",
        "Anatol Kvist ZORBEL",
        "Tolya Kvist",
    )
    assert entries["fict-company-1"].names == (
        "Quillfeather Trading LLC",
        "Heron Blue Shipping Co.",
    )
    assert entries["fict-company-1"].countries == ("xf", "xs")
    assert "topics: sanction, crime" in entries["fict-org-1"].remarks


def test_ftm_errors(tmp_path: Path) -> None:
    bad_json = broken_copy(tmp_path, FTM, '"schema": "Vessel",', '"schema": "Vessel"')
    with pytest.raises(InputError, match=r"opensanctions\.ftm\.json:5: not a JSON entity"):
        load_ftm_json(bad_json)
    nameless = broken_copy(tmp_path, FTM, '"name": ["Skylark Nine"]', '"name": []')
    with pytest.raises(InputError, match=r":6: Airplane entity without an id or name"):
        load_ftm_json(nameless)
    with pytest.raises(InputError, match="cannot read FollowTheMoney file"):
        load_ftm_json(tmp_path / "missing.json")


# EU consolidated XML


def test_eu_xml() -> None:
    eu = load_eu_xml(EU_XML)
    assert (eu.name, eu.published) == ("EU consolidated", "2030-01-15")  # generationDate
    assert summary(eu) == [
        ("5001", "person", ("FICT",)),
        ("5002", "organization", ("FICT", "FICT-2")),
        ("5003", "person", ("FICT",)),
    ]
    entries = by_id(eu)
    assert entries["5001"].names == ("Anatol Kvist Zorbel", "Tolya Kvist")
    assert entries["5001"].countries == ("FREEDONIA",)  # the UNKNOWN address is left out
    assert entries["5003"].names == ("Mirela Vantoss",)  # no wholeName: from its parts


def test_eu_xml_errors(tmp_path: Path) -> None:
    bad = broken_copy(tmp_path, EU_XML, 'code="enterprise"', 'code="planet"')
    with pytest.raises(InputError, match="sanctionEntity 5002 .*unknown subjectType 'planet'"):
        load_eu_xml(bad)
    with pytest.raises(InputError, match="cannot read EU XML"):
        load_eu_xml(UK_CSV)


# UK OFSI consolidated CSV


def test_uk_csv_groups_rows_into_entries() -> None:
    uk = load_uk_csv(UK_CSV)
    assert (uk.name, uk.published) == ("UK OFSI consolidated", "2030-01-15")  # Last Updated
    assert summary(uk) == [
        ("7001", "person", ("Fictional Regime",)),
        ("7002", "organization", ("Fictional Regime",)),
        ("7003", "vessel", ("Other Fictional Regime",)),
    ]
    entries = by_id(uk)
    # The "Primary name" row comes first though the file lists the alias first.
    assert entries["7001"].names == (
        "ZORBEL, Anatol Kvist",
        "Anatol Kvist ZORBEL",
        "KVIST, Tolya",
        "Tolya KVIST",
    )
    assert entries["7001"].remarks == "Fictional test entry, not a real party."
    assert entries["7002"].names == ("QUILLFEATHER TRADING LLC", "HERON BLUE SHIPPING CO.")
    assert entries["7002"].countries == ("Sylvania", "Freedonia")
    assert entries["7003"].names == ("GREY MARLIN", "СЕРЫЙ МАРЛИН")


def test_uk_csv_errors(tmp_path: Path) -> None:
    no_date_line = tmp_path / "conlist.csv"
    no_date_line.write_text(UK_CSV.read_text(encoding="utf-8").split("\n", 1)[1], "utf-8")
    with pytest.raises(InputError, match="no 'Last Updated' first line"):
        load_uk_csv(no_date_line)
    bad_type = broken_copy(tmp_path, UK_CSV, ",Ship,", ",Submarine,")
    with pytest.raises(InputError, match=r"uk-conlist\.csv:7: unknown UK OFSI Group Type"):
        load_uk_csv(bad_type)
    no_regime = broken_copy(tmp_path, UK_CSV, ",Regime,", ",Programme,")
    with pytest.raises(InputError, match="header lacks columns Regime"):
        load_uk_csv(no_regime)


# Dispatch and screening


@pytest.mark.parametrize(
    ("path", "format", "count"),
    [(OFAC_DIR, "ofac-csv", 4), (OFAC_DIR / "sdn.csv", "ofac-csv", 4), (OFAC_XML, "ofac-xml", 4)]
    + [(FTM, "ftm", 5), (EU_XML, "eu-xml", 3), (UK_CSV, "uk-csv", 3)],
)
def test_load_list_dispatches(path: Path, format: str, count: int) -> None:
    loaded = load_list(path, format)
    assert len(loaded.entries) == count
    assert loaded.source == str(path if path.is_file() else path / "sdn.csv")


def test_load_list_names_the_formats() -> None:
    with pytest.raises(InputError) as raised:
        load_list(UK_CSV, "ofac-json")
    message = str(raised.value)
    assert "\n" not in message and "uk-conlist.csv" in message
    assert all(known in message for known in FORMATS)


@pytest.mark.parametrize("loaded", [load_ofac_csv_folder(OFAC_DIR), load_uk_csv(UK_CSV)])
def test_screener_finds_a_party_by_its_alias(loaded: SanctionsList) -> None:
    screener = Screener([loaded])
    matches = screener.screen_name("Tolya Kvist", EntityType.PERSON)
    assert [m.entry_id for m in matches] == [loaded.entries[0].entry_id]
    assert matches[0].matched_name in {"KVIST, Tolya", "Tolya KVIST"}
    company = screener.screen_name("Heron Blue Shipping", EntityType.ORGANIZATION)
    assert [m.entry_id for m in company] == [loaded.entries[1].entry_id]


def test_screener_across_formats_cites_each_list() -> None:
    screener = Screener([load_eu_xml(EU_XML), load_ftm_json(FTM)])
    matches = screener.screen_name("Kvist, Tolya", EntityType.PERSON)
    assert {(m.list_name, m.entry_id) for m in matches} == {
        ("EU consolidated", "5001"),
        ("OpenSanctions", "fict-person-1"),
    }
