"""Family 3 of issue 11: resource exhaustion. Reading is streamed and bounded.

Each hostile input is refused at once with exit 2 and a message saying which limit was
hit, and nothing is written. The limits are :data:`netanalytics.bounds.SIZES`; tests that
would need gigabytes shrink them with ``small_limits`` (the mechanism is the same), and
``benchmarks/bench_hostile.py`` runs the full-size cases and measures time and memory.
"""

from __future__ import annotations

import io
import os
import socket
import struct
import threading
import time
import zipfile
from pathlib import Path

import pytest
from hostile_helpers import cli, fingerprint, refused
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netanalytics import bounds
from netanalytics.errors import InputError
from netanalytics.ingest import read_source

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
ROW = "Ada,Lee,https://www.linkedin.com/in/ada-{i},,Harborview Health,Nurse,05 Nov 2023\n"


def connections(rows: int = 3) -> str:
    return HEADER + "".join(ROW.format(i=i) for i in range(rows))


@pytest.fixture
def small_limits(monkeypatch):
    """Limits small enough to hit with kilobytes, and a short pipe wait."""
    sizes = bounds.Sizes(
        file_bytes=64 * 1024, messages_bytes=128 * 1024, vcard_bytes=64 * 1024, inner_zip_bytes=64 * 1024,
        archive_bytes=160 * 1024, archive_members=40, folder_files=40, archive_depth=3, contact_rows=200,
        rows=400, columns=50, field_chars=4096, line_chars=16384, cards=50, pipe_wait_seconds=0.5,
    )
    monkeypatch.setattr(bounds, "SIZES", sizes)
    return sizes


def import_refused(tmp_path: Path, path: Path | str, *words: str) -> str:
    ws = tmp_path / "ws"
    started = time.monotonic()
    code, _, err = cli("--workspace", str(ws), "import", str(path))
    assert refused(code, err, *words), err
    assert time.monotonic() - started < 10
    assert fingerprint(ws) == "absent"
    return err


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# ---------------------------------------------------------------- zip bombs and zip shapes


def test_a_zip_bomb_is_refused_by_the_size_it_claims(tmp_path):
    # The example at full size: a member claiming 1 GiB (written without 1 GiB).
    path = tmp_path / "bomb.zip"
    data = zip_bytes({"Connections.csv": connections().encode()})
    path.write_bytes(_patch_sizes(data, "Connections.csv", claimed=1 << 30))
    import_refused(tmp_path, path, "Connections.csv", "1,073,741,824", "64 MiB")


def test_a_zip_bomb_lying_about_its_size_is_refused_by_what_it_expands_to(tmp_path, small_limits):
    big = (HEADER + "x" * 200_000 + "\n").encode()
    path = tmp_path / "liar.zip"
    path.write_bytes(_patch_sizes(zip_bytes({"Connections.csv": big}), "Connections.csv", claimed=1000))
    err = import_refused(tmp_path, path, "Connections.csv")
    assert "damaged" in err or "more than" in err


def test_many_bomb_members_are_refused_at_the_first(tmp_path, small_limits):
    zeros = b"\0" * (small_limits.file_bytes + 1)
    members = {"Connections.csv": connections().encode(), "Invitations.csv": zeros, "Profile.csv": zeros,
               "Positions.csv": zeros, "messages.csv": b"\0" * (small_limits.messages_bytes + 1)}
    path = tmp_path / "bombs.zip"
    path.write_bytes(zip_bytes(members))
    import_refused(tmp_path, path, "more than")


def test_expanded_bytes_of_the_whole_archive_are_capped(tmp_path, small_limits):
    # Each member under its own limit; together over the archive's.
    body = connections(20).encode()
    big = (
        "CONVERSATION ID,FROM,TO,DATE,CONTENT\n" + "c1,Ada,Bo,2024-01-01 10:00:00 UTC," + "y" * 3000 + "\n"
    ) * 40
    members = {"Connections.csv": body, "messages.csv": big.encode()[: small_limits.messages_bytes - 10]}
    members["Invitations.csv"] = ("From,To,Sent At\n" + "Ada,Bo,2024-01-01\n" * 3000).encode()[:60_000]
    path = tmp_path / "heavy.zip"
    path.write_bytes(zip_bytes(members))
    import_refused(tmp_path, path, "archive", "160 KiB")


def test_too_many_members_are_refused_before_the_directory_is_read(tmp_path, small_limits):
    members = {"Connections.csv": connections().encode()} | {f"junk/{i}.txt": b"x" for i in range(60)}
    path = tmp_path / "many.zip"
    path.write_bytes(zip_bytes(members))
    err = import_refused(tmp_path, path, "61", "40")
    assert "corrupt" not in err


def test_a_zip_nested_600_deep_is_refused_without_recursion(tmp_path):
    data = zip_bytes({"Connections.csv": connections().encode()})
    for level in range(600):
        data = zip_bytes({f"level{level}.zip": data}, zipfile.ZIP_STORED)
    path = tmp_path / "deep.zip"
    path.write_bytes(data)
    import_refused(tmp_path, path, "nested", "3")


