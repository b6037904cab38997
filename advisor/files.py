"""Safe output files: every file we write is owner-only, complete or absent, and never lands on a file it must not.

``write_output`` is the one way the product writes a file the user asked for (reports, exports, transcripts,
batch results). It writes the file in the target's folder unnamed (or, where the system has no unnamed files,
under a temporary name) and names it once complete, so a reader never sees half a file and a crash leaves the
old file (and, unnamed, nothing else); it creates the file ``0600`` whatever the umask; it refuses to
replace an existing file unless ``force=True``, to write through a symbolic link, to write outside ``folder``
when one is given (a link planted in an output folder), and to write onto one of ``inputs`` (even with force).
Every refusal is a ``FileWriteError`` with a one-line message naming the path and what to do.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from advisor.calculators.money import InputError

OWNER_ONLY = 0o600


class FileWriteError(InputError):
    """An output that was not written; the message names the file, the reason and what to do."""


def is_within(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every symbolic link resolved, lies inside ``folder`` (resolved the same way)."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


def output_folder(folder: Path) -> Path:
    """Create an output folder (owner-only when new) and return it; a file in its place is refused."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except FileExistsError:
        raise FileWriteError(f"{folder}: exists and is not a folder; choose another output folder") from None
    except OSError as error:
        raise FileWriteError(f"{folder}: cannot create the output folder ({error.strerror or error})") from None
    return folder


def write_output(
    path: Path,
    data: str | bytes,
    *,
    force: bool = False,
    folder: Path | None = None,
    inputs: Iterable[Path] = (),
    durable: bool = True,
) -> None:
    """Write ``data`` (text is UTF-8) to ``path`` atomically and owner-only, after the checks above."""
    with output_stream(path, force=force, folder=folder, inputs=inputs, durable=durable) as stream:
        stream.write(data.encode("utf-8") if isinstance(data, str) else data)


@contextmanager
def output_stream(
    path: Path,
    *,
    force: bool = False,
    folder: Path | None = None,
    inputs: Iterable[Path] = (),
    durable: bool = True,
) -> Iterator[BinaryIO]:
    """Write ``path`` piece by piece (a summary of a long batch, without holding it in memory), with the
    guarantees of :func:`write_output`: the file appears complete when the block ends, or not at all.

    ``durable=False`` leaves out the flush to the disk (fsync) before the file is put in place: for
    outputs that are cheap to make again, such as a batch's reports, where one fsync per file cost more
    than screening it. The file still appears whole or not at all if the program stops; after a power
    failure the last of them may be lost."""
    existing = _check_target(path, force=force, folder=folder, inputs=inputs)
    try:
        unnamed = None if existing else _unnamed_file(path.parent)
        if unnamed is None:
            with _named_temporary(path, replace=existing, durable=durable) as stream:
                yield stream
        else:
            with os.fdopen(unnamed, "w+b") as stream:
                yield stream
                _flush(stream, durable)
                _name_unnamed(stream, path)
    except FileExistsError:
        raise FileWriteError(f"{path}: already exists; add --force to replace it") from None
    except OSError as error:
        raise FileWriteError(f"{path}: cannot write the output ({error.strerror or error})") from None


def _unnamed_file(folder: Path) -> int | None:
    """A new file with no name yet in ``folder`` (Linux's O_TMPFILE), owner-only; None where the system or the
    file system has none. It gets its name once complete, so a crash leaves nothing behind, and making it
    changes nothing in the folder: a batch's workers, all writing into one folder, wait on each other's
    temporary names otherwise (a third of the cost of writing a report)."""
    if not _NAMES_UNNAMED_FILES:
        return None
    try:
        handle = os.open(folder, os.O_TMPFILE | os.O_RDWR, OWNER_ONLY)
    except OSError as error:
        if error.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            return None
        raise
    os.fchmod(handle, OWNER_ONLY)
    return handle


_NAMES_UNNAMED_FILES = hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd")
"""An unnamed file is named by linking its /proc/self/fd entry (the way open(2) gives for O_TMPFILE)."""


def _name_unnamed(stream: BinaryIO, path: Path) -> None:
    """Give a finished unnamed file the name ``path``, which must not exist yet (FileExistsError if it does); on
    a file system without hard links, create the name exclusively and copy into it."""
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{stream.fileno()}", path.name, dst_dir_fd=folder, follow_symlinks=True)
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV):
            raise
        stream.seek(0)
        _copy_to_new(stream, path)
    finally:
        os.close(folder)


@contextmanager
def _named_temporary(path: Path, *, replace: bool, durable: bool) -> Iterator[BinaryIO]:
    """A temporary file beside ``path``, renamed over it (``replace``) or given its name once complete."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as stream:
            os.fchmod(stream.fileno(), OWNER_ONLY)
            yield stream
            _flush(stream, durable)
        if replace:
            os.replace(temporary, path)
        else:
            place_new(Path(temporary), path)
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def _flush(stream: BinaryIO, durable: bool) -> None:
    if durable:
        stream.flush()
        os.fsync(stream.fileno())


def _check_target(path: Path, *, force: bool, folder: Path | None, inputs: Iterable[Path]) -> bool:
    """Refuse a target that is a link, a folder, outside ``folder`` or one of ``inputs``; True if it exists."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise FileWriteError(f"{path}: cannot write the output ({error.strerror or error})") from None
    if status is not None and stat.S_ISLNK(status.st_mode):
        raise FileWriteError(f"{path}: is a symbolic link, never written through; remove it or choose another name")
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise FileWriteError(f"{path}: exists and is not a regular file; choose another name")
    if folder is not None and path.parent != folder and not is_within(path.parent, folder):
        raise FileWriteError(f"{path}: leads outside the output folder {folder} (through a symbolic link); not written")
    if status is not None:
        for source in inputs:
            try:
                same = os.path.samefile(source, path)
            except OSError:
                same = False
            if same:
                raise FileWriteError(f"{path}: is one of the input files; choose another output name")
        if not force:
            raise FileWriteError(f"{path}: already exists; add --force to replace it")
    return status is not None


def place_new(temporary: Path, path: Path) -> None:
    """Give a finished file a name that must not exist yet (FileExistsError if it does), with no window in
    which the name could appear in between: a hard link fails if the name is taken. The temporary name
    is left for the caller to remove."""
    try:
        os.link(temporary, path)
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV):
            raise
        with temporary.open("rb") as source:
            _copy_to_new(source, path)


def _copy_to_new(source: BinaryIO, path: Path) -> None:
    """For a file system without hard links: create the name exclusively (never over a file, never through a
    link) and copy into it; a reader may see it before it is complete."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, OWNER_ONLY)
    with os.fdopen(handle, "wb") as target:
        shutil.copyfileobj(source, target)
        target.flush()
        os.fsync(target.fileno())
