"""Paragraphs, language guesses and parser-sized chunks of a document's context.

Every span is ``(start, end)`` into the given text, so ``text[start:end]`` is
the paragraph, chunk or sentence, unchanged.

Paragraphs are lines: the text is split on every newline (single or blank
lines alike), since news text puts one paragraph on a line, and a mixed
Japanese/English article changes language from one line to the next. The
spaces around a line are not part of its paragraph; blank lines are none.

>>> paragraphs("習近平国家主席が訪問した。\\n\\nXi Jinping visited Moscow.")
[(0, 13, 'ja'), (15, 41, 'en')]
"""

from __future__ import annotations

import re

__all__ = ["guess_lang", "doc_lang", "paragraphs", "chunks", "sentences_en", "SUDACHI_LIMIT"]

#: GiNZA/SudachiPy refuse inputs over 49,149 bytes; chunks stay at or under this.
SUDACHI_LIMIT = 49000
#: share of CJK ideographs among letters above which a kana-less paragraph is Japanese.
CJK_RATIO = 0.3

_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\uff21-\uff3a\uff41-\uff5a]")
_LINE = re.compile(r"[^\n]+")
_EDGE = " \t\r\u3000\ufeff"
#: where a long paragraph may be cut: after these characters (and their closing quotes)
_JA_BREAK = re.compile(r"[。！？!?]+[」』）)\"”’]*|\n")

#: abbreviations after which a period does not end an English sentence (lower case, no dot).
EN_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr gen lt col maj capt cmdr adm sgt gov sen rep pres amb
    rev hon messrs mt ft no nos vol vs etc al fig approx dept est inc ltd corp co bros
    jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e a.m p.m u.s u.k u.n e.u
    u.s.a d.c""".split()  # noqa: SIM905
)
_EN_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")


def guess_lang(text: str) -> str:
    """Guess ``"ja"`` or ``"en"`` for a paragraph from its script.

    A paragraph with any kana is Japanese; otherwise it is Japanese when
    CJK ideographs make up more than :data:`CJK_RATIO` of its letters
    (ideographs plus Latin letters), and English when it has Latin letters.
    A paragraph with no letters at all gets ``""`` (see :func:`paragraphs`).

    Examples
    --------
    >>> guess_lang("ロシア外務省は声明を発表した。")
    'ja'
    >>> guess_lang("中国国家主席習近平")
    'ja'
    >>> guess_lang("The G7 summit in Hiroshima ended on Sunday.")
    'en'
    >>> guess_lang("Joint Statement of the PRC and USA 中国")
    'en'
    >>> guess_lang("2024-05-16")
    ''
    """
    if _KANA.search(text):
        return "ja"
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    if cjk + latin == 0:
        return ""
    return "ja" if cjk / (cjk + latin) > CJK_RATIO else "en"


def paragraphs(text: str) -> list[tuple[int, int, str]]:
    """Split a text into paragraphs (one per non-blank line) with a language guess.

    Parameters
    ----------
    text : str
        The document's context.

    Returns
    -------
    list of (int, int, str)
        ``(start, end, lang)``; ``lang`` is ``"ja"`` or ``"en"`` (see
        :func:`guess_lang`). A line without letters (a date, a number) takes
        the language of the paragraph before it, or after it, or ``"ja"``.

    Examples
    --------
    >>> text = "  国連総会が開幕した。\\n2023-09-19\\nUN General Assembly opens.\\n"
    >>> [(text[s:e], lang) for s, e, lang in paragraphs(text)]
    [('国連総会が開幕した。', 'ja'), ('2023-09-19', 'ja'), ('UN General Assembly opens.', 'en')]
    """
    spans: list[tuple[int, int, str]] = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip(_EDGE)
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip(_EDGE)))
        spans.append((start, start + len(stripped), guess_lang(stripped)))
    out: list[tuple[int, int, str]] = []
    for i, (s, e, lang) in enumerate(spans):
        if not lang:
            after = next((la for _, _, la in spans[i + 1 :] if la), "ja")
            lang = out[-1][2] if out else after
        out.append((s, e, lang))
    return out


def doc_lang(text: str) -> str:
    """The language of a whole text: ``"ja"``, ``"en"``, ``"mul"`` (both) or ``""`` (no letters).

    A language counts when its paragraphs hold at least a tenth of the characters.

    Examples
    --------
    >>> doc_lang("首脳会談が開かれた。\\n\\nThe leaders met in Beijing on Thursday.")
    'mul'
    >>> doc_lang("首脳会談が開かれた。NATOの拡大に反対した。")
    'ja'
    """
    sizes: dict[str, int] = {}
    for s, e, lang in paragraphs(text):
        sizes[lang] = sizes.get(lang, 0) + e - s
    total = sum(sizes.values())
    langs = sorted(la for la, n in sizes.items() if n >= total / 10)
    if not langs:
        return ""
    return langs[0] if len(langs) == 1 else "mul"


def _nbytes(text: str, start: int, end: int) -> int:
    return len(text[start:end].encode("utf-8"))


def _cut_at_limit(text: str, start: int, end: int, limit: int) -> int:
    """The largest cut point in (start, end] whose piece text[start:cut] fits in limit bytes."""
    size, cut = 0, start
    while cut < end:
        step = len(text[cut].encode("utf-8"))
        if size + step > limit:
            break
        size += step
        cut += 1
    return max(cut, start + 1)


def _split_long(text: str, start: int, end: int, lang: str, limit: int) -> list[tuple[int, int, str]]:
    """Pack the sentences of one over-long span into pieces under the limit."""
    if lang == "en":
        bounds = [e for _, e in sentences_en(text[start:end], start)]
    else:
        bounds = [m.end() for m in _JA_BREAK.finditer(text, start, end)]
    bounds = sorted({b for b in bounds if start < b < end} | {end})
    out: list[tuple[int, int, str]] = []
    piece = start
    prev = start
    for b in bounds:
        if _nbytes(text, piece, b) <= limit:
            prev = b
            continue
        if prev > piece:
            out.append((piece, prev, lang))
            piece = prev
        while _nbytes(text, piece, b) > limit:  # one sentence over the limit: cut it
            cut = _cut_at_limit(text, piece, b, limit)
            out.append((piece, cut, lang))
            piece = cut
        prev = b
    if piece < end:
        out.append((piece, end, lang))
    return [_trim(text, s, e, lang) for s, e, lang in out if text[s:e].strip()]


def _trim(text: str, start: int, end: int, lang: str) -> tuple[int, int, str]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip()), lang


def chunks(text: str, *, limit_bytes: int = SUDACHI_LIMIT) -> list[tuple[int, int, str]]:
    """Merge runs of same-language paragraphs into chunks a parser accepts.

    Parameters
    ----------
    text : str
        The document's context.
    limit_bytes : int
        Largest UTF-8 size of a chunk (GiNZA/SudachiPy refuses inputs over
        about 49 KB).

    Returns
    -------
    list of (int, int, str)
        ``(start, end, lang)`` in text order; ``text[start:end]`` is the chunk,
        from the start of its first paragraph to the end of its last one.
        A paragraph over the limit is split after sentence ends (``。！？!?``,
        or English sentence ends), and a sentence over the limit at the limit.

    Examples
    --------
    >>> chunks("米国が発表した。\\n中国が反発した。\\nRussia agreed.")
    [(0, 17, 'ja'), (18, 32, 'en')]
    >>> chunks("あいう。えお。", limit_bytes=12)
    [(0, 4, 'ja'), (4, 7, 'ja')]
    """
    if limit_bytes < 4:
        raise ValueError(f"limit_bytes must be at least 4 (one character), got {limit_bytes}")
    out: list[tuple[int, int, str]] = []
    cur: tuple[int, int, str] | None = None
    for s, e, lang in paragraphs(text):
        if _nbytes(text, s, e) > limit_bytes:
            if cur:
                out.append(cur)
                cur = None
            out.extend(_split_long(text, s, e, lang, limit_bytes))
            continue
        if cur and cur[2] == lang and _nbytes(text, cur[0], e) <= limit_bytes:
            cur = (cur[0], e, lang)
            continue
        if cur:
            out.append(cur)
        cur = (s, e, lang)
    if cur:
        out.append(cur)
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``text[dot]`` closes an abbreviation or an initial."""
    m = re.search(r"([A-Za-z][A-Za-z.]*)$", text[:dot])
    if not m:
        return False
    word = m.group(1)
    if word.lower().rstrip(".") in EN_ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():  # an initial: "Paul P. Murphy"
        return True
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))  # "U.S", "e.g"


