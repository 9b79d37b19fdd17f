"""Read a CSV export into rows, finding its header by content and keeping line numbers.

LinkedIn puts a ``Notes:`` preamble above some headers, spreadsheets re-save with ``;``
or tabs, pad lines with ``,,,``, write CRLF; fields may hold quoted newlines. So the
header is the first of the first :data:`HEADER_SEARCH_LINES` records that carries a known
*signature* (a set of column names), tried with ``,``, ``;``, tab and ``|`` as separator;
a fixed number of lines is never skipped. Every data row keeps the 1-based physical line
it starts on, which quoted multi-line fields make differ from its record index.

Reading is bounded (:data:`netanalytics.bounds.SIZES`): rows, columns per row,
characters per field and per physical line each have a limit, and the error names it.
Short rows are not padded (:meth:`Table.column` reads a missing cell as '').

>>> sigs = {"connections": [{"first name", "last name", "connected on"}]}
>>> text = 'Notes:\\n"a, b"\\n\\nFirst Name;Last Name;Connected On\\nAda;"Lee\\nJr";05 Nov 2023\\nBo;Yu;\\n'
>>> kind, table = read_table(text, "c.csv", sigs)
>>> kind, table.delimiter, table.header_line, table.lines
('connections', ';', 4, [5, 7])
>>> table.column("last name")
['Lee\\nJr', 'Yu']
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from netanalytics import bounds
from netanalytics.errors import InputError
from netanalytics.ingest.names import clean_text

__all__ = ["HEADER_SEARCH_LINES", "Table", "normalize_header", "read_table", "sniff_header"]

#: How many records from the top may precede the header.
HEADER_SEARCH_LINES = 20
_DELIMITERS = (",", ";", "\t", "|")
_SEPARATORS = re.compile(r"[\s_]+")

Signatures = Mapping[str, Sequence[Collection[str]]]


def normalize_header(cell: str) -> str:
    """A column name as compared: cleaned, lower-case, spaces and underscores alike.

    >>> normalize_header("\\ufeff Email_Address ")
    'email address'
    """
    text = clean_text(cell) or ""
    return _SEPARATORS.sub(" ", text.strip().strip('"').lower()).strip()


@dataclass
class Table:
    """A parsed CSV: normalised column names, raw rows (strings), and each row's line."""

    where: str
    columns: list[str]
    rows: list[list[str]]
    lines: list[int]
    header_line: int
    delimiter: str
    raw_columns: list[str] = field(default_factory=list)
    blank_rows: int = 0
    #: The fewest cells any row has (rows shorter than the header are not padded).
    min_width: int = 0
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for i, name in enumerate(self.columns):
            self._index.setdefault(name, i)

    def __len__(self) -> int:
        return len(self.rows)

    def has(self, *names: str) -> bool:
        """Whether any of ``names`` (normalised) is a column."""
        return any(name in self._index for name in names)

    def column(self, *names: str) -> list[str] | None:
        """Values of the first of ``names`` present (short rows read as ''), else None."""
        for name in names:
            i = self._index.get(name)
            if i is not None:
                if self.min_width > i:
                    return list(map(itemgetter(i), self.rows))
                return [row[i] if len(row) > i else "" for row in self.rows]
        return None


def _physical_lines(text: str, where: str) -> Iterator[str]:
    """The lines of ``text`` with their endings (\\n, \\r\\n or \\r), one at a time.

    Unlike ``io.StringIO`` this copies nothing but the current line, and a line longer
    than ``bounds.SIZES.line_chars`` is refused before it is copied.
    """
    limit = bounds.SIZES.line_chars
    size = len(text)
    pos = 0
    number = 0
    while pos < size:
        newline = text.find("\n", pos)
        end = size if newline < 0 else newline
        cr = text.find("\r", pos, end)
        if cr >= 0:
            stop = cr + 2 if text.startswith("\n", cr + 1) else cr + 1
        else:
            stop = size if newline < 0 else newline + 1
        number += 1
        if stop - pos > limit:
            raise InputError(
                where, f"lines of at most {limit:,} characters", f"a line of {stop - pos:,} characters",
                line=number, hint="Is this a CSV export at all?",
            )
        yield text[pos:stop]
        pos = stop


def _records(text: str, delimiter: str, where: str = "the file") -> Iterator[tuple[int, list[str]]]:
    """(first physical line, cells) for each record; blank lines give ``[]``.

    A record with more than ``bounds.SIZES.columns`` cells raises :class:`InputError`;
    the csv module raises ``csv.Error`` for a field over ``bounds.SIZES.field_chars``.
    """
    sizes = bounds.SIZES
    csv.field_size_limit(sizes.field_chars)
    reader = csv.reader(_physical_lines(text, where), delimiter=delimiter, strict=False)
    previous = 0
    for record in reader:
        if len(record) > sizes.columns:
            raise InputError(
                where, f"rows of at most {sizes.columns:,} columns (LinkedIn's files have about 20)",
                f"{len(record):,} columns", line=previous + 1,
            )
        yield previous + 1, record
        previous = reader.line_num


