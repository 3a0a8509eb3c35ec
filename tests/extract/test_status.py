import pytest

from casegraph.extract.status import status_of
from casegraph.model import Status

CASES = [
    ("Documents seen by the newspaper showed that Acme sold rifles to Borealis.", Status.DOCUMENTED),
    ("Acme billed Borealis $2 million, according to an invoice reviewed by the outlet.", Status.DOCUMENTED),
    ("The shipments were made by Acme, according to customs records.", Status.DOCUMENTED),
    ("Western officials assessed that the engineers were Acme staff.", Status.ASSESSED),
    ("Analysts believe that the plant supplied the army.", Status.ASSESSED),
    ("The outlet could not independently confirm the shipments.", Status.UNCONFIRMED),
    ("Reporters couldn’t confirm they were Acme employees.", Status.UNCONFIRMED),
    ("The newspaper was unable to verify the payments.", Status.UNCONFIRMED),
    ("Acme denied supplying any military goods.", Status.DENIED),
    ("The ministry said it was unaware of the deal.", Status.DENIED),
    ("The company rejected the allegations as baseless.", Status.DENIED),
    ("Acme supplied drones to Borealis in 2023.", Status.REPORTED),
    ("A test report assessed the performance of the drone.", Status.REPORTED),
    ("The outlet could confirm the deliveries.", Status.REPORTED),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_status_cases(sentence: str, expected: Status) -> None:
    assert status_of(sentence).status is expected


def test_cue_is_kept() -> None:
    found = status_of("The company rejected the allegations as baseless.")
    assert found.cue is not None and "rejected" in found.cue
