"""Ingest: files and folders of articles -> :class:`~kg.types.SourceDoc` records.

:func:`read_sources` is the entry point the pipeline calls. It accepts
files and folders; a folder is read recursively in sorted order (by the path
relative to it, with ``/``), skipping hidden files and folders and files named
``README*`` (notes about the folder, not articles). Supported kinds:

* ``.txt``, ``.md``: optional YAML front matter (``title``, ``url``,
  ``published``, ``lang``, ``outlet``), then the text;
* ``.html``, ``.htm``: main text and metadata through trafilatura;
* ``.jsonl``: one article a line (``id``, ``text``, optional ``title``,
  ``url``, ``published``, ``lang``, ``outlet``).

A file (or JSON Lines record) that cannot be read becomes a
:class:`~kg.types.Skipped` with a coded reason (E101-E106, E108, E109);
only a path that does not exist raises (E107).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.ingest.clean import clean_text
from kg.types import Skipped, SourceDoc

__all__ = ["read_sources", "iter_files", "clean_text", "E109"]

log = logging.getLogger(__name__)

#: a duplicate document id (kept here: kg/errors.py is shared)
E109 = "[E109] {path}: document id {doc_id!r} was already read from {first}; expected unique file names and record ids. Rename one of them"


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str]]:
    """List the files to read, with their document ids, in a stable order.

    Parameters
    ----------
    paths : iterable of str or Path
        Files and folders.

    Yields
    ------
    (Path, str)
        The file and its ``doc_id``: the file name for a file given directly,
        the path relative to the folder (with ``/``) for a file found in one.

    Raises
    ------
    InputError
        ``E107`` when a path does not exist (all paths are checked first).
    """
    given = [Path(p) for p in paths]
    for p in given:
        if not p.exists():
            raise InputError.make("E107", path=str(p))
    done: set[Path] = set()
    for p in given:
        if p.is_file():
            found = [(p.name, p)]
        else:
            found = sorted((f.relative_to(p).as_posix(), f) for f in p.rglob("*") if f.is_file())
        for rel, f in found:
            if f is not p and _hidden(Path(rel)):
                continue
            if f is not p and f.name.upper().startswith("README"):
                log.info("%s: skipped (a README describes the folder; it is not an article)", f)
                continue
            if f.resolve() in done:
                log.info("%s: given twice; read once", f)
                continue
            done.add(f.resolve())
            yield f, rel


def read_sources(paths: Iterable[str | Path]) -> Iterator[SourceDoc | Skipped]:
    """Read articles from files and folders.

    Parameters
    ----------
    paths : iterable of str or Path
        Files (``.txt``, ``.md``, ``.html``, ``.htm``, ``.jsonl``) and
        folders of them.

    Yields
    ------
    SourceDoc or Skipped
        In a deterministic order: the paths as given, each folder sorted.
        ``SourceDoc.text`` is the cleaned text (the NIF context);
        ``Skipped.reason`` says what was wrong and what to do.

    Raises
    ------
    InputError
        ``E107`` when a path does not exist (checked before it is read).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("---\\npublished: 2024-05-16\\n---\\n日中首脳が会談\\n\\n両首脳は北京で会談した。", encoding="utf-8")
    >>> _ = (d / "b.txt").write_bytes(b"")
    >>> [(type(r).__name__, getattr(r, "published", None)) for r in read_sources([d])]
    [('SourceDoc', '2024-05-16'), ('Skipped', None)]
    """
    from kg.ingest.readers import read_file

    files = iter_files(paths)
    seen: dict[str, str] = {}
    for path, doc_id in files:
        for rec in read_file(path, doc_id):
            if isinstance(rec, SourceDoc):
                first = seen.setdefault(rec.doc_id, rec.path)
                if first != rec.path:
                    yield Skipped(
                        path=rec.path, reason=E109.format(path=rec.path, doc_id=rec.doc_id, first=first)
                    )
                    continue
                log.debug(
                    "%s: read %s (%d chars, %d removed)",
                    rec.path,
                    rec.doc_id,
                    len(rec.text),
                    len(rec.removed),
                )
            else:
                log.info("skipped %s", rec.reason)
            yield rec
