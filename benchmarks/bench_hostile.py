"""Hostile imports: each refused within 10 s and within 2x the memory of the worst legitimate one.

Every case runs ``netanalytics import`` in a child process of its own; the figures are the
child's wall-clock time and peak resident memory (``ru_maxrss`` from ``wait4``, the
kernel's VmHWM). The legitimate baseline is the worst real export: a 30,000-connection
archive (LinkedIn's cap) with 50,000 messages, written by ``bench_ingest``'s writers. A
heavy user's Complete archive (300,000 messages of realistic length, ~130 MB) is measured
too, as the largest legitimate export the limits must fit many times over.

The hostile cases are the ones issue 11 found, built without keeping gigabytes on disk:
zip bombs are deflate streams of one compressed block repeated (after a full flush a
block compresses identically), the 1 GB one-line file is sparse or streamed through a
pipe, and nothing hostile is ever written to the workspace.

Run: ``.venv/bin/python -m benchmarks.bench_hostile [--quick] [--largest]`` (``--quick`` skips
the 300,000-message archive; ``--largest`` adds the largest archive the limits accept, to
see the fixed multiple of memory an import can reach).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.bench_ingest import write_connections, write_messages

TIME_LIMIT_S = 10.0
MEMORY_FACTOR = 2.0
GiB = 1 << 30
MiB = 1 << 20
ROW = b"Ada,Lee,https://www.linkedin.com/in/ada-lee,,Harborview Health,Nurse,05 Nov 2023\n"
HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
WORDS = [
    "thanks", "for", "reaching", "out", "happy", "to", "chat", "about", "the", "role", "next", "week", "would",
    "love", "hear", "more", "your", "team", "and", "how", "you", "got", "started", "in", "product", "management",
    "coffee", "video", "call",
]


# ---------------------------------------------------------------- building inputs


@dataclass
class _Entry:
    """One member of a hand-written zip: its name and its (already compressed) data."""

    name: str
    data: bytes | Callable[[io.BufferedWriter], None]
    compressed_size: int
    size: int
    crc: int
    method: int = zipfile.ZIP_DEFLATED
    claimed_size: int | None = None  # a lying header


def _write_zip(path: Path, entries: list[_Entry]) -> None:
    """A zip written by hand (local headers, data, central directory), so members can share
    one precomputed deflate stream and headers can lie."""
    central = []
    with path.open("wb") as out:
        for entry in entries:
            offset = out.tell()
            name = entry.name.encode()
            size = entry.claimed_size if entry.claimed_size is not None else entry.size
            out.write(struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, entry.method, 0, 0,
                                  entry.crc, entry.compressed_size, size, len(name), 0) + name)
            if callable(entry.data):
                entry.data(out)
            else:
                out.write(entry.data)
            central.append(struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, entry.method, 0, 0, entry.crc,
                                       entry.compressed_size, size, len(name), 0, 0, 0, 0, 0, offset) + name)
        start = out.tell()
        for record in central:
            out.write(record)
        count = min(len(entries), 0xFFFF)
        out.write(struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, count, count, out.tell() - start, start, 0))


def _bomb_stream(total: int, block: bytes) -> tuple[Callable[[io.BufferedWriter], None], int, int]:
    """(writer of a deflate stream expanding to ``total`` bytes of ``block`` repeated,
    its compressed size, its CRC-32): one compressed block written over and over."""
    repeats = total // len(block)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(repeats):
        crc = zlib.crc32(block, crc)

    def write(out: io.BufferedWriter) -> None:
        out.write(first)
        for _ in range(repeats - 1):
            out.write(again)
        out.write(tail)

    return write, len(first) + len(again) * (repeats - 1) + len(tail), crc


def _block(header: bytes, size: int = MiB) -> bytes:
    body = ROW * (size // len(ROW) + 1)
    return (header + body)[:size]


def legit_archive(path: Path, rows: int = 30_000, messages: int = 50_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        write_connections(Path(tmp) / "Connections.csv", rows)
        write_messages(Path(tmp) / "messages.csv", messages)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(Path(tmp) / "Connections.csv", "Connections.csv")
            archive.write(Path(tmp) / "messages.csv", "messages.csv")


def heavy_archive(path: Path, messages: int = 300_000, people: int = 8_000) -> None:
    """30,000 connections and ``messages`` messages of realistic length (a Complete archive)."""
    words = WORDS
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        write_connections(Path(tmp) / "Connections.csv", 30_000)
        start = dt.datetime(2012, 1, 1)
        me = "https://www.linkedin.com/in/me-myself"
        with (Path(tmp) / "messages.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, quoting=csv.QUOTE_ALL)
            writer.writerow(["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                             "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
                             "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"])
            for _ in range(messages):
                who = rng.randrange(people)
                url = f"https://www.linkedin.com/in/person-{who}-a1b2c3"
                when = (start + dt.timedelta(seconds=rng.randrange(440_000_000))).strftime("%Y-%m-%d %H:%M:%S UTC")
                body = " ".join(rng.choice(words) for _ in range(min(int(rng.lognormvariate(3.3, 1.0)) + 1, 1500)))
                mine = rng.random() < 0.5
                writer.writerow([f"2-{who}abcdefghij==", "", "Me Myself" if mine else f"Person {who}",
                                 me if mine else url, f"Person {who}" if mine else "Me Myself",
                                 url if mine else me, when, "", body, "INBOX", "", "No", "No"])
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(Path(tmp) / "Connections.csv", "Connections.csv")
            archive.write(Path(tmp) / "messages.csv", "messages.csv")


def zip_bomb(path: Path, names: list[str], size: int = GiB, claimed: int | None = None) -> None:
    write, compressed, crc = _bomb_stream(size, _block(HEADER))
    _write_zip(path, [_Entry(n, write, compressed, size, crc, claimed_size=claimed) for n in names])


def budget_bomb(path: Path, members: int = 40, size: int = 60 * MiB) -> None:
    """Many endorsement files, each under its own limit, together far over the archive's."""
    head = b"Skill Name,Endorser First Name,Endorser Last Name\n"
    write, compressed, crc = _bomb_stream(size, _block(head))
    connections = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = HEADER + ROW
    data = connections.compress(body) + connections.flush()
    entries = [_Entry("Connections.csv", data, len(data), len(body), zlib.crc32(body))]
    entries += [_Entry(f"part{i}/Endorsement_Received_Info.csv", write, compressed, size, crc) for i in range(members)]
    _write_zip(path, entries)


