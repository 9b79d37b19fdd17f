"""Ingest: turn whatever export the user hands over into a :class:`ParsedExport`.

:func:`read_source` is the one entry point. It recognises, by content more than by name:

- a LinkedIn archive ``.zip`` (any download name: ``… (1).zip``, ``.zip.zip``; files may
  sit in subfolders; members are read in memory, never extracted) -> ``'linkedin_archive'``;
- a folder holding an extracted archive, or wrapping one -> ``'linkedin_archive'``;
- a single CSV: a Connections.csv -> ``'connections_csv'``; a Google Contacts export
  -> ``'google_contacts'``; any other LinkedIn file -> :class:`InputError` naming it;
- a ``.vcf`` -> ``'vcard'``;
- a saved LinkedIn profile (a PDF, by its ``%PDF-`` start), or a folder or zip holding
  PDFs and no Connections.csv -> ``'profile_pdf'``, read all or nothing by
  :mod:`netanalytics.ingest.profile_pdf` (``ParsedExport.profiles``).

Archive members are matched by base name, case-insensitively, with spaces and
underscores alike (``Endorsement Received Info.csv`` = ``Endorsement_Received_Info.csv``);
``guide_messages.csv`` and friends are *not* ``messages.csv``.

Per-counterpart interactions (``ParsedExport.interactions``) are keyed by a local URL
key (percent-decoded, lower-case, no scheme/``www.``/query/trailing slash) when a file
gives a URL, else by the cleaned, case-folded name; a name-only row is folded into the
URL row carrying the same name when exactly one does. Several rows may still describe
one person (e.g. only a name in Recommendations); identity resolution groups them.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "Connections.csv").write_text(
...     "First Name,Last Name,URL,Email Address,Company,Position,Connected On\\n"
...     "Ada,Lee,https://www.linkedin.com/in/ada,,Acme,Engineer,05 Nov 2023\\n")
>>> parsed = read_source(folder / "Connections.csv")
>>> parsed.kind, parsed.connections["full_name"].tolist()
('connections_csv', ['Ada Lee'])
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from netanalytics import bounds
from netanalytics.errors import InputError
from netanalytics.ingest import contacts, linkedin
from netanalytics.ingest.csvtable import read_table
from netanalytics.ingest.linkedin import ARCHIVE_FILES, Counterparts, Me, archive_key
from netanalytics.ingest.names import full_name
from netanalytics.ingest.records import CONNECTION_COLUMNS, ParsedExport, SkippedRows, empty_frame
from netanalytics.ingest.textio import Decoded, decode_bytes
from netanalytics.safety import human_bytes, input_kind, open_input, os_error_text

__all__ = ["ParsedExport", "read_source"]

_VCARD_SUFFIXES = (".vcf", ".vcard")
#: Files whose legacy twin (e.g. UTF-16 ``Endorsement Received Info.csv``) may sit beside
#: the current one: all are read and each endorsement/recommendation counted once.
_TWINNED = frozenset(
    {"endorsementreceivedinfo.csv", "endorsementgiveninfo.csv", "recommendationsreceived.csv", "recommendationsgiven.csv"}
)


def read_source(path: str | Path, *, progress: bool = False) -> ParsedExport:
    """Read a LinkedIn archive (zip or folder), a CSV or a vCard file into a ParsedExport.

    ``progress`` shows a tqdm bar while reading a large (> 5,000 lines) connections or
    messages file. Bad input raises :class:`InputError` naming the file (and the archive
    member), the line, what was expected and what was found.

    Reading is bounded by :data:`netanalytics.bounds.SIZES`: only a regular file, a pipe
    (``import <(cat Connections.csv)``) or a folder is read; each file, archive member,
    the archive as a whole, zips nested in zips, rows, columns, lines and fields have a
    limit, checked on the real bytes as they are read, and the message names the limit
    that was hit.
    """
    given = str(path)
    p = Path(path).expanduser()
    kind = input_kind(p, given)
    if kind == "folder":
        return _read_folder(p, given, progress)
    sizes = bounds.SIZES
    with open_input(p, given) as handle:
        head = handle.read_head(_HEAD_BYTES)
        if head[:4] in (b"PK\x03\x04", b"PK\x05\x06") or p.suffix.lower() == ".zip":
            if handle.kind == "file":
                # Members are read from the file on demand, never extracted.
                handle.close()
                return _read_zip(p, given, progress, _Budget())
            data = handle.read_all(sizes.inner_zip_bytes, "a zip archive read from a pipe", head)
            return _read_zip(data, given, progress, _Budget())
        if b"%PDF-" in head[:1024]:
            data = handle.read_all(sizes.pdf_bytes, "a profile PDF", head)
            return _profiles_export([_one_profile(data, given)], given, [p.name])
        is_vcard = p.suffix.lower() in _VCARD_SUFFIXES or _looks_like_vcard(head)
        limit = sizes.vcard_bytes if is_vcard else sizes.file_bytes
        data = handle.read_all(limit, "a contacts file" if is_vcard else "an export file", head)
    content_hash = hashlib.sha256(data).hexdigest()
    decoded = decode_bytes(data, given)
    del data
    warnings = _decoding_warnings(given, decoded)
    if is_vcard or decoded.text.lstrip()[:11].upper() == "BEGIN:VCARD":
        frame, skipped = contacts.parse_vcards(decoded.text, given, warnings=warnings)
        return ParsedExport(
            kind="vcard", path=Path(given), content_hash=content_hash, connections=frame,
            skipped=skipped, files_read=[p.name], warnings=warnings,
        )
    signatures = {**linkedin.LINKEDIN_SIGNATURES, **contacts.GOOGLE_SIGNATURES}
    kind, table = read_table(decoded.text, given, signatures, progress=progress, max_rows=sizes.contact_rows)
    if kind == "Connections.csv":
        frame, skipped = linkedin.connections_from_table(table)
        source_kind = "connections_csv"
    elif kind in contacts.GOOGLE_SIGNATURES:
        frame, skipped = contacts.google_from_table(table)
        source_kind = "google_contacts"
    else:
        raise InputError(
            given,
            "a LinkedIn Connections.csv (columns First Name, Last Name, URL, Email Address, "
            "Company, Position, Connected On)",
            f"a file that looks like LinkedIn's {kind} (header on line {table.header_line})",
            hint="Connections.csv is in the same LinkedIn export; ask for that file, or "
            "import the whole archive (.zip).",
        )
    return ParsedExport(
        kind=source_kind, path=Path(given), content_hash=content_hash, connections=frame,
        skipped=skipped, files_read=[p.name], warnings=warnings,
    )


#: How much of a file is read first to tell a zip, a vCard, a PDF and a CSV apart.
_HEAD_BYTES = 64 * 1024


# --------------------------------------------------------------------------- saved profiles


def _one_profile(data: bytes, given: str) -> tuple[object, str]:
    from netanalytics.ingest.profile_pdf import read_profile_bytes

    return read_profile_bytes(data, given), hashlib.sha256(data).hexdigest()


def _profiles_export(read: list[tuple[object, str]], given: str, files: list[str]) -> ParsedExport:
    """A ParsedExport of saved profiles: one record and one content hash per PDF."""
    hashes = [h for _, h in read]
    batch = hashlib.sha256("\n".join(hashes).encode()).hexdigest() if len(hashes) > 1 else hashes[0]
    return ParsedExport(
        kind="profile_pdf", path=Path(given), content_hash=batch, connections=empty_frame(CONNECTION_COLUMNS),
        files_read=files, profiles=[r for r, _ in read], profile_hashes=hashes,
    )


def _holds_profiles(names: list[str]) -> bool:
    """A folder or zip of saved profiles: PDFs and no Connections.csv (an export wins)."""
    visible = [n for n in names if not any(part.startswith(".") or part == "__MACOSX" for part in PurePosixPath(n).parts)]
    return not any(archive_key(n) == "connections.csv" for n in visible) and any(
        n.lower().endswith(".pdf") for n in visible
    )


def _read_profiles(source: Path | bytes, given: str) -> ParsedExport:
    from netanalytics.ingest.profile_pdf import read_profiles

    read = read_profiles(source, given)
    return _profiles_export(read, given, [str(record.source).removesuffix(f" in {given}") for record, _ in read])


def _looks_like_vcard(head: bytes) -> bool:
    """Whether the first bytes start a vCard (UTF-8 or UTF-16, with or without a BOM)."""
    text = head[:4096].replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    return text[:11].upper() == b"BEGIN:VCARD"


# --------------------------------------------------------------------------- archives


class _Budget:
    """The expanded bytes one import has read from archives so far (every member, every
    nesting level), against ``bounds.SIZES.archive_bytes``."""

    def __init__(self) -> None:
        self.used = 0

    def take(self, n: int, where: str) -> None:
        limit = bounds.SIZES.archive_bytes
        if self.used + n > limit:
            raise InputError(
                where, f"an archive whose files expand to at most {human_bytes(limit)} together",
                f"more than {human_bytes(limit)}",
                hint="A LinkedIn export is far smaller; is it the right archive?",
            )
        self.used += n


def _member_limit(name: str) -> tuple[int, str]:
    """(byte limit, what it is) for an archive member, by its name."""
    sizes = bounds.SIZES
    if name.lower().endswith(".zip"):
        return sizes.inner_zip_bytes, "a zip inside the archive"
    if archive_key(name) == "messages.csv":
        return sizes.messages_bytes, "a messages file"
    return sizes.file_bytes, "an export file"


@dataclass(frozen=True)
class _Member:
    """One file of an archive: its path inside it, its size and its bytes, as chunks.

    ``chunks()`` yields the real bytes (decompressed, for a zip) and refuses more than
    the member's limit (:func:`_member_limit`) whatever its header claims.
    """

    name: str
    size: int
    chunks: Callable[[], Iterator[bytes]]

    def load(self) -> bytes:
        """All the bytes (bytes-like: a bytearray, so the peak holds them once)."""
        buffer = bytearray()
        for chunk in self.chunks():
            buffer += chunk
        return buffer  # type: ignore[return-value]

    @property
    def key(self) -> str:
        return archive_key(self.name)

    @property
    def folder(self) -> str:
        return str(PurePosixPath(self.name).parent)


def _zip_entry_count(handle: BinaryIO) -> int | None:
    """The number of entries a zip's end record announces (zip64 too), or None if unreadable.

    Read before :class:`zipfile.ZipFile` parses the whole central directory, so a zip with
    millions of entries is refused without building millions of objects.
    """
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    span = min(size, 22 + 0xFFFF)
    handle.seek(size - span)
    tail = handle.read(span)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return None
    entries = struct.unpack_from("<H", tail, at + 10)[0]
    if entries == 0xFFFF and at >= 20 and tail[at - 20 : at - 16] == b"PK\x06\x07":
        offset = struct.unpack_from("<Q", tail, at - 20 + 8)[0]
        if offset < size:
            handle.seek(offset)
            record = handle.read(56)
            if record[:4] == b"PK\x06\x06" and len(record) == 56:
                entries = struct.unpack_from("<Q", record, 32)[0]
    return entries


def _read_zip(source: Path | bytes, given: str, progress: bool, budget: _Budget, depth: int = 1) -> ParsedExport:
    limit = bounds.SIZES.archive_depth
    if depth > limit:
        raise InputError(
            given, f"a LinkedIn export nested in at most {limit} zip archives",
            f"zip archives nested more than {limit} deep",
            hint="Unzip the outer archives and import the LinkedIn export itself.",
        )
    try:
        handle: BinaryIO = io.BytesIO(source) if isinstance(source, bytes | bytearray) else open(source, "rb")  # noqa: SIM115
    except OSError as exc:
        raise InputError(given, "a readable zip archive", f"an error opening it ({os_error_text(exc)})") from None
    with handle:
        try:
            entries = _zip_entry_count(handle)
            members = bounds.SIZES.archive_members
            if entries is not None and entries > members:
                raise InputError(
                    given, f"a zip archive of at most {members:,} files (a LinkedIn export holds about a hundred)",
                    f"{entries:,} files",
                )
            handle.seek(0)
            archive = zipfile.ZipFile(handle)
            profiles = _holds_profiles(archive.namelist())
        except InputError:
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, struct.error) as exc:
            raise InputError(
                given, "a readable zip archive (a LinkedIn data export)", f"a corrupt zip ({exc})",
                hint="Download the export again from LinkedIn (Settings > Data privacy > Get a copy of your data).",
            ) from None
        if profiles:
            archive.close()
            return _read_profiles(source if isinstance(source, bytes | bytearray) else Path(source), given)
        with archive:
            return _read_open_zip(archive, given, progress, budget, depth)


def _read_open_zip(
    archive: zipfile.ZipFile, given: str, progress: bool, budget: _Budget, depth: int
) -> ParsedExport:
    infos = archive.infolist()
    names = [i.filename for i in infos if not i.is_dir()]
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        raise InputError(
            given, "a LinkedIn archive or a CSV file", "an Excel workbook",
            hint="Open it in the spreadsheet program and save it as 'CSV UTF-8'.",
        )

    def reader(info: zipfile.ZipInfo) -> Callable[[], Iterator[bytes]]:
        def chunks() -> Iterator[bytes]:
            where = f"{info.filename} in {given}"
            limit, what = _member_limit(info.filename)
            if info.file_size > limit:
                raise _too_big(where, what, limit, f"{info.file_size:,} bytes once expanded")
            total = 0
            try:
                with archive.open(info) as member:
                    # Count the bytes really produced, whatever the header claims.
                    while chunk := member.read(_CHUNK):
                        total += len(chunk)
                        if total > limit:
                            raise _too_big(where, what, limit, f"more than {human_bytes(limit)} once expanded")
                        yield chunk
            except (zipfile.BadZipFile, RuntimeError, OSError, ValueError, EOFError, zlib.error) as exc:
                raise InputError(where, "a readable archive member", f"a damaged or encrypted entry ({exc})") from None

        return chunks

    members = [
        _Member(i.filename, i.file_size, reader(i))
        for i in infos
        if not i.is_dir() and "__MACOSX/" not in i.filename and not PurePosixPath(i.filename).name.startswith("._")
    ]
    if not any(m.key == "connections.csv" for m in members):
        # A zipped zip (the export re-compressed): look one level down.
        inner = [m for m in members if m.name.lower().endswith(".zip")]
        if len(inner) == 1:
            where = f"{inner[0].name} in {given}"
            data = inner[0].load()
            budget.take(len(data), where)
            return _read_zip(data, where, progress, budget, depth + 1)
    return _read_archive(members, given, lambda m: f"{m.name} in {given}", progress, "zip archive", budget)


def _too_big(where: str, what: str, limit: int, found: str) -> InputError:
    return InputError(
        where, f"{what} of at most {human_bytes(limit)}", found,
        hint="That is far more than any real export holds; is it the right file?",
    )


#: How much is read at a time from a file or an archive member.
_CHUNK = 1 << 20


def _file_reader(file: Path, where: str) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        limit, what = _member_limit(file.name)
        with open_input(file, where) as handle:
            if handle.size is not None and handle.size > limit:
                raise _too_big(where, what, limit, f"{handle.size:,} bytes")
            total = 0
            while chunk := handle.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise _too_big(where, what, limit, f"more than {human_bytes(limit)}")
                yield chunk

    return chunks


def _read_folder(folder: Path, given: str, progress: bool) -> ParsedExport:
    members = []
    limit = bounds.SIZES.folder_files
    for count, file in enumerate(folder.rglob("*")):
        if count >= limit:
            raise InputError(
                given, f"a LinkedIn export folder (a few dozen files; at most {limit:,})",
                f"more than {limit:,} files",
                hint="Give the export's own folder or its .zip.",
            )
        relative = file.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not file.is_file():
            continue  # hidden files, folders, pipes, devices
        name = relative.as_posix()
        members.append(_Member(name, file.stat().st_size, _file_reader(file, str(Path(given) / name))))
    members.sort(key=lambda m: m.name)
    if _holds_profiles([m.name for m in members]):
        return _read_profiles(folder, given)
    if not any(m.key == "connections.csv" for m in members):
        # A folder holding the downloaded archive itself.
        zips = [m for m in members if m.name.lower().endswith(".zip")]
        if len(zips) == 1:
            return _read_zip(zips[0].load(), str(Path(given) / zips[0].name), progress, _Budget())
    return _read_archive(
        members, given, lambda m: str(Path(given) / m.name), progress, "folder", _Budget()
    )


def _pick(members: list[_Member], key: str, root: str) -> list[_Member]:
    """Members named ``key``, preferring those under ``root``, shallowest first."""
    found = [m for m in members if m.key == key]
    inside = [m for m in found if root == "." or m.name.startswith(root + "/")]
    return sorted(inside or found, key=lambda m: (m.name.count("/"), m.name))


def _decoding_warnings(where: str, decoded: Decoded) -> list[str]:
    out = []
    if decoded.replaced:
        out.append(f"{where}: {decoded.replaced} character(s) were not valid UTF-8 and now show as '\ufffd'.")
    if decoded.repaired:
        out.append(f"{where}: repaired {decoded.repaired} mis-encoded character(s) (like 'Ã©' for 'é').")
    return out


def _read_archive(
    members: list[_Member],
    given: str,
    where_of: Callable[[_Member], str],
    progress: bool,
    what: str,
    budget: _Budget,
) -> ParsedExport:
    """Read the export's files from ``members``: a first pass streams every file once to
    hash it and enforce the limits (nothing is held), the second decodes and parses one
    file at a time, letting each go before the next."""
    candidates = [m for m in members if m.key == "connections.csv"]
    if not candidates:
        shown = sorted({m.name for m in members})
        listing = ", ".join(shown[:15]) + (f" and {len(shown) - 15} more" if len(shown) > 15 else "")
        raise InputError(
            given,
            f"a LinkedIn export {what} containing Connections.csv",
            f"{len(shown)} file(s): {listing}" if shown else "no files",
            hint="Give the LinkedIn export itself (Basic_LinkedInDataExport_….zip) or the "
            "folder it was extracted to.",
        )
    warnings: list[str] = []
    if len(candidates) > 1:
        def richness(m: _Member) -> tuple[int, str]:
            folder = m.folder
            count = sum(1 for x in members if x.key in ARCHIVE_FILES and x.folder == folder)
            return count, m.name

        chosen = max(candidates, key=richness)
        warnings.append(
            f"{given}: found {len(candidates)} Connections.csv files; read {chosen.name} and the files beside it."
        )
    else:
        chosen = candidates[0]
    root = chosen.folder

    plan: list[tuple[str, _Member]] = []
    for key in sorted(ARCHIVE_FILES):
        picked = [chosen] if key == "connections.csv" else _pick(members, key, root)
        plan.extend((key, member) for member in (picked if key in _TWINNED else picked[:1]))

    # Pass 1: hash and limits, streaming (the content hash is that of the files' bytes in
    # key order, each preceded by its key and length).
    files_read: list[str] = []
    digest = hashlib.sha256()
    empty: set[str] = set()
    for key, member in plan:
        where = where_of(member)
        digest.update(key.encode() + b"\0" + str(member.size).encode() + b"\0")
        total, blank = 0, True
        for chunk in member.chunks():
            budget.take(len(chunk), where)
            digest.update(chunk)
            total += len(chunk)
            blank = blank and chunk.isspace()
        if total != member.size:
            raise InputError(where, f"{member.size:,} bytes, as the archive says", f"{total:,} bytes",
                             hint="The file is damaged or changed while it was read.")
        files_read.append(member.name)
        if key != "connections.csv" and blank:
            warnings.append(f"{where} is empty; skipped.")
            empty.add(member.name)

    # Pass 2: one file at a time.
    def texts_of(key: str) -> Iterator[tuple[str, str]]:
        for k, member in plan:
            if k != key or member.name in empty:
                continue
            where = where_of(member)
            decoded = decode_bytes(member.load(), where)
            warnings.extend(_decoding_warnings(where, decoded))
            yield where, decoded.text

    def one(key: str) -> tuple[str, str] | None:
        """The (where, text) of the first file for ``key``; its text is let go after use."""
        return next(texts_of(key), None)

    where, text = one("connections.csv")  # type: ignore[misc]
    connections, skipped = linkedin.parse_connections(text, where, progress=progress)
    del text

    profile = None
    if item := one("profile.csv"):
        profile = linkedin.parse_profile(item[1], item[0])
    extra = {}
    if item := one("positions.csv"):
        extra["positions"] = linkedin.parse_positions(item[1], item[0])
    if item := one("education.csv"):
        extra["education"] = linkedin.parse_education(item[1], item[0])

    me = Me(
        url=profile.get("profile_url") if profile else None,
        name=full_name(profile.get("first_name"), profile.get("last_name")) if profile else None,
    )
    counterparts = Counterparts(me)
    invitations = []
    if item := one("invitations.csv"):
        invitations = linkedin.parse_invitations(item[1], item[0], me)
        mine = Counter(i.my_url for i in invitations if i.my_url)
        if mine and me.url is None:
            me.url = mine.most_common(1)[0][0]
    if item := one("messages.csv"):
        stats = linkedin.parse_messages(item[1], item[0], counterparts, progress=progress)
        item = None
        skipped.extend(stats.skipped)
        me = stats.me
    counterparts.me = me
    for inv in invitations:
        counterparts.invitation(inv.url, inv.name, inv.direction, inv.sent_at)
    for key, column, given_ in (
        ("endorsementreceivedinfo.csv", "endorsements_received", False),
        ("endorsementgiveninfo.csv", "endorsements_given", True),
    ):
        groups = [linkedin.parse_endorsements(t, w, given=given_) for w, t in texts_of(key)]
        linkedin.add_mentions(counterparts, column, groups)
    for key, column in (
        ("recommendationsreceived.csv", "recommendations_received"),
        ("recommendationsgiven.csv", "recommendations_given"),
    ):
        groups = [linkedin.parse_recommendations(t, w) for w, t in texts_of(key)]
        linkedin.add_mentions(counterparts, column, groups)
    if profile is not None and not profile.get("profile_url") and me.url:
        profile["profile_url"] = me.url

    return ParsedExport(
        kind="linkedin_archive",
        path=Path(given),
        content_hash=digest.hexdigest(),
        connections=connections,
        profile=profile,
        interactions=counterparts.frame(),
        skipped=_merge_skipped(skipped),
        files_read=files_read,
        warnings=warnings,
        **extra,
    )


def _merge_skipped(skipped: list[SkippedRows]) -> list[SkippedRows]:
    merged: dict[str, SkippedRows] = {}
    for s in skipped:
        if s.reason in merged:
            merged[s.reason].count += s.count
            merged[s.reason].lines.extend(s.lines)
            merged[s.reason].names.extend(s.names)
        else:
            merged[s.reason] = SkippedRows(s.reason, s.count, list(s.lines), list(s.names))
    return list(merged.values())
