"""Optional YAML front matter of ``.txt``/``.md`` articles.

A file may open with a YAML mapping between two ``---`` lines (the closing
line may also be ``...``)::

    ---
    title: 中ロ首脳が会談
    published: 2024-05-16
    lang: ja
    ---
    本文 ...

Known keys are :data:`KNOWN_KEYS`; any other key is ignored with a log note.

>>> meta, body = split_front_matter("---\\npublished: 2024-05-16\\n---\\n本文", "a.txt")
>>> meta, body
({'published': '2024-05-16'}, '本文')
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from kg.errors import InputError

__all__ = ["split_front_matter", "check_meta", "parse_published", "KNOWN_KEYS"]

log = logging.getLogger(__name__)

#: the front matter keys Kizuna reads; others are ignored with a note.
KNOWN_KEYS = ("title", "url", "published", "lang", "outlet")
_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_DATE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")


def parse_published(value: Any) -> str | None:
    """A publication date as ``YYYY-MM-DD``; ``""`` for empty, ``None`` when invalid.

    A date-time (``2024-05-16T09:30:00+09:00``) gives its date.

    Examples
    --------
    >>> parse_published("2024-06-17"), parse_published(dt.date(2022, 2, 5))
    ('2024-06-17', '2022-02-05')
    >>> parse_published("2024-05-16 09:30:00")
    '2024-05-16'
    >>> parse_published(None), parse_published("")
    ('', '')
    >>> parse_published("2024-02-30") is None, parse_published("先週") is None
    (True, True)
    """
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    m = _DATE.match(str(value).strip())
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _lang(value: Any) -> str | None:
    """Primary language subtag, lower case (``ja-JP`` -> ``ja``); None when not a tag."""
    m = _LANG.match(str(value).strip())
    return m[1].lower() if m else None


def check_meta(raw: dict[str, Any], path: str) -> dict[str, str]:
    """Check and normalise article metadata (front matter or a JSON Lines record).

    Parameters
    ----------
    raw : dict
        Keys from :data:`KNOWN_KEYS` (others are dropped with a log note).
    path : str
        Shown in error messages.

    Returns
    -------
    dict of str to str
        Only known keys with non-empty values; ``published`` as ``YYYY-MM-DD``,
        ``lang`` as a lower-case primary subtag.

    Raises
    ------
    InputError
        ``E108`` when ``published`` is not a date or ``lang`` not a language tag.

    Examples
    --------
    >>> check_meta({"published": "2024-05-16", "lang": "ja-JP", "author": "x"}, "a.txt")
    {'published': '2024-05-16', 'lang': 'ja'}
    >>> check_meta({"published": "May 2024"}, "a.txt")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: [E108] a.txt: front matter field 'published' is 'May 2024'; expected a date as YYYY-MM-DD (e.g. 2024-05-16). Fix it or remove the line
    """
    out: dict[str, str] = {}
    for key, value in raw.items():
        if key not in KNOWN_KEYS:
            log.info("%s: front matter key %r ignored (known keys: %s)", path, key, ", ".join(KNOWN_KEYS))
            continue
        if key == "published":
            date = parse_published(value)
            if date is None:
                raise InputError.make(
                    "E108",
                    path=path,
                    detail=f"'published' is {str(value)!r}; expected a date as YYYY-MM-DD "
                    "(e.g. 2024-05-16). Fix it or remove the line",
                )
            if date:
                out[key] = date
        elif key == "lang":
            if value in (None, ""):
                continue
            lang = _lang(value)
            if lang is None:
                raise InputError.make(
                    "E108",
                    path=path,
                    detail=f"'lang' is {str(value)!r}; expected a language tag such as ja, en or mul. "
                    "Fix it or remove the line",
                )
            out[key] = lang
        elif value not in (None, ""):
            out[key] = str(value).strip()
    return out


def _loader() -> type:
    """A SafeLoader that leaves dates as strings (checked by :func:`parse_published`)."""
    import yaml

    class _NoDates(yaml.SafeLoader):
        pass

    _NoDates.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return _NoDates


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter from the body.

    Parameters
    ----------
    text : str
        The decoded file.
    path : str
        Shown in error messages.

    Returns
    -------
    (dict, str)
        The raw mapping (empty when there is no front matter) and the body
        after the closing line. Values are not checked here: see
        :func:`check_meta`. Dates stay strings, as written.

    Raises
    ------
    InputError
        ``E103`` when the front matter is not closed, is not valid YAML or is
        not a mapping.

    Examples
    --------
    >>> split_front_matter("見出し\\n\\n本文", "a.txt")
    ({}, '見出し\\n\\n本文')
    >>> split_front_matter("---\\ntitle: [unclosed\\n---\\n本文", "a.txt")[0]
    Traceback (most recent call last):
    ...
    kg.errors.InputError: [E103] a.txt: broken front matter (not valid YAML: line 2 column 1: expected ',' or ']', but got '<stream end>'); expected a YAML mapping between '---' lines. Fix or remove it
    """
    start = _OPEN.match(text)
    if not start:
        return {}, text
    close = _CLOSE.search(text, start.end())
    if not close:
        raise InputError.make("E103", path=path, detail="no closing '---' line")
    import yaml

    block = text[start.end() : close.start()]
    try:
        data = yaml.load(block, Loader=_loader())  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1} column {mark.column + 1}: " if mark else ""
        problem = getattr(err, "problem", None) or str(err)
        raise InputError.make("E103", path=path, detail=f"not valid YAML: {where}{problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError.make("E103", path=path, detail=f"a YAML {type(data).__name__}, not a mapping")
    meta = {str(k): v for k, v in data.items()}
    body = text[close.end() :]
    return meta, body[1:] if body.startswith("\n") else body.removeprefix("\r\n")
