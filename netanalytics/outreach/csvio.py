"""Export the outreach log to CSV and import it back, losslessly and safely.

Cells are protected against spreadsheet formula injection: text starting with ``= + - @``
(or a tab, carriage return, or their full-width forms) gets a leading apostrophe. To keep
that reversible, text that already starts with an apostrophe gets one too. So on import
exactly one leading apostrophe is removed from any cell that has one, and every value
comes back as it was:

>>> [escape_cell(v) for v in ["=1+1", "-5", "'quoted", "@x", "plain"]]
["'=1+1", "'-5", "''quoted", "'@x", 'plain']
>>> [unescape_cell(escape_cell(v)) for v in ["=1+1", "-5", "'quoted", "@x", "plain"]]
['=1+1', '-5', "'quoted", '@x', 'plain']

Importing matches people by id, then profile URL, then an unambiguous name, and recreates
people the log's referrals introduced. Rows already in the log are skipped, so importing
the same file twice adds nothing. The import is one transaction (``undo`` takes it back).
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from netanalytics.bounds import check_event
from netanalytics.errors import AmbiguousPersonError, InputError, NotFoundError
from netanalytics.outreach.journal import journal
from netanalytics.outreach.referrals import Referral, ensure_referred_person
from netanalytics.outreach.storage import event_rows, insert_event
from netanalytics.outreach.vocabulary import (
    iso_moment,
    normalize_channel,
    normalize_stage,
    parse_datetime,
)
from netanalytics.safety import csv_safe_cell, open_private, read_text_input
from netanalytics.workspace.db import Workspace, utc_now_iso
from netanalytics.workspace.people import find_person

__all__ = ["CSV_COLUMNS", "ImportResult", "escape_cell", "export_log", "import_log", "unescape_cell"]

#: Columns of the exported CSV, in order.
CSV_COLUMNS = (
    "event_id",
    "person_id",
    "name",
    "company",
    "profile_url",
    "stage",
    "at",
    "channel",
    "via_person_id",
    "via_name",
    "via_profile_url",
    "notes",
    "questions",
    "learned",
    "next_step",
    "referral_person_id",
    "referral_name",
    "referral_company",
    "referral_position",
    "referral_profile_url",
)
_TEXT = ("notes", "questions", "learned", "next_step")


def escape_cell(value: Any) -> str:
    """The CSV text of ``value``: formula-neutralised, reversible with :func:`unescape_cell`."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith("'"):
        return "'" + text
    return csv_safe_cell(text)


def unescape_cell(text: str | None) -> str | None:
    """Undo :func:`escape_cell`: drop one leading apostrophe; empty text is None."""
    if text is None or text == "":
        return None
    return text[1:] if text.startswith("'") else text


@dataclass(frozen=True)
class ImportResult:
    """What an import did: events added, rows skipped as already present, people created."""

    added: int
    skipped: int
    people_created: int

    def summary(self) -> str:
        """One line for the user."""
        return (
            f"Imported {self.added} events ({self.skipped} already in the log were skipped; "
            f"{self.people_created} referred people added)."
        )


def _write_atomic(path: Path, rows: list[list[str]]) -> None:
    with open_private(path, "w", encoding="utf-8-sig", newline="", what="the log export") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerows(rows)


def export_log(ws: Workspace, path: str | os.PathLike[str]) -> int:
    """Write the whole current log to ``path`` (UTF-8 CSV, Excel-friendly); returns rows written."""
    people = {r["person_id"]: dict(r) for r in ws.conn.execute("SELECT * FROM people")}
    rows = [list(CSV_COLUMNS)]
    for ev in event_rows(ws):
        person = people.get(ev["person_id"], {})
        via = people.get(ev["via_person_id"], {})
        ref = people.get(ev["referral_person_id"], {})
        values = {
            **ev,
            "at": iso_moment(ev["at"]),
            "profile_url": person.get("profile_url"),
            "via_profile_url": via.get("profile_url"),
            "referral_company": ref.get("company"),
            "referral_position": ref.get("position"),
            "referral_profile_url": ref.get("profile_url"),
        }
        rows.append([escape_cell(values.get(col)) for col in CSV_COLUMNS])
    _write_atomic(Path(path), rows)
    return len(rows) - 1


