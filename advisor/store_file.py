"""What the session store checks about its file before SQLite may change it.

SQLite answers most questions itself (``application_id``, ``user_version``, ``PRAGMA quick_check``), and the
store asks them on a read-only connection, which never checkpoints, so a refused file stays byte for byte as
it was. Two things SQLite does not say: a file too short to be a database is silently treated as an empty
one, and a damaged frame in the write-ahead log silently ends the log there, dropping every transaction
after it (and a checkpoint then makes the loss permanent). Both are read here from the files' documented
formats (https://www.sqlite.org/fileformat2.html, sections 1.3 and 4).
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID = 0x45414456
"""``PRAGMA application_id`` of an estate-advisor session database ("EADV")."""

WAL_HEADER_SIZE = 32
WAL_FRAME_HEADER_SIZE = 24
WAL_MAGIC = (0x377F0682, 0x377F0683)
"""The WAL magic numbers: the low bit says the checksums' byte order (0 little-endian, 1 big-endian)."""


def header_problem(path: Path) -> str | None:
    """Why the database file's first 100 bytes are not those of an SQLite database of ours, or None."""
    with path.open("rb") as stream:
        header = stream.read(100)
    if len(header) < 100:
        return f"is {len(header)} bytes long, too short to be a session database"
    if not header.startswith(SQLITE_HEADER):
        return "is not an SQLite database"
    (application_id,) = struct.unpack(">I", header[68:72])
    if application_id not in (0, APPLICATION_ID):
        # 0: a database from before application ids were set, or not yet migrated; the tables decide.
        return f"is an SQLite database of another application (application id {application_id:#x})"
    return None


def wal_problem(wal: Path) -> str | None:
    """Why the write-ahead log ``wal`` would lose committed transactions if SQLite read it, or None.

    A frame of the current log (its salts match the header's) whose checksum fails, followed by a later
    commit frame of the same log, means SQLite would stop at the damage and drop that commit. A log cut short
    (a partial last frame) or ending in frames of an unfinished transaction is normal after a crash: those
    transactions never committed.
    """
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return None
    if len(data) < WAL_HEADER_SIZE:
        return None
    magic, _version, page_size, _sequence, salt1, salt2 = struct.unpack(">6I", data[:24])
    if magic not in WAL_MAGIC or page_size < 512 or page_size & (page_size - 1):
        return "its write-ahead log has a damaged header"
    order = ">" if magic & 1 else "<"
    sums = _checksum(data[:24], order, (0, 0))
    if sums != struct.unpack(">2I", data[24:32]):
        if len(data) >= WAL_HEADER_SIZE + WAL_FRAME_HEADER_SIZE + page_size:
            return "its write-ahead log has a damaged header (its transactions would be dropped)"
        return None
    frame_size = WAL_FRAME_HEADER_SIZE + page_size
    offset = WAL_HEADER_SIZE
    damaged_at: int | None = None
    frame = 0
    while offset + frame_size <= len(data):
        head = data[offset : offset + WAL_FRAME_HEADER_SIZE]
        _page, commit_size, frame_salt1, frame_salt2, sum1, sum2 = struct.unpack(">6I", head)
        current = (frame_salt1, frame_salt2) == (salt1, salt2)
        if damaged_at is None:
            sums = _checksum(head[:8] + data[offset + WAL_FRAME_HEADER_SIZE : offset + frame_size], order, sums)
            if not current or sums != (sum1, sum2):
                damaged_at = frame
        elif current and commit_size:
            return f"its write-ahead log is damaged at frame {damaged_at + 1} (later transactions would be dropped)"
        offset += frame_size
        frame += 1
    return None


def _checksum(data: bytes, order: str, seed: tuple[int, int]) -> tuple[int, int]:
    """SQLite's WAL checksum (fileformat2 section 4.3), continued from ``seed``."""
    s0, s1 = seed
    for first, second in struct.iter_unpack(f"{order}2I", data):
        s0 = (s0 + first + s1) & 0xFFFFFFFF
        s1 = (s1 + second + s0) & 0xFFFFFFFF
    return s0, s1


def identity(path: Path) -> tuple[int, int] | None:
    """The file's (device, inode): it changes when the file is replaced; None when it is gone."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    return status.st_dev, status.st_ino
