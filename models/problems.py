"""Domain problems: a stable code, the field it concerns and how serious it is.

`error` blocks saving as ready (a draft is still saved); `warning` needs the officer's
confirmation. The UI turns codes into translated sentences; ``params`` carries the values a
sentence needs (e.g. the id of the registration that already holds a NIK).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    code: str
    field: str
    severity: Severity
    params: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(code: str, field_name: str, **params) -> Problem:
    return Problem(code, field_name, Severity.ERROR, params)


def warning(code: str, field_name: str, **params) -> Problem:
    return Problem(code, field_name, Severity.WARNING, params)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.is_error]