def many_members(path: Path, count: int = 60_000) -> None:
    entries = [_Entry("Connections.csv", HEADER + ROW, len(HEADER + ROW), len(HEADER + ROW), zlib.crc32(HEADER + ROW),
                      method=zipfile.ZIP_STORED)]
    entries += [_Entry(f"junk/{i}.txt", b"", 0, 0, 0, method=zipfile.ZIP_STORED) for i in range(count)]
    _write_zip(path, entries)


def nested_zip(path: Path, depth: int = 600) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Connections.csv", HEADER + ROW)
    data = buffer.getvalue()
    for level in range(depth):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr(f"level{level}.zip", data)
        data = buffer.getvalue()
    path.write_bytes(data)


def wide_header(path: Path, columns: int = 1_000_000, rows: int = 2_000) -> None:
    with path.open("wb") as out:
        out.write(b"First Name,Last Name,Connected On," + b",".join(b"c%d" % i for i in range(columns)) + b"\n")
        for _ in range(rows):
            out.write(b"Ada,Lee,05 Nov 2023\n")


def sparse_one_line(path: Path, size: int = GiB) -> None:
    with path.open("wb") as out:
        out.write(b"a" * 4096)
        out.truncate(size)


def big_connections(path: Path, size: int = 200 * MiB) -> None:
    block = ROW * (MiB // len(ROW))
    with path.open("wb") as out:
        out.write(HEADER)
        written = len(HEADER)
        while written < size:
            out.write(block)
            written += len(block)


# ---------------------------------------------------------------- running a case


@dataclass
class Result:
    name: str
    code: int
    seconds: float
    peak_mib: float
    message: str
    notes: list[str] = field(default_factory=list)


#: The child: the CLI, then its own peak resident memory (VmHWM, in KiB) written to argv[1].
#: (ru_maxrss would include the benchmark's own size at the fork.)
_CHILD = """
import atexit, sys
peak_file = sys.argv.pop(1)
def report():
    with open("/proc/self/status") as status:
        hwm = next(line for line in status if line.startswith("VmHWM"))
    with open(peak_file, "w") as out:
        out.write(hwm.split()[1])
atexit.register(report)
from netanalytics.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_import(name: str, source: str, workspace: Path, *, feed: Callable[[int], None] | None = None) -> Result:
    """``netanalytics import source`` in a child; ``feed(fd)`` writes into a pipe whose read
    end the child gets as ``source`` (``/dev/fd/N``), like ``import <(cat file)``."""
    read_end = write_end = None
    pass_fds: tuple[int, ...] = ()
    if feed is not None:
        read_end, write_end = os.pipe()
        pass_fds = (read_end,)
        source = f"/dev/fd/{read_end}"
    peak_file = workspace.with_name(workspace.name + ".peak")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(peak_file), "--workspace", str(workspace), "import", source],
            stdout=out, stderr=err, pass_fds=pass_fds,
        )
        feeder = None
        if feed is not None:
            os.close(read_end)
            feeder = threading.Thread(target=feed, args=(write_end,), daemon=True)
            feeder.start()
        _, status, _ = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if feeder is not None:
            feeder.join(timeout=5)
        err.seek(0)
        out.seek(0)
        text = (err.read() or out.read()).decode("utf-8", "replace").strip()
    peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else float("nan")
    return Result(name, child.returncode, seconds, peak, text.splitlines()[-1] if text else "")


def _feeder(data_block: bytes, total: int, head: bytes = b"") -> Callable[[int], None]:
    def feed(fd: int) -> None:
        sent = 0
        try:
            if head:
                os.write(fd, head)
            while sent < total:
                sent += os.write(fd, data_block)
        except OSError:
            pass  # the reader refused and closed the pipe
        finally:
            os.close(fd)

    return feed


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 300,000-message archive")
    parser.add_argument("--largest", action="store_true",
                        help="also import the largest archive the limits accept (1.2 million messages, "
                        "just under the 512 MiB messages.csv limit; several minutes)")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    tmp = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    try:
        return _run(tmp, quick=args.quick, largest=args.largest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _run(tmp: Path, *, quick: bool, largest: bool = False) -> int:
    counter = iter(range(1000))

    def ws() -> Path:
        return tmp / f"ws{next(counter)}"

    print("Building the inputs ...", flush=True)
    legit = tmp / "Basic_LinkedInDataExport.zip"
    legit_archive(legit)
    baseline = run_import("legitimate: 30,000 connections + 50,000 messages (zip)", str(legit), ws())
    results = [baseline]
    if not quick:
        heavy = tmp / "Complete_LinkedInDataExport.zip"
        heavy_archive(heavy)
        results.append(run_import("legitimate, heavy: 30,000 connections + 300,000 messages", str(heavy), ws()))
        heavy.unlink()
    if largest:
        biggest = tmp / "Largest_LinkedInDataExport.zip"
        heavy_archive(biggest, messages=1_200_000)
        results.append(run_import("largest accepted: 30,000 connections + 1,200,000 messages", str(biggest), ws()))
        biggest.unlink()

    hostile: list[tuple[str, Callable[[], Result]]] = []

    def case(name: str, build: Callable[[Path], None] | None, filename: str, *, source: str | None = None,
             feed: Callable[[int], None] | None = None) -> None:
        path = tmp / filename

        def go() -> Result:
            if build is not None:
                build(path)
            try:
                return run_import(name, source or str(path), ws(), feed=feed)
            finally:
                if path.is_file() or path.is_fifo():
                    path.unlink()

        hostile.append((name, go))

    case("zip bomb: Connections.csv expands to 1 GiB", lambda p: zip_bomb(p, ["Connections.csv"]), "bomb.zip")
    case("zip bomb lying: claims 1,000 bytes, expands to 1 GiB",
         lambda p: zip_bomb(p, ["Connections.csv"], claimed=1000), "liar.zip")
    case("many bomb members: 8 export files of 1 GiB each",
         lambda p: zip_bomb(p, ["Connections.csv", "messages.csv", "Invitations.csv", "Profile.csv", "Positions.csv",
                                "Education.csv", "Endorsement_Received_Info.csv", "Recommendations_Received.csv"]),
         "bombs.zip")
    case("many members under their limits: 40 x 60 MiB endorsement files", budget_bomb, "budget.zip")
    case("60,000 members", many_members, "members.zip")
    case("zip nested 600 deep", nested_zip, "deep.zip")
    case("1,000,000-column header, 2,000 rows", wide_header, "wide.csv")
    case("1 GB one-line file (sparse)", sparse_one_line, "oneline.csv")
    case("1 GB one-line file through a pipe", None, "pipe-oneline",
         feed=_feeder(b"a" * MiB, GiB))
    case("/dev/zero", None, "zero", source="/dev/zero")
    case("FIFO with no writer", lambda p: os.mkfifo(p), "fifo.csv")
    case("200 MB Connections.csv", big_connections, "Connections.csv")
    case("200 MB Connections.csv through a pipe", None, "pipe-connections",
         feed=_feeder(ROW * (MiB // len(ROW)), 200 * MiB, head=HEADER))

    for name, go in hostile:
        print(f"  {name} ...", flush=True)
        results.append(go())

    limit_mib = baseline.peak_mib * MEMORY_FACTOR
    print()
    print(f"{'case':<62} {'exit':>4} {'time s':>7} {'peak MiB':>9} {'t/10s':>6} {'mem/legit':>9}  verdict")
    failures = 0
    for r in results:
        legit_case = r.name.startswith(("legitimate", "largest"))
        ok = r.code == 0 if legit_case else (r.code == 2 and r.seconds <= TIME_LIMIT_S and r.peak_mib <= limit_mib)
        failures += not ok
        print(f"{r.name:<62} {r.code:>4} {r.seconds:>7.2f} {r.peak_mib:>9.1f} {r.seconds / TIME_LIMIT_S:>6.2f} "
              f"{r.peak_mib / baseline.peak_mib:>9.2f}  {'ok' if ok else 'FAIL'}")
    print()
    print(f"Hostile cases must exit 2 within {TIME_LIMIT_S:g} s and {limit_mib:.0f} MiB "
          f"({MEMORY_FACTOR:g} x the legitimate import's {baseline.peak_mib:.0f} MiB). Messages:")
    for r in results[1:]:
        print(f"  {r.name}: {r.message[:230]}")
    print(f"\n{len(results) - failures} of {len(results)} cases as required.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
