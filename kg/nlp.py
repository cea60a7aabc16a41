"""Loading the Japanese pipeline.

GiNZA (``ja_ginza``) is loaded once per process; :mod:`kg.extract` feeds texts
through ``nlp.pipe`` in batches of :data:`BATCH_SIZE`. Several processes
(``--jobs N``) are handled by :mod:`kg.pipeline`, each worker loading its own model.
"""

from __future__ import annotations

import functools
import logging

from kg.errors import ModelNotInstalledError

__all__ = ["DEFAULT_MODEL", "BATCH_SIZE", "load_pipeline"]

log = logging.getLogger(__name__)

DEFAULT_MODEL = "ja_ginza"
#: chunks per ``nlp.pipe`` batch: GiNZA's parser gains little beyond this on CPU.
BATCH_SIZE = 16

_PACKAGES = {"ja_ginza": "ja-ginza", "ja_ginza_electra": "ja-ginza-electra"}


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL):
    """Load a spaCy pipeline by package name (cached per process).

    Raises
    ------
    ModelNotInstalledError
        With the command that installs the model.
    """
    try:
        import spacy

        return spacy.load(model)
    except (OSError, ImportError) as e:
        raise ModelNotInstalledError.make(
            "E201", model=model, package=_PACKAGES.get(model, model.replace("_", "-"))
        ) from e