def test_a_zip_nested_within_the_limit_is_read(tmp_path):
    data = zip_bytes({"Connections.csv": connections().encode()})
    for level in range(2):
        data = zip_bytes({f"level{level}.zip": data})
    path = tmp_path / "twice.zip"
    path.write_bytes(data)
    assert len(read_source(path).connections) == 3


@st.composite
def zip_shapes(draw):
    depth = draw(st.integers(0, 5))
    names = draw(st.lists(st.sampled_from(
        ["Connections.csv", "messages.csv", "Profile.csv", "Invitations.csv", "notes.txt", "Jobs/x.csv"]
    ), max_size=6))
    extra = draw(st.integers(0, 60))
    sizes = draw(st.lists(st.integers(0, 200_000), min_size=len(names), max_size=len(names)))
    return depth, names, extra, sizes


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(zip_shapes())
def test_any_zip_shape_is_read_or_refused_with_the_limit_named(tmp_path, small_limits, shape):
    depth, names, extra, sizes = shape
    members: dict[str, bytes] = {"Connections.csv": connections().encode()}
    for name, size in zip(names, sizes, strict=True):
        members[name] = (HEADER if name == "Connections.csv" else "a,b\n").encode() + b"z" * size
    members |= {f"extra/{i}.txt": b"x" for i in range(extra)}
    data = zip_bytes(members)
    for level in range(depth):
        data = zip_bytes({f"level{level}.zip": data})
    path = tmp_path / "shape.zip"
    path.write_bytes(data)
    try:
        read_source(path)
    except InputError as exc:
        message = str(exc)
        assert any(word in message for word in ("more than", "nested", "expected", "at most")), message
    else:
        assert depth <= small_limits.archive_depth - 1
        assert len(members) <= small_limits.archive_members


# ---------------------------------------------------------------- CSV shapes


def test_a_million_column_header_is_refused(tmp_path):
    path = tmp_path / "wide.csv"
    header = ",".join(f"c{i}" for i in range(1_000_000))
    with path.open("w") as fh:
        fh.write("First Name,Last Name,Connected On," + header + "\n")
        for _ in range(2000):
            fh.write("Ada,Lee,05 Nov 2023\n")
    import_refused(tmp_path, path, "columns", "1,000")


def test_a_row_with_too_many_columns_is_refused_naming_its_line(tmp_path, small_limits):
    path = tmp_path / "Connections.csv"
    path.write_text(connections(2) + "," * 100 + "\n")
    import_refused(tmp_path, path, "line 4", "columns")


def test_a_huge_one_line_file_is_refused_by_its_size_without_reading_it(tmp_path):
    path = tmp_path / "oneline.csv"
    with path.open("wb") as fh:
        fh.write(HEADER.encode())
        fh.truncate(1 << 30)  # sparse: a gigabyte on paper, nothing on disk
    import_refused(tmp_path, path, "1,073,741,824", "64 MiB")


def test_a_200_mb_connections_csv_is_refused_by_its_size(tmp_path):
    path = tmp_path / "Connections.csv"
    with path.open("wb") as fh:
        fh.write(connections(1000).encode())
        fh.truncate(200 * 1024 * 1024)
    import_refused(tmp_path, path, "Connections.csv", "64 MiB")


def test_too_many_rows_are_refused_naming_the_limit(tmp_path, small_limits):
    path = tmp_path / "Connections.csv"
    path.write_text(connections(small_limits.contact_rows + 1))
    import_refused(tmp_path, path, "rows", "200")


def test_a_field_longer_than_the_limit_is_refused(tmp_path, small_limits):
    path = tmp_path / "Connections.csv"
    path.write_text(HEADER + 'Ada,"' + "x" * 5000 + '",,,,,05 Nov 2023\n')
    import_refused(tmp_path, path, "field", "4,096")


def test_a_line_longer_than_the_limit_is_refused(tmp_path, small_limits):
    path = tmp_path / "Connections.csv"
    path.write_text(HEADER + "Ada," + "y" * 20_000 + "\n")
    import_refused(tmp_path, path, "line", "16,384")


def test_the_limits_fit_real_exports_many_times_over():
    sizes = bounds.SIZES
    assert sizes.contact_rows >= 10 * 30_000
    assert sizes.rows >= 6 * 300_000
    assert sizes.file_bytes >= 10 * 5_000_000
    assert sizes.messages_bytes >= 3 * 130_000_000


# ---------------------------------------------------------------- only regular files (and pipes)


def test_dev_zero_is_refused_at_once(tmp_path):
    import_refused(tmp_path, "/dev/zero", "/dev/zero", "device")


def test_a_fifo_with_no_writer_is_refused_after_a_short_wait(tmp_path, small_limits):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    started = time.monotonic()
    import_refused(tmp_path, fifo, "pipe", "no program")
    assert time.monotonic() - started < 5


