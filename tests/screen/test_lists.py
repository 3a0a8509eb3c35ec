"""The OFAC SDN legacy CSV loader, on the real 2024-05-03 file."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from casegraph.errors import CasegraphError, InputError
from casegraph.screen.lists import ListEntry, SanctionsList, default_lists, load_sdn_csv

SDN_CSV = (
    Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ofac" / "sdn-2024-05-03.csv"
)


@pytest.fixture(scope="module")
def sdn() -> SanctionsList:
    return load_sdn_csv(SDN_CSV)


@pytest.fixture(scope="module")
def entries(sdn: SanctionsList) -> dict[str, ListEntry]:
    return {entry.entry_id: entry for entry in sdn.entries}


def test_every_row_loads_with_its_schema(sdn: SanctionsList) -> None:
    schemas = [entry.schema for entry in sdn.entries]
    assert len(sdn.entries) == 14965
    assert schemas.count("person") == 6854
    assert schemas.count("organization") == 6884
    assert schemas.count("vessel") == 851
    assert schemas.count("aircraft") == 376


def test_list_metadata_from_the_file_name(sdn: SanctionsList) -> None:
    assert (sdn.name, sdn.published, sdn.source) == ("OFAC SDN", "2024-05-03", str(SDN_CSV))
    assert load_sdn_csv(SDN_CSV, name="SDN", published="2024-05-04").published == "2024-05-04"


def test_entity_row(entries: dict[str, ListEntry]) -> None:
    entry = entries["46441"]
    assert entry.schema == "organization"
    assert entry.names == ("TSK VEKTOR, OOO",)
    assert entry.programs == ("RUSSIA-EO14024",)
    assert "Tax ID No. 3849055365" in entry.remarks


def test_linked_to_is_not_a_name(entries: dict[str, ListEntry]) -> None:
    assert "Linked To: JOINT STOCK COMPANY IZHEVSK" in entries["46441"].remarks
    assert not any("IZHEVSK" in name for name in entries["46441"].names)


def test_person_reordered_and_original_kept(entries: dict[str, ListEntry]) -> None:
    assert entries["35096"].names[:2] == (
        "PUTIN, Vladimir Vladimirovich",
        "Vladimir Vladimirovich PUTIN",
    )


def test_aliases_from_remarks(entries: dict[str, ListEntry]) -> None:
    names = entries["6925"].names
    assert names[:2] == ("GHAILANI, Ahmed Khalfan", "Ahmed Khalfan GHAILANI")
    assert {"KHABAR, Abu", "Abu KHABAR", "FOOPIE", "AHMED THE TANZANIAN"} <= set(names)


def test_alias_with_apostrophes_inside(entries: dict[str, ListEntry]) -> None:
    assert "KATA'IB HIZBALLAH FI AL-IRAQ" in entries["11462"].names


def test_formerly_known_as_is_a_name(sdn: SanctionsList) -> None:
    fka = next(e for e in sdn.entries if "f.k.a. '" in e.remarks)
    quoted = fka.remarks.split("f.k.a. '", 1)[1].split("'", 1)[0]
    assert quoted in fka.names


def test_several_programs_split(sdn: SanctionsList) -> None:
    joined = next(e for e in sdn.entries if len(e.programs) > 1)
    assert all("]" not in p and "[" not in p for p in joined.programs)


def test_suffix_stays_at_the_end(sdn: SanctionsList) -> None:
    entry = next(e for e in sdn.entries if e.names[0] == "DELOS REYES, Feliciano Semborio, Jr.")
    assert entry.names[1] == "Feliciano Semborio DELOS REYES Jr."


def test_gzip_and_plain_load_alike(sdn: SanctionsList, tmp_path: Path) -> None:
    packed = tmp_path / "sdn-2024-05-03.csv.gz"
    packed.write_bytes(gzip.compress(SDN_CSV.read_bytes()))
    assert load_sdn_csv(packed).entries == sdn.entries


def test_default_lists_are_the_packaged_snapshot_loaded_once(sdn: SanctionsList) -> None:
    first, again = default_lists(), default_lists()
    assert first[0] is again[0]
    assert [(s.name, s.published) for s in first] == [("OFAC SDN", "2024-05-03")]
    assert first[0].entries == sdn.entries


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_sdn_csv(tmp_path / "sdn-2024-01-01.csv")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"name,type\nACME,entity\n",
        b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"\n',
        b'36,"X",spaceship,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n',
        b"\xff\xfe\x00garbage",
        b"\x1f\x8b\x08\x00truncated",
    ],
)
def test_malformed_file_is_an_input_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        load_sdn_csv(path)
    assert isinstance(raised.value, CasegraphError)
    assert str(path) in str(raised.value)
