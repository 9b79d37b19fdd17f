"""The package's exceptions: one base class, each also a built-in it resembles.

The CLI turns :class:`InputError` (and its subclasses) into exit code 2 with the message
on stderr; anything else that escapes is a bug and exits 1.

Messages follow one template: which input, what was expected, what was found, what to try.
They speak the library's language: an error about an argument names it as the Python
caller wrote it (``owner_url``) and carries that name in ``param``; a next step the user
can take is named in ``next_step`` ('import_own_export', 'undo', …). An interface turns
both into its own words with :meth:`NetanalyticsError.render`: the CLI says ``--owner-url``
and the command to run, a widget its form label. No message written outside the CLI
names a flag or a command.

>>> err = InputError("Connections.csv", "a header row with 'First Name'", "no header", line=4)
>>> str(err)
"Connections.csv, line 4: expected a header row with 'First Name', found no header."
>>> err = InputError("owner_url", "a LinkedIn profile URL", "'javascript:alert(1)'", param="owner_url")
>>> str(err)
"owner_url: expected a LinkedIn profile URL, found 'javascript:alert(1)'."
>>> err.render({"owner_url": "--owner-url"})
"--owner-url: expected a LinkedIn profile URL, found 'javascript:alert(1)'."
>>> InputError("The {param} name is blank.", param="owner").render({"owner": "--owner"})
'The --owner name is blank.'
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "AmbiguousPersonError",
    "InputError",
    "NetanalyticsError",
    "NetanalyticsWarning",
    "NotFoundError",
    "WorkspaceError",
]


#: The token an error message uses where the argument's name goes (see ``render``).
PARAM = "{param}"


class NetanalyticsError(Exception):
    """Base class of every error this package raises on purpose.

    ``param``: the argument of the library call that was wrong, by its Python name.
    ``next_step``: a named step that would help ('import_own_export', 'undo', …).
    """

    param: str | None = None
    next_step: str | None = None

    def __init__(self, *args: object, param: str | None = None, next_step: str | None = None) -> None:
        if param is not None:
            self.param = param
        if next_step is not None:
            self.next_step = next_step
        super().__init__(*args)

    def render(
        self, labels: Mapping[str, str] | None = None, steps: Mapping[str, str] | None = None
    ) -> str:
        """The message in an interface's words: ``labels`` maps argument names to what the
        interface calls them (a flag, a form label); ``steps`` maps a next step to a hint."""
        text = self._compose(labels or {})
        hint = (steps or {}).get(self.next_step or "")
        if hint:
            text = f"{text.rstrip('.')}. {hint}"
        return text

    def _compose(self, labels: Mapping[str, str]) -> str:
        text = str(self.args[0]) if self.args else ""
        if self.param is not None:
            text = text.replace(PARAM, labels.get(self.param, self.param))
        return text

    def __str__(self) -> str:
        return self._compose({})


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
        param: str | None = None,
        next_step: str | None = None,
    ) -> None:
        self.where = where
        self.expected = expected
        self.found = found
        self.line = line
        self.field = field
        self.hint = hint
        super().__init__(where, param=param, next_step=next_step)

    def _compose(self, labels: Mapping[str, str]) -> str:
        if self.expected is None and self.found is None:
            text = self.where
        else:
            place = self.where
            if self.param is not None and place == self.param:
                place = PARAM
            if self.line is not None:
                place += f", line {self.line}"
            if self.field is not None:
                place += f", field '{self.field}'"
            text = f"{place}: expected {self.expected}, found {self.found}."
        if self.hint:
            text = f"{text.rstrip('.')}. {self.hint}"
        if self.param is not None:
            text = text.replace(PARAM, labels.get(self.param, self.param))
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