def test_a_pipe_like_process_substitution_is_read(tmp_path):
    # `netanalytics import <(cat Connections.csv)` hands over /dev/fd/N, the read end of a pipe.
    read_end, write_end = os.pipe()
    payload = connections(500).encode()

    def writer() -> None:
        with os.fdopen(write_end, "wb") as out:
            for start in range(0, len(payload), 4096):
                out.write(payload[start : start + 4096])
                time.sleep(0.001)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        code, out, err = cli("--workspace", str(tmp_path / "ws"), "import", f"/dev/fd/{read_end}")
    finally:
        thread.join()
        os.close(read_end)
    assert code == 0, err
    assert "500 people added" in out


def test_a_zip_through_a_pipe_is_read(tmp_path):
    read_end, write_end = os.pipe()
    payload = zip_bytes({"Connections.csv": connections(5).encode()})
    thread = threading.Thread(target=lambda: os.write(write_end, payload) and os.close(write_end))
    thread.start()
    try:
        parsed = read_source(f"/dev/fd/{read_end}")
    finally:
        thread.join()
        os.close(read_end)
    assert parsed.kind == "linkedin_archive" and len(parsed.connections) == 5


def test_an_endless_pipe_is_cut_at_the_limit(tmp_path, small_limits):
    read_end, write_end = os.pipe()
    stop = threading.Event()

    def writer() -> None:
        chunk = connections(50).encode()
        try:
            while not stop.is_set():
                os.write(write_end, chunk)
        except OSError:
            pass
        finally:
            os.close(write_end)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        with pytest.raises(InputError, match="64 KiB"):
            read_source(f"/dev/fd/{read_end}")
    finally:
        stop.set()
        os.close(read_end)
        thread.join()


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    try:
        import_refused(tmp_path, path, "socket")
    finally:
        server.close()


def test_import_log_refuses_a_folder_and_a_device(tmp_path):
    ws = tmp_path / "ws"
    cli("--workspace", str(ws), "import", str(_write(tmp_path / "Connections.csv", connections())))
    before = fingerprint(ws)
    for target, word in ((tmp_path, "folder"), ("/dev/zero", "device")):
        code, _, err = cli("--workspace", str(ws), "import-log", str(target))
        assert refused(code, err, word), err
    assert fingerprint(ws) == before


def test_a_fifo_inside_an_export_folder_is_skipped_not_waited_for(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    _write(folder / "Connections.csv", connections())
    os.mkfifo(folder / "messages.csv")
    started = time.monotonic()
    parsed = read_source(folder)
    assert len(parsed.connections) == 3
    assert time.monotonic() - started < 3


def test_target_and_cadence_toml_files_are_bounded(tmp_path):
    from netanalytics.outreach.cadence import CadenceRules
    from netanalytics.scoring.target import TargetSpec

    with pytest.raises(InputError, match="device"):
        CadenceRules.from_toml("/dev/zero")
    with pytest.raises(InputError, match="device"):
        TargetSpec.from_toml("/dev/zero")


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _patch_sizes(data: bytes, name: str, *, claimed: int) -> bytes:
    """Rewrite a member's uncompressed size in its local header and the central directory."""
    out = bytearray(data)
    encoded = name.encode()
    local = out.find(b"PK\x03\x04" + out[4:4])
    while local != -1:
        if out[local + 30 : local + 30 + len(encoded)] == encoded:
            struct.pack_into("<I", out, local + 22, claimed)
        local = out.find(b"PK\x03\x04", local + 4)
    central = out.find(b"PK\x01\x02")
    while central != -1:
        if out[central + 46 : central + 46 + len(encoded)] == encoded:
            struct.pack_into("<I", out, central + 24, claimed)
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


def test_many_members_each_under_its_limit_are_refused_by_the_archive_budget_while_streaming(tmp_path, small_limits):
    # Twenty endorsement files in twenty folders: each under its own limit, too much together.
    body = ("Skill Name,Endorser First Name,Endorser Last Name\n" + "Python,Ada,Lee\n" * 4000).encode()[:60_000]
    members = {"Connections.csv": connections().encode()}
    members |= {f"part{i}/Endorsement_Received_Info.csv": body for i in range(20)}
    path = tmp_path / "twins.zip"
    path.write_bytes(zip_bytes(members))
    loaded: list[int] = []
    import netanalytics.ingest as ingest

    original = ingest.decode_bytes
    monkey = pytest.MonkeyPatch()
    monkey.setattr(ingest, "decode_bytes", lambda data, where: loaded.append(len(data)) or original(data, where))
    try:
        with pytest.raises(InputError, match="together"):
            read_source(path)
    finally:
        monkey.undo()
    assert loaded == []  # refused before any member was held in memory


def test_the_content_hash_of_an_archive_is_unchanged_by_the_two_passes(tmp_path):
    import hashlib

    members = {"Connections.csv": connections().encode(), "Profile.csv": b"First Name,Last Name,Headline\nSam,Seeker,Analyst\n"}
    path = tmp_path / "a.zip"
    path.write_bytes(zip_bytes(members))
    expected = hashlib.sha256()
    for key, name in (("connections.csv", "Connections.csv"), ("profile.csv", "Profile.csv")):
        data = members[name]
        expected.update(key.encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    assert read_source(path).content_hash == expected.hexdigest()
