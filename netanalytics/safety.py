"""Treat every input as untrusted and every output as private: strings, files in, files out.

Strings from an export: :func:`csv_safe_cell`, :func:`html_text`, :func:`safe_filename`.

Files read (:func:`open_input`, :func:`read_input`, :func:`read_text_input`): only a
regular file or a pipe (``netanalytics import <(cat file.csv)`` hands over one); a
folder, a device (``/dev/zero``), a socket or a symlink loop is refused at once with a
message. A pipe that stays silent for :attr:`~netanalytics.bounds.Sizes.pipe_wait_seconds`
(a FIFO nobody writes to) is refused instead of hanging; nothing is read past its limit.

Files written (:func:`open_private`, :func:`write_private`): everything the toolkit writes
about people (drafts, prep sheets, exports, calendars, charts, backups) is created 0600
whatever the umask, replaced atomically, and a failure (full disk, read-only folder, a
folder where a file is expected) is an :class:`~netanalytics.errors.InputError` naming
the path; no half-written file is left behind.

>>> csv_safe_cell("=SUM(A1)")
"'=SUM(A1)"
>>> html_text("<img src=x onerror=alert(1)>")
'&lt;img src=x onerror=alert(1)&gt;'
>>> safe_filename("../../etc/passwd")
'etc_passwd'
"""

from __future__ import annotations

import contextlib
import errno
import html
import os
import re
import select
import stat
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from netanalytics import bounds
from netanalytics.errors import InputError, NotFoundError