def sentences_en(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Split English text into sentences (abbreviation-aware).

    A sentence ends at ``.``, ``!`` or ``?`` (with closing quotes or
    brackets) before a space, unless the period closes an abbreviation
    (:data:`EN_ABBREVIATIONS`, initials such as ``P.`` or ``U.S.``); a
    newline always ends one. Spaces between sentences belong to none.

    Parameters
    ----------
    text : str
        English text.
    offset : int
        Added to every offset (the position of ``text`` in the context).

    Returns
    -------
    list of (int, int)
        Sentence spans, shifted by ``offset``.

    Examples
    --------
    >>> t = "Mr. Blinken met Wang Yi in the U.S. capital. They talked. Dr. Kim said so!"
    >>> [t[s:e] for s, e in sentences_en(t)]
    ['Mr. Blinken met Wang Yi in the U.S. capital.', 'They talked.', 'Dr. Kim said so!']
    >>> sentences_en("Hi. Bye.", offset=10)
    [(10, 13), (14, 18)]
    """
    out: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        ends = [m for m in _EN_END.finditer(text, line.start(), line.end())]
        for m in ends:
            if (
                m.group().startswith(".")
                and len(m.group().rstrip("\"'”’)]")) == 1
                and _is_abbreviation(text, m.start())
            ):
                continue
            out.append((start, m.end()))
            start = m.end()
        out.append((start, line.end()))
    spans = []
    for s, e in out:
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if e - trail > s + lead:
            spans.append((s + lead + offset, e - trail + offset))
    return spans
