"""The on-disk Oxigraph store a build keeps beside its ``graph.trig``.

``kg build`` calls :func:`persist` in its staging folder, so every later
``kg query``/``kg serve``/``kg export`` opens ``OUT/store/`` instead of
parsing the TriG again. :func:`open_store` rebuilds the store when
``graph.trig`` changed since (a stamp file records its size and mtime).
Only paths under the build folder are used, so the folder can be moved or
swapped in atomically.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import KGError, QueryError

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["STORE_DIR", "STAMP", "persist", "open_store", "store_path", "trig_path", "is_fresh"]

log = logging.getLogger(__name__)

#: sub-folder of a build folder that holds the Oxigraph store.
STORE_DIR = "store"
#: file inside the store folder recording which graph.trig it was loaded from.
STAMP = "kizuna-source.json"


def trig_path(out_dir: Path) -> Path:
    """``out_dir/graph.trig``, or an error that says to build first.

    Raises
    ------
    KGError
        ``E303`` when there is no ``graph.trig``.
    """
    p = Path(out_dir) / "graph.trig"
    if not p.is_file():
        raise KGError.make("E303", path=str(out_dir))
    return p


def store_path(out_dir: Path) -> Path:
    """Where the store of a build folder lives (``out_dir/store``).

    >>> store_path(Path("build")).as_posix()
    'build/store'
    """
    return Path(out_dir) / STORE_DIR


def _stamp_of(trig: Path) -> dict[str, int]:
    st = trig.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def is_fresh(out_dir: Path) -> bool:
    """Whether ``out_dir/store`` was loaded from the current ``graph.trig``."""
    stamp = store_path(out_dir) / STAMP
    trig = Path(out_dir) / "graph.trig"
    if not stamp.is_file() or not trig.is_file():
        return False
    try:
        return json.loads(stamp.read_text(encoding="utf-8")) == _stamp_of(trig)
    except (OSError, ValueError):
        return False


def persist(trig_path: Path, out_dir: Path) -> Path:
    """Load ``trig_path`` into a fresh on-disk Oxigraph store at ``out_dir/store``.

    Parameters
    ----------
    trig_path : Path
        The TriG file (normally ``out_dir/graph.trig``).
    out_dir : Path
        The build folder; any old ``out_dir/store`` is replaced.

    Returns
    -------
    Path
        The store folder.

    Raises
    ------
    QueryError
        ``E501`` when the TriG does not parse.
    """
    import pyoxigraph as ox

    trig_path = Path(trig_path)
    target = store_path(out_dir)
    tmp = target.with_name(STORE_DIR + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    store = ox.Store(str(tmp))
    try:
        store.bulk_load(path=str(trig_path), format=ox.RdfFormat.TRIG)
        store.flush()
    except SyntaxError as e:
        del store
        shutil.rmtree(tmp, ignore_errors=True)
        msg = " ".join(str(e).split())
        raise QueryError.make(
            "E501", detail=f"{trig_path} is not valid TriG ({msg}); expected the graph.trig of `kg build`. Rebuild it"
        ) from e
    del store  # closes RocksDB before the folder is moved
    (tmp / STAMP).write_text(json.dumps(_stamp_of(trig_path)), encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    log.info("persisted %s into %s", trig_path, target)
    return target


def open_store(out_dir: Path, *, read_only: bool = True) -> pyoxigraph.Store:
    """Open the store of a build folder, (re)building it when ``graph.trig`` is newer.

    Parameters
    ----------
    out_dir : Path
        A build folder holding ``graph.trig``.
    read_only : bool
        Open with ``Store.read_only`` (several readers may share it).

    Returns
    -------
    pyoxigraph.Store

    Raises
    ------
    KGError
        ``E303`` when ``out_dir`` has no ``graph.trig``.
    """
    import pyoxigraph as ox

    trig = trig_path(out_dir)
    if not is_fresh(out_dir):
        log.info("store of %s missing or older than graph.trig: rebuilding", out_dir)
        persist(trig, out_dir)
    path = str(store_path(out_dir))
    return ox.Store.read_only(path) if read_only else ox.Store(path)