def _read(path: Path) -> list[tuple[int, dict[str, str | None]]]:
    try:
        with io.StringIO(read_text_input(path), newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [c for c in ("stage", "at") if c not in header]
            if not (set(header) & {"person_id", "name", "profile_url"}):
                missing.append("person_id or name")
            if missing:
                raise InputError(
                    str(path),
                    "an outreach log CSV with columns " + ", ".join(CSV_COLUMNS[:8]) + ", …",
                    "no column " + ", ".join(missing),
                    line=1,
                    hint="Export the log to get a file of this shape.",
                    next_step="export_log",
                )
            out = []
            for record in reader:
                if None in record:
                    raise InputError(str(path), f"{len(header)} cells", "more cells than the header has", line=reader.line_num)
                out.append((reader.line_num, {k: unescape_cell(v) for k, v in record.items()}))
            return out
    except csv.Error as exc:
        raise InputError(str(path), "valid CSV", str(exc)) from None


def _resolve(ws: Workspace, mapped: dict[str, str], pid: str | None, url: str | None, name: str | None) -> str:
    """A person id in this workspace for an exported (id, URL, name); raises NotFoundError."""
    if pid and pid in mapped:
        return mapped[pid]
    for query in (pid, url):
        if query:
            try:
                return find_person(ws, query)["person_id"]
            except NotFoundError:
                pass
    if name:
        return find_person(ws, name)["person_id"]
    raise NotFoundError("no person id, profile URL or name given")


def import_log(ws: Workspace, path: str | os.PathLike[str]) -> ImportResult:
    """Import an exported log into ``ws``: all rows or, on any bad row, nothing.

    Errors name the file, line and field. Events already present (same person, stage,
    time, channel, via and text) are skipped.
    """
    path = Path(path)
    records = _read(path)
    parsed = []
    for line, rec in records:
        try:
            stage = normalize_stage(rec.get("stage") or "")
        except InputError as exc:
            raise _field_error(path, line, "stage", exc) from None
        try:
            moment = parse_datetime(rec.get("at"))
        except InputError as exc:
            raise _field_error(path, line, "at", exc) from None
        if moment is None:
            raise InputError(str(path), "a date and time", "an empty cell", line=line, field="at")
        try:
            check_event(at=moment, texts={k: rec.get(k) for k in _TEXT})
        except InputError as exc:
            raise _field_error(path, line, exc.where, exc) from None
        try:
            channel = normalize_channel(rec.get("channel"))
        except InputError as exc:
            raise _field_error(path, line, "channel", exc) from None
        parsed.append((line, rec, stage, moment, channel))

    with ws.transaction() as conn:
        mapped: dict[str, str] = {}
        ties, sources, created_people = [], [], 0

        def person(line: int, field: str, pid: str | None, url: str | None, name: str | None) -> str:
            try:
                return _resolve(ws, mapped, pid, url, name)
            except (NotFoundError, AmbiguousPersonError) as exc:
                raise InputError(f"{path}, line {line}, field '{field}': {exc}") from None

        # Referred people first: they may not exist yet in this workspace.
        for line, rec, stage, moment, _ in parsed:
            if stage != "referral_given" or not (rec.get("referral_name") or rec.get("referral_person_id")):
                continue
            referrer = person(line, "person_id", rec.get("person_id"), rec.get("profile_url"), rec.get("name"))
            try:
                referral = Referral(
                    rec.get("referral_name") or "",
                    rec.get("referral_company"),
                    rec.get("referral_position"),
                    rec.get("referral_profile_url"),
                )
            except InputError as exc:
                raise _field_error(path, line, "referral_profile_url", exc) from None
            try:
                new_id, created = ensure_referred_person(conn, referrer, referral, moment, rec.get("referral_person_id"))
            except InputError as exc:
                raise InputError(f"{path}, line {line}, field 'referral_name': {exc}") from None
            if rec.get("referral_person_id"):
                mapped[rec["referral_person_id"]] = new_id
            created_people += "person_id" in created
            if "tie" in created:
                ties.append(created["tie"])
                sources.append(created["source_id"])

        existing = Counter(_key(r) for r in event_rows(ws))
        added: list[int] = []
        skipped = 0
        now = utc_now_iso()
        for line, rec, stage, moment, channel in parsed:
            pid = person(line, "person_id", rec.get("person_id"), rec.get("profile_url"), rec.get("name"))
            via = None
            if rec.get("via_person_id") or rec.get("via_name") or rec.get("via_profile_url"):
                via = person(line, "via_person_id", rec.get("via_person_id"), rec.get("via_profile_url"), rec.get("via_name"))
            ref = mapped.get(rec.get("referral_person_id") or "") if stage == "referral_given" else None
            values = {
                "person_id": pid,
                "stage": stage,
                "at": iso_moment(moment),
                "channel": channel,
                "via_person_id": via,
                **{k: rec.get(k) if (rec.get(k) or "").strip() else None for k in _TEXT},
                "referral_person_id": ref,
            }
            key = _key({**values, "at": moment})
            if existing[key] > 0:
                existing[key] -= 1
                skipped += 1
                continue
            added.append(insert_event(conn, {**values, "created_at": now}))
        if added or ties:
            journal(
                conn,
                "import",
                added[0] if added else None,
                f"imported {len(added)} events from {path.name}",
                {"events": added, "ties": ties, "source_ids": sources},
            )
    return ImportResult(added=len(added), skipped=skipped, people_created=created_people)


def _field_error(path: Path, line: int, field: str, exc: Exception) -> InputError:
    return InputError(f"{path}, line {line}, field '{field}': {exc}")


def _key(row: dict[str, Any]) -> tuple:
    at = row["at"]
    return (
        row["person_id"],
        row["stage"],
        at.isoformat(timespec="seconds") if isinstance(at, datetime) else str(at),
        row["channel"],
        row["via_person_id"],
        *(row[k] for k in _TEXT),
        row.get("referral_person_id"),
    )
