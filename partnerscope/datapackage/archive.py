"""Unzip a data package safely: streamed, size-capped, each table found once.

An archive comes from outside and may be damaged, lie about its sizes or hold a table
twice, so nothing here trusts it: entries are copied to disk in small chunks while their
unzipped size is counted (never decompressed whole into memory), an entry that grows past
its limit is abandoned at once, and every problem is raised as a located
:class:`~partnerscope.datapackage.tables.TableError`, never as a traceback.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from partnerscope.datapackage.schema import all_resources
from partnerscope.datapackage.tables import TableError, TableErrors

CHUNK_BYTES = 64 * 1024
DESCRIPTOR = "datapackage.json"
MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How large, unzipped, one table and the whole package may be."""

    table_bytes: int
    package_bytes: int

    @staticmethod
    def describe(size: int) -> str:
        """A size in megabytes as the settings give it: ``20 MB``, ``0.5 MB``."""
        return f"{size / MEGABYTE:g} MB"


def package_files() -> set[str]:
    """The names of the files a package holds: its descriptor and one CSV per table."""
    return {DESCRIPTOR} | {resource.path for resource in all_resources()}


def extract_package(source: str | Path | IO[bytes], folder: str | Path, limits: Limits) -> None:
    """Unzip the package's files from ``source`` into ``folder``, or raise TableErrors.

    The package's files are ``datapackage.json`` and the tables beside it, at the top of the
    archive or in one folder (as a file manager zips a folder); other files are ignored. A
    table found in another folder too is refused rather than guessed between.
    """
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise TableErrors(
            [TableError("archive", 0, "", "the file is not a valid zip archive")]
        ) from None
    with archive:
        chosen = choose_entries(archive.infolist())
        declared = check_declared_sizes(chosen, limits)
        if declared:
            raise TableErrors(declared)
        total = 0
        for info in chosen:
            total = copy_entry(archive, info, Path(folder), limits, total)


def choose_entries(infos: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    """The entries of the package's files, all beside the one ``datapackage.json``."""
    wanted = package_files()
    by_name: dict[str, list[zipfile.ZipInfo]] = {}
    for info in infos:
        path = PurePosixPath(info.filename.replace("\\", "/"))
        if info.is_dir() or path.name not in wanted or "__MACOSX" in path.parts:
            continue
        by_name.setdefault(path.name, []).append(info)
    descriptors = by_name.get(DESCRIPTOR, [])
    if not descriptors:
        raise TableErrors([TableError(DESCRIPTOR, 0, "", "file not found in the archive")])
    if len(descriptors) > 1:
        places = ", ".join(info.filename for info in descriptors)
        raise TableErrors(
            [TableError(DESCRIPTOR, 0, "", f"found more than once ({places}): keep one package")]
        )
    root = PurePosixPath(descriptors[0].filename.replace("\\", "/")).parent
    where = "at the top of the archive" if str(root) == "." else f"in {root}/"
    errors: list[TableError] = []
    chosen: list[zipfile.ZipInfo] = []
    for name, entries in sorted(by_name.items()):
        beside = [e for e in entries if PurePosixPath(e.filename.replace("\\", "/")).parent == root]
        for entry in entries:
            if entry not in beside:
                errors.append(
                    TableError(
                        entry.filename,
                        0,
                        "",
                        f"a table in another folder: each table must appear once, "
                        f"beside {DESCRIPTOR} ({where})",
                    )
                )
        if len(beside) > 1:
            errors.append(TableError(name, 0, "", "appears more than once in the archive"))
        chosen += beside[:1]
    if errors:
        raise TableErrors(errors)
    return chosen


def check_declared_sizes(chosen: list[zipfile.ZipInfo], limits: Limits) -> list[TableError]:
    """Refuse at once what the archive itself says is too large (it may still lie lower)."""
    errors = [
        TableError(
            base_name(info),
            0,
            "",
            f"larger than {Limits.describe(limits.table_bytes)} once unzipped: split the data "
            "or ask the site's operator to raise PARTNERSCOPE_IMPORT_MAX_TABLE_MB",
        )
        for info in chosen
        if info.file_size > limits.table_bytes
    ]
    if not errors and sum(info.file_size for info in chosen) > limits.package_bytes:
        errors.append(package_too_large(limits))
    return errors


def package_too_large(limits: Limits) -> TableError:
    return TableError(
        "archive",
        0,
        "",
        f"the tables are larger than {Limits.describe(limits.package_bytes)} together once "
        "unzipped: ask the site's operator to raise PARTNERSCOPE_IMPORT_MAX_PACKAGE_MB",
    )


def base_name(info: zipfile.ZipInfo) -> str:
    return PurePosixPath(info.filename.replace("\\", "/")).name


def copy_entry(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, folder: Path, limits: Limits, total: int
) -> int:
    """Copy one entry to ``folder`` in chunks, counting as it goes; the new running total."""
    name = base_name(info)
    size = 0
    try:
        with archive.open(info) as source, open(folder / name, "wb") as target:
            while chunk := source.read(CHUNK_BYTES):
                size += len(chunk)
                if size > limits.table_bytes:
                    raise TableErrors(
                        [
                            TableError(
                                name,
                                0,
                                "",
                                f"larger than {Limits.describe(limits.table_bytes)} once "
                                "unzipped: split the data or ask the site's operator to raise "
                                "PARTNERSCOPE_IMPORT_MAX_TABLE_MB",
                            )
                        ]
                    )
                if total + size > limits.package_bytes:
                    raise TableErrors([package_too_large(limits)])
                target.write(chunk)
    except TableErrors:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError) as problem:
        raise TableErrors([damaged(name, problem)]) from None
    except (RuntimeError, NotImplementedError) as problem:
        raise TableErrors(
            [TableError(name, 0, "", f"cannot be unzipped ({problem}): zip it again, unencrypted")]
        ) from None
    return total + size


def damaged(name: str, problem: Any) -> TableError:
    """The entry's bytes do not match what the archive says of them (checksum or size)."""
    return TableError(
        name,
        0,
        "",
        f"damaged in the archive ({problem}): its content does not match its checksum or "
        "size; export or zip the package again",
    )