__all__ = [
    "InputFile",
    "awaiting_input",
    "csv_safe_cell",
    "csv_safe_row",
    "html_text",
    "human_bytes",
    "input_kind",
    "open_input",
    "open_private",
    "os_error_text",
    "private_replacement",
    "read_input",
    "read_toml_input",
    "read_text_input",
    "safe_filename",
    "write_private",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formula injection: prefix risky text with a quote.

    Numbers pass through unchanged; text starting with ``= + - @``, a tab or a carriage
    return gets a leading apostrophe, so a spreadsheet shows it as text.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_safe_row(row: dict[str, Any]) -> dict[str, Any]:
    """:func:`csv_safe_cell` applied to every value of a row."""
    return {key: csv_safe_cell(value) for key, value in row.items()}


def html_text(value: Any) -> str:
    """Escape any value for use as text inside HTML (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


def safe_filename(value: str, *, default: str = "file", max_length: int = 80) -> str:
    """A file-name-safe slug of ``value``: no separators, no dots at the start, ASCII only."""
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", folded).strip("._-")
    slug = re.sub(r"_+", "_", slug)[:max_length].strip("._-")
    return slug or default


# ---------------------------------------------------------------- sizes and OS errors in words


def human_bytes(n: int) -> str:
    """'64 MiB', '160 KiB', '512 bytes' (exact multiples shown without decimals).

    >>> human_bytes(64 * 1024 * 1024), human_bytes(1536), human_bytes(12)
    ('64 MiB', '1.5 KiB', '12 bytes')
    """
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


_OS_HINTS = {
    errno.ENOSPC: "the disk is full: free some space and try again",
    errno.EFBIG: "the file would be larger than this system allows (or the disk is full)",
    errno.EROFS: "that file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.ELOOP: "the path goes round a loop of symbolic links",
    errno.EDQUOT: "your disk quota is used up",
    errno.ENAMETOOLONG: "the name is too long",
}


def os_error_text(exc: OSError) -> str:
    """An OSError in plain words ('the disk is full: …'), for a message."""
    return _OS_HINTS.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()


# ---------------------------------------------------------------- reading untrusted files


def input_kind(path: str | os.PathLike[str], where: str | None = None) -> str:
    """'file', 'pipe' or 'folder' for what ``path`` names; an InputError for anything else.

    >>> input_kind("/dev/null")
    Traceback (most recent call last):
    ...
    netanalytics.errors.InputError: /dev/null: expected a file, found a device. Give the path of a file you saved.
    """
    where = where or str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise NotFoundError(where, "a file", "nothing at that path", hint="Check the spelling, or give the full path.") from None
    except OSError as exc:
        raise InputError(where, "a file", f"a path that cannot be read ({os_error_text(exc)})") from None
    return _kind_of(info.st_mode, where)


def _kind_of(mode: int, where: str) -> str:
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISDIR(mode):
        return "folder"
    found = (
        "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "a special file"
    )
    raise InputError(where, "a file", found, hint="Give the path of a file you saved.")


class InputFile:
    """A regular file or a pipe opened for reading untrusted input; see :func:`open_input`.

    ``size`` is the file's size (None for a pipe). :meth:`read` waits at most
    ``bounds.SIZES.pipe_wait_seconds`` for a pipe to deliver; :meth:`read_all` refuses
    to read past a limit.
    """

    def __init__(self, fd: int, where: str, kind: str, size: int | None) -> None:
        self.fd = fd
        self.where = where
        self.kind = kind
        self.size = size
        self._delivered = False

    def __enter__(self) -> InputFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the descriptor (idempotent)."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def _wait(self) -> None:
        wait = bounds.SIZES.pipe_wait_seconds
        poller = select.poll()
        poller.register(self.fd, select.POLLIN | select.POLLHUP | select.POLLERR)
        if not poller.poll(int(wait * 1000)):
            found = (
                f"data that stopped coming for {wait:g} s" if self._delivered
                else f"no program writing to it (waited {wait:g} s)"
            )
            raise InputError(
                self.where, "a pipe that delivers its data", found,
                hint="Start the program that writes to the pipe first, or save the data to a file.",
            )

    def read(self, n: int) -> bytes:
        """Up to ``n`` bytes; b'' at the end."""
        while True:
            if self.kind == "pipe":
                self._wait()
            try:
                data = os.read(self.fd, n)
            except BlockingIOError:
                continue
            except OSError as exc:
                raise InputError(self.where, "a readable file", f"an error reading it ({os_error_text(exc)})") from None
            self._delivered = self._delivered or bool(data)
            return data

    def read_all(self, limit: int, what: str = "a file", head: bytes = b"") -> bytes:
        """Everything left (after ``head``, already read), at most ``limit`` bytes in all."""
        if self.size is not None and self.size > limit:
            raise _too_big(self.where, what, limit, f"{self.size:,} bytes")
        chunks = [head] if head else []
        total = len(head)
        want = (self.size - total + 1) if self.size is not None and self.size >= total else 1 << 20
        while True:
            data = self.read(max(1, min(want, limit - total + 1)))
            if not data:
                break
            chunks.append(data)
            total += len(data)
            if total > limit:
                raise _too_big(self.where, what, limit, f"more than {human_bytes(limit)}")
            want = 1 << 20
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    def read_head(self, n: int) -> bytes:
        """The first ``n`` bytes (fewer only when the input is shorter)."""
        chunks, total = [], 0
        while total < n:
            data = self.read(n - total)
            if not data:
                break
            chunks.append(data)
            total += len(data)
        return b"".join(chunks)


def _too_big(where: str, what: str, limit: int, found: str) -> InputError:
    return InputError(
        where, f"{what} of at most {human_bytes(limit)}", found,
        hint="That is far more than any real export holds; is it the right file?",
    )


def open_input(path: str | os.PathLike[str], where: str | None = None) -> InputFile:
    """Open ``path`` for reading untrusted input: a regular file or a pipe, nothing else.

    A folder, a device, a socket, a missing path or a symlink loop raises InputError
    (NotFoundError for a missing one) before anything is read. Use as a context manager.
    """
    where = where or str(path)
    expected = input_kind(path, where)
    if expected == "folder":
        raise InputError(where, "a file", "a folder", hint="Give the path of a file inside it.")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(where, "a readable file", f"an error opening it ({os_error_text(exc)})") from None
    try:
        info = os.fstat(fd)
        kind = _kind_of(info.st_mode, where)
        if kind != expected:  # swapped between the look and the open
            raise InputError(where, "a file", "a path that changed while it was opened")
        if kind == "file":
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return InputFile(fd, where, kind, info.st_size if kind == "file" else None)


@contextlib.contextmanager
def awaiting_input(path: str | os.PathLike[str], where: str | None = None) -> Iterator[str]:
    """Check ``path`` before any slow work: a missing path, a device or a socket is refused
    at once, and a pipe must deliver (or be closed by its writer) within the pipe wait.

    Yields ``input_kind(path)`` ('file', 'pipe' or 'folder'). For a pipe, a second reading
    end stays open without reading until the block ends, so the writer is never left
    without a reader and nothing is consumed.
    """
    where = where or str(path)
    kind = input_kind(path, where)
    if kind != "pipe":
        yield kind
        return
    with open_input(path, where) as handle:
        handle._wait()
        yield kind


def read_input(path: str | os.PathLike[str], where: str | None = None, *, limit: int, what: str = "a file") -> bytes:
    """All bytes of a regular file or a pipe, refusing more than ``limit`` (see :func:`open_input`).

    >>> read_input("/dev/zero", limit=10)
    Traceback (most recent call last):
    ...
    netanalytics.errors.InputError: /dev/zero: expected a file, found a device. Give the path of a file you saved.
    """
    with open_input(path, where) as handle:
        return handle.read_all(limit, what)


def read_text_input(path: str | os.PathLike[str], where: str | None = None, *, limit: int | None = None) -> str:
    """A UTF-8 text file (a TOML setting, a template) read with :func:`read_input`."""
    where = where or str(path)
    data = read_input(path, where, limit=limit or bounds.SIZES.file_bytes, what="a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(where, "UTF-8 text", f"bytes that are not UTF-8 at offset {exc.start}") from None


def read_toml_input(path: str | os.PathLike[str], what: str = "settings file") -> dict:
    """A user's TOML file (a target, a taxonomy, cadence rules: ``what``) as a dict, read with
    :func:`read_text_input`; a missing file or invalid TOML is an :class:`InputError`
    naming the file.

    >>> read_toml_input("/nonexistent/target.toml", "target file")
    Traceback (most recent call last):
    ...
    netanalytics.errors.InputError: Target file /nonexistent/target.toml does not exist.
    """
    import tomllib

    try:
        return tomllib.loads(read_text_input(path))
    except NotFoundError:
        raise InputError(f"{what[0].upper()}{what[1:]} {path} does not exist.") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"a TOML {what}", f"invalid TOML ({exc})") from None


# ---------------------------------------------------------------- writing private files


@contextlib.contextmanager
def private_replacement(path: str | os.PathLike[str], *, what: str = "the file") -> Iterator[Path]:
    """A new, empty 0600 file beside ``path`` to fill; renamed over ``path`` at the end.

    The permissions do not depend on the umask. The folder is created when missing. On
    any error nothing is left behind and an existing file stays as it was; an OSError
    becomes an InputError naming the path and saying why in words (a full disk, a
    read-only folder, a folder where the file should go).
    """
    target = Path(path).expanduser()
    if target.is_dir():
        raise InputError(str(target), "a file name to write", "a folder", hint=f"Give a file name inside it, e.g. {target / 'out'}.")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"Cannot write {what} {target}: {os_error_text(exc)}.") from None
    tmp = Path(name)
    try:
        try:
            os.fchmod(fd, 0o600)
        finally:
            os.close(fd)
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"Cannot write {what} {target}: {os_error_text(exc)}. Nothing was written.") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def open_private(
    path: str | os.PathLike[str], mode: str = "wb", *, encoding: str | None = None, newline: str | None = None,
    what: str = "the file",
) -> Iterator[IO[Any]]:
    """Write ``path`` privately through :func:`private_replacement`: a 0600 file, whole or
    not at all, flushed to disk before it replaces ``path``."""
    with private_replacement(path, what=what) as tmp, open(tmp, mode, encoding=encoding, newline=newline) as handle:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())


def write_private(path: str | os.PathLike[str], data: str | bytes, *, what: str = "the file") -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` with :func:`open_private`; returns the path."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with open_private(path, "wb", what=what) as handle:
        handle.write(payload)
    return Path(path).expanduser()
