"""Analysis results as plain JSON data, for `--format json` and the API.

A dataclass becomes an object of its fields and its read-only properties (a
path's `status`, a claim's `date`), an enum its value, a field typed
`tuple[tuple[str, str], ...]` (how model records keep attributes) an object,
any other tuple a list.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from enum import Enum
from typing import Any


def payload(names: Mapping[str, str], result: Any) -> dict[str, Any]:
    """An analysis answer as the CLI's `--format json` and the API give it: result and names of its ids."""
    return {"result": jsonable(result), "names": dict(sorted(names.items()))}


def jsonable(value: Any) -> Any:
    """`value` with every record turned into JSON-ready dicts, lists and scalars."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _record(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, tuple | list | set | frozenset):
        return [jsonable(v) for v in value]
    return value


PAIRS = "tuple[tuple[str, str], ...]"


def _record(value: Any) -> dict[str, Any]:
    data = {
        f.name: dict(getattr(value, f.name))
        if f.type == PAIRS
        else jsonable(getattr(value, f.name))
        for f in dataclasses.fields(value)
    }
    for name in dir(type(value)):
        if isinstance(getattr(type(value), name, None), property) and not name.startswith("_"):
            data[name] = jsonable(getattr(value, name))
    return data