def _csv_error(where: str, exc: csv.Error, line: int) -> InputError:
    """A csv.Error as an InputError; a field over the limit says which limit."""
    if "field larger than field limit" in str(exc):
        limit = bounds.SIZES.field_chars
        return InputError(
            where, f"fields of at most {limit:,} characters", "a longer field", line=line,
            hint="A quote may be missing its closing partner, or this is not an export.",
        )
    return InputError(where, "well-formed CSV", f"a malformed record ({exc})", line=line)


def _match(cells: list[str], signatures: Signatures) -> tuple[str, int] | None:
    names = {normalize_header(c) for c in cells}
    best: tuple[str, int] | None = None
    for kind, alternatives in signatures.items():
        for required in alternatives:
            if set(required) <= names and (best is None or len(required) > best[1]):
                best = (kind, len(required))
    return best


def sniff_header(text: str, where: str, signatures: Signatures) -> tuple[str, str, int]:
    """(kind, delimiter, index of the header record) for the first record matching a signature.

    Raises :class:`InputError` showing the first non-blank row when nothing matches.
    """
    first_row: tuple[int, list[str]] | None = None
    for delimiter in _DELIMITERS:
        try:
            for index, (line, record) in enumerate(_records(text, delimiter, where)):
                if index >= HEADER_SEARCH_LINES:
                    break
                if not "".join(record).strip(" \t;,|"):
                    continue
                if first_row is None and delimiter == ",":
                    first_row = (line, record)
                found = _match(record, signatures)
                if found is not None:
                    return found[0], delimiter, index
        except csv.Error:
            continue
    expected = " or ".join(
        "'" + "', '".join(sorted(alts[0])) + "'" for alts in list(signatures.values())[:3]
    )
    if first_row is None:
        raise InputError(where, "a CSV header row", "only blank lines")
    shown = ", ".join(repr(c.strip()) for c in first_row[1][:8])
    raise InputError(
        where,
        f"a CSV header with the columns {expected}",
        f"no such header in the first {HEADER_SEARCH_LINES} lines (line {first_row[0]} reads {shown})",
        hint="Is this the right file?"
        + (
            " A LinkedIn Connections.csv starts with "
            "'First Name,Last Name,URL,Email Address,Company,Position,Connected On'."
            if "Connections.csv" in signatures
            else ""
        ),
    )


def read_table(
    text: str,
    where: str,
    signatures: Signatures,
    *,
    progress: bool = False,
    progress_min_lines: int = 5000,
    max_rows: int | None = None,
    trim: Mapping[str, int] | None = None,
) -> tuple[str, Table]:
    """Find the header (see :func:`sniff_header`) and read every row after it.

    Rows whose cells are all blank are dropped and counted in ``Table.blank_rows``.
    More than ``max_rows`` rows (default ``bounds.SIZES.rows``) raise InputError.
    ``trim`` maps column names (normalised) to how many characters of them to keep: a
    caller that only looks at the start of a long column (message contents) saves the
    memory of the rest.
    With ``progress`` a tqdm bar shows when the text has more than ``progress_min_lines``
    lines. A malformed CSV raises :class:`InputError` with the line.
    """
    kind, delimiter, header_index = sniff_header(text, where, signatures)
    total_lines = text.count("\n") + 1
    bar = None
    if progress and total_lines > progress_min_lines:
        from tqdm.auto import tqdm

        bar = tqdm(total=total_lines, unit=" lines", desc=where.split("/")[-1], leave=False)
    rows: list[list[str]] = []
    lines: list[int] = []
    header: list[str] = []
    cuts: list[tuple[int, int]] = []
    seen: dict[str, str] = {}
    header_line = width = 0
    blank = 0
    done = 0
    limit = bounds.SIZES.rows if max_rows is None else max_rows
    min_width = None
    reader = _records(text, delimiter, where)
    line = 0
    try:
        for index, (line, record) in enumerate(reader):
            if index < header_index:
                continue
            if index == header_index:
                header, header_line, width = record, line, len(record)
                names = [normalize_header(c) for c in header]
                cuts = [(names.index(c), n) for c, n in (trim or {}).items() if c in names]
                continue
            if not record:
                continue
            if not "".join(record).strip():
                blank += 1
                continue
            if len(rows) >= limit:
                raise InputError(
                    where, f"at most {limit:,} rows", f"more (row {limit + 1:,} starts on line {line:,})",
                    hint="LinkedIn exports at most 30,000 connections; is this the right file?",
                )
            if min_width is None or len(record) < min_width:
                min_width = len(record)
            for at, keep in cuts:
                if len(record) > at and len(record[at]) > keep:
                    record[at] = record[at][:keep]
            # One object per distinct value: exports repeat names, URLs and flags a lot.
            record = [seen.setdefault(cell, cell) for cell in record]
            if len(seen) > 500_000:
                seen.clear()
            rows.append(record)
            lines.append(line)
            if bar is not None and line - done >= 2000:
                bar.update(line - done)
                done = line
    except csv.Error as exc:
        raise _csv_error(where, exc, line + 1) from None
    finally:
        if bar is not None:
            bar.update(max(0, total_lines - done))
            bar.close()
    table = Table(
        where=where,
        columns=[normalize_header(c) for c in header],
        rows=rows,
        lines=lines,
        header_line=header_line,
        delimiter=delimiter,
        raw_columns=[clean_text(c) or "" for c in header],
        blank_rows=blank,
        min_width=width if min_width is None else min_width,
    )
    return kind, table
