"""One exception hierarchy, with coded messages that say what to do.

Every message names what was expected, what came, and the fix. The CLI
turns a :class:`KGError` into a one-line message and a non-zero exit.

>>> str(InputError.make("E101", path="a.txt", detail="empty file"))
'[E101] a.txt: empty file; expected a non-empty text, HTML or JSON Lines file'
"""

from __future__ import annotations

__all__ = [
    "KGError",
    "InputError",
    "ConfigError",
    "ModelNotInstalledError",
    "ExtractionError",
    "OntologyError",
    "QueryError",
    "MESSAGES",
]

#: code -> template. Keep codes stable: users search for them.
MESSAGES = {
    "E101": "{path}: {detail}; expected a non-empty text, HTML or JSON Lines file",
    "E102": "{path}: cannot decode the bytes ({detail}); expected UTF-8, Shift_JIS or EUC-JP text. Convert the file to UTF-8",
    "E103": "{path}: broken front matter ({detail}); expected a YAML mapping between '---' lines. Fix or remove it",
    "E104": "{path}: looks binary ({detail}); expected a text, HTML or JSON Lines file",
    "E105": "{path}: bad JSON Lines record ({detail}); expected one JSON object a line with 'id' and 'text'",
    "E106": "{path}: unsupported file type {detail}; expected .txt, .md, .html, .htm or .jsonl",
    "E107": "{path}: no such file or folder; give existing files or folders of articles",
    "E108": "{path}: front matter field {detail}",
    "E201": "the spaCy model {model!r} is not installed; expected it in this environment. Run `pip install {package}` (or `make run`, which installs everything)",
    "E202": "{path}: the pipeline failed on this document ({detail})",
    "E301": "nothing could be built: {detail}",
    "E302": "--strict: {detail}",
    "E303": "{path}: not a build folder (no graph.trig); run `kg build SOURCES -o {path}` first",
    "E401": "ontology problem: {detail}",
    "E501": "query error: {detail}",
}


class KGError(Exception):
    """Base of every error that Kizuna raises on purpose."""

    code = "E000"

    @classmethod
    def make(cls, code: str, **fields: object) -> KGError:
        """Build an error from a coded template in :data:`MESSAGES`."""
        err = cls(f"[{code}] " + MESSAGES[code].format(**fields))
        err.code = code
        return err


class InputError(KGError):
    """A source file cannot be read as an article (it is skipped, not fatal)."""


class ConfigError(KGError):
    """Bad settings or command-line usage."""


class ModelNotInstalledError(KGError):
    """A spaCy/GiNZA model is missing."""


class ExtractionError(KGError):
    """The NLP or extraction stages failed on a document."""


class OntologyError(KGError):
    """The ontology or shapes are missing or inconsistent."""


class QueryError(KGError):
    """A SPARQL query is invalid or failed."""
