"""The package's exceptions: one base class, each also a built-in it resembles.

The CLI turns :class:`InputError` (and its subclasses) into exit code 2 with the message
on stderr; anything else that escapes is a bug and exits 1.

Messages follow one template: which input, what was expected, what was found, what to try.

>>> err = InputError("Connections.csv", "a header row with 'First Name'", "no header", line=4)
>>> str(err)
"Connections.csv, line 4: expected a header row with 'First Name', found no header."
"""

from __future__ import annotations

__all__ = [
    "AmbiguousPersonError",
    "InputError",
    "NetanalyticsError",
    "NetanalyticsWarning",
    "NotFoundError",
    "WorkspaceError",
]


class NetanalyticsError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(NetanalyticsError, ValueError):
    """Bad input from the user: a file, a field, an argument. Exit code 2.

    Build it either from a ready sentence (``InputError("message")``) or from parts
    (``InputError(where, expected, found, line=..., hint=...)``), which yields
    "<where>, line <n>: expected <expected>, found <found>. <hint>".
    """

    def __init__(
        self,
        where: str,
        expected: str | None = None,
        found: str | None = None,
        *,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.where = where
        self.expected = expected
        self.found = found
        self.line = line
        self.field = field
        self.hint = hint
        super().__init__(self._compose())

    def _compose(self) -> str:
        if self.expected is None and self.found is None:
            text = self.where
        else:
            place = self.where
            if self.line is not None:
                place += f", line {self.line}"
            if self.field is not None:
                place += f", field '{self.field}'"
            text = f"{place}: expected {self.expected}, found {self.found}."
        if self.hint:
            text = f"{text.rstrip('.')}. {self.hint}"
        return text


class NotFoundError(InputError, LookupError):
    """A person, file or record the user named does not exist."""


class AmbiguousPersonError(InputError, LookupError):
    """A name matches several people; ``candidates`` lists them (id, name, company)."""

    def __init__(self, query: str, candidates: list[tuple[str, str, str]]) -> None:
        self.query = query
        self.candidates = candidates
        listing = "; ".join(f"{pid} {name} ({company or 'no company'})" for pid, name, company in candidates)
        super().__init__(
            f"'{query}' matches {len(candidates)} people: {listing}. "
            "Use a person id or a profile URL instead."
        )


class WorkspaceError(NetanalyticsError, RuntimeError):
    """The workspace file is unusable (newer schema, corrupt, locked too long)."""


class NetanalyticsWarning(UserWarning):
    """Something the user should know that does not stop the command (the CLI prints it
    as ``warning: ...`` on stderr; a notebook shows it under the cell)."""
