"""Read article files (text, Markdown, HTML, JSON Lines) into :class:`SourceDoc` records.

One function per file kind turns bytes into ``(metadata, body)``;
:func:`make_doc` then applies the steps every kind shares: layout
normalisation, boilerplate removal, the title rule and a language guess.
A file that cannot be read becomes a :class:`Skipped` with a coded reason;
nothing here raises for a bad file.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.ingest.clean import clean_text, normalize_layout
from kg.ingest.encoding import decode_bytes
from kg.ingest.frontmatter import check_meta, split_front_matter
from kg.normalize import nfkc
from kg.segment import doc_lang
from kg.types import Skipped, SourceDoc

__all__ = ["read_file", "make_doc", "headline", "starts_with_title", "with_title", "SUPPORTED"]

log = logging.getLogger(__name__)

#: file suffix -> reader kind
SUPPORTED = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
#: a headline is at most this long (characters)
HEADLINE_MAX = 120
_SPACES = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACES.sub("", nfkc(text))


def starts_with_title(body: str, title: str) -> bool:
    """True when the body already opens with the title (NFKC, spaces ignored).

    Examples
    --------
    >>> starts_with_title("ＮＡＴＯ首脳会議 開幕\\n\\n本文", "NATO首脳会議開幕")
    True
    >>> starts_with_title("本文が先に来る。", "NATO首脳会議開幕")
    False
    """
    key = _squash(title)
    return bool(key) and _squash(body[: len(title) * 3 + 20]).startswith(key)


def with_title(body: str, title: str) -> str:
    """The context: ``title + "\\n\\n" + body`` unless the body starts with the title.

    Examples
    --------
    >>> with_title("両首脳は会談した。", "日中首脳会談")
    '日中首脳会談\\n\\n両首脳は会談した。'
    >>> with_title("日中首脳会談\\n\\n両首脳は会談した。", "日中首脳会談")
    '日中首脳会談\\n\\n両首脳は会談した。'
    """
    if not title or starts_with_title(body, title):
        return body
    return f"{title}\n\n{body}"


def headline(text: str) -> str:
    """The first line when it looks like a headline, else ``""``.

    A headline is a single non-empty line of at most :data:`HEADLINE_MAX`
    characters, followed by a blank line and more text, that is not a
    sentence (no ``。``, no final ``.``): a short lead paragraph is not a title.

    Examples
    --------
    >>> headline("米、対ロ追加制裁を発表\\n\\n米財務省は23日、制裁を発表した。")
    '米、対ロ追加制裁を発表'
    >>> headline("# 米、対ロ追加制裁を発表\\n\\n本文。")
    '米、対ロ追加制裁を発表'
    >>> headline("米財務省は23日、制裁を発表した。\\n\\n対象は500団体に上る。")
    ''
    """
    lines = text.lstrip("\n").split("\n")
    if len(lines) < 3 or lines[1].strip() or not "".join(lines[2:]).strip():
        return ""
    first = lines[0].strip().lstrip("#").strip()  # a Markdown heading gives its text
    if not 0 < len(first) <= HEADLINE_MAX or "。" in first or first.endswith("."):
        return ""
    return first


def make_doc(
    doc_id: str,
    body: str,
    meta: dict[str, str],
    path: str,
    *,
    guess_title: bool = True,
    verbatim: bool = False,
) -> SourceDoc:
    """Build a :class:`SourceDoc` from a decoded body and checked metadata.

    Parameters
    ----------
    doc_id : str
        The document's identifier.
    body : str
        The article text (front matter already removed).
    meta : dict
        Output of :func:`~kg.ingest.frontmatter.check_meta`.
    path : str
        Where it came from.
    guess_title : bool
        Take the first line as the title when ``meta`` has none and it looks
        like a headline (see :func:`headline`).
    verbatim : bool
        Keep the body exactly (JSON Lines): the layout is normalised only
        when boilerplate was removed.

    Returns
    -------
    SourceDoc

    Raises
    ------
    InputError
        ``E101`` when no text is left after cleaning.

    Examples
    --------
    >>> d = make_doc("a.txt", "日米首脳が会談\\n\\n1 min read\\n\\n両首脳は会談した。", {}, "a.txt")
    >>> d.title, d.text, d.lang, [r.rule for r in d.removed]
    ('日米首脳が会談', '日米首脳が会談\\n\\n両首脳は会談した。', 'ja', ['read-time'])
    """
    text = body if verbatim else normalize_layout(body)
    text, removed = clean_text(text)
    if removed:
        text = normalize_layout(text)
    if not text.strip():
        detail = "only boilerplate, no article text left after cleaning" if removed else "empty text"
        raise InputError.make("E101", path=path, detail=detail)
    title = " ".join(meta.get("title", "").split())
    if title:
        text = with_title(text, title)
    elif guess_title:
        title = headline(text)
    return SourceDoc(
        doc_id=doc_id,
        text=text,
        path=path,
        title=title,
        url=meta.get("url", ""),
        published=meta.get("published", ""),
        lang=meta.get("lang", "") or doc_lang(text),
        outlet=meta.get("outlet", ""),
        removed=removed,
    )


def _read_text(text: str, doc_id: str, path: str) -> SourceDoc:
    raw, body = split_front_matter(text, path)
    return make_doc(doc_id, body, check_meta(raw, path), path)


def _read_html(text: str, doc_id: str, path: str) -> SourceDoc:
    from kg.ingest.html import extract_html

    raw, body = extract_html(text, path)
    if raw.get("published") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw["published"]):
        log.info("%s: HTML date %r is not YYYY-MM-DD; left out", path, raw["published"])
        raw.pop("published")
    return make_doc(doc_id, body, check_meta(raw, path), path, guess_title=False)


def _jsonl_record(line: str, where: str) -> SourceDoc:
    try:
        rec: Any = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError.make(
            "E105", path=where, detail=f"not JSON: {err.msg} at column {err.colno}"
        ) from None
    if not isinstance(rec, dict):
        raise InputError.make("E105", path=where, detail=f"a JSON {type(rec).__name__}, not an object")
    rid = rec.get("id")
    if isinstance(rid, bool) or not isinstance(rid, (str, int)) or not str(rid).strip():
        raise InputError.make("E105", path=where, detail=f"'id' is {rid!r}; expected a non-empty string")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError.make(
            "E105", path=where, detail=f"'text' is {str(text)[:40]!r}; expected a non-empty string"
        )
    fields = {k: v for k, v in rec.items() if k not in ("id", "text")}
    return make_doc(
        str(rid).strip(), text, check_meta(fields, where), where, guess_title=False, verbatim=True
    )


def _read_jsonl(text: str, path: str) -> Iterator[SourceDoc | Skipped]:
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            yield _jsonl_record(line, where)
        except InputError as err:
            yield Skipped(path=where, reason=str(err))


def read_file(path: Path, doc_id: str) -> Iterator[SourceDoc | Skipped]:
    """Read one file: one :class:`SourceDoc` (or :class:`Skipped`), or one per JSON Lines record.

    Parameters
    ----------
    path : Path
        An existing file.
    doc_id : str
        The identifier for a text or HTML file (ignored for JSON Lines,
        whose records carry their own ``id``).

    Yields
    ------
    SourceDoc or Skipped
    """
    where = str(path)
    kind = SUPPORTED.get(path.suffix.lower())
    try:
        if kind is None:
            raise InputError.make("E106", path=where, detail=repr(path.suffix or "(no suffix)"))
        data = path.read_bytes()
        if not data.strip():
            raise InputError.make("E101", path=where, detail="empty file")
        text = decode_bytes(data, where)
        if kind == "jsonl":
            yield from _read_jsonl(text, where)
        elif kind == "html":
            yield _read_html(text, doc_id, where)
        else:
            yield _read_text(text, doc_id, where)
    except InputError as err:
        yield Skipped(path=where, reason=str(err))
    except OSError as err:
        yield Skipped(
            path=where,
            reason=str(InputError.make("E101", path=where, detail=f"cannot read it: {err.strerror}")),
        )
    except Exception as err:  # a reader bug must not stop a build: skip the file, keep the trace in the log
        log.exception("%s: unexpected failure while reading", where)
        detail = f"unexpected failure while reading it ({type(err).__name__}: {err}); please report it"
        yield Skipped(path=where, reason=str(InputError.make("E101", path=where, detail=detail)))
