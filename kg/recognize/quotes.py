"""Quotes that a sentence splitter cut in two: who speaks the second half.

Sentence splitters break inside 「…」, so the clauses of a quote's later
sentences lose their speaker; :func:`quote_speaker` finds it again (the
subject right before the opening mark, or the subject of the speech verb
after the closing one).
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.recognize.titles import TITLES
from kg.types import Mention

__all__ = ["QUOTE_OPEN", "QUOTE_CLOSE", "SPEAKER_CLASSES", "FIRST_PERSON", "open_quote", "quote_speaker"]

_ALL_TITLES = tuple(sorted(TITLES, key=len, reverse=True))

#: quotation marks: openers and closers (news mixes 「…” when it mixes scripts)
QUOTE_OPEN = "「『“"
QUOTE_CLOSE = "」』”"
#: who may speak a quote
SPEAKER_CLASSES: tuple[str, ...] = (
    "Person", "Country", "GovernmentBody", "InternationalOrganization", "Organization", "Media",
)
#: a quoted clause whose subject is the speaker themselves (「我々は…を非難する」)
FIRST_PERSON: frozenset[str] = frozenset({"我々", "われわれ", "私", "私たち", "わたし", "僕", "我が国", "わが国", "当方"})
#: what follows a speaker's name before the quote or the speech verb: a subject or topic particle
_SPEAKER_PARTICLES = ("は", "が")
#: stems of verbs that report speech, ending a quote (「…」と述べた)
_SPEECH_STEMS = ("述べ", "語っ", "語り", "強調", "表明", "発言", "指摘", "説明", "主張", "言っ", "話し", "話す",
                 "訴え", "明らかに", "答え", "付け加え", "繰り返", "断言", "言及", "批判", "非難", "警告")


def open_quote(text: str, pos: int) -> int | None:
    """Where the quote still open at ``pos`` begins, counted from the paragraph start; None outside quotes.

    Examples
    --------
    >>> t = "外相は「対話の準備はない。我々は戦う。」と語った。"
    >>> open_quote(t, t.index("我々")), open_quote(t, t.index("語った"))
    (3, None)
    """
    para = text.rfind("\n", 0, pos) + 1
    stack: list[int] = []
    for i in range(para, pos):
        if text[i] in QUOTE_OPEN:
            stack.append(i)
        elif text[i] in QUOTE_CLOSE and stack:
            stack.pop()
    return stack[0] if stack else None


def _subject_at(text: str, offset: int, mentions: Sequence[Mention], end: int) -> list[int]:
    """Speaker mentions whose title and particle end right at ``end`` (relative): 「ラブロフ外相は「」."""
    out = []
    for i, x in enumerate(mentions):
        if x.cls not in SPEAKER_CLASSES or x.end - offset > end or x.start < offset:
            continue
        between = text[x.end - offset : end].rstrip("、 ")
        title = next((t for t in _ALL_TITLES if between.startswith(t)), "")
        if between[len(title):] in _SPEAKER_PARTICLES:
            out.append(i)
    return out


def quote_speaker(text: str, offset: int, mentions: Sequence[Mention], pos: int) -> tuple[int, ...]:
    """Who speaks the quote that a later sentence at ``pos`` (absolute) still sits in.

    Sentence splitters break inside 「…」, so a clause of a quote's second
    sentence loses its speaker. When ``pos`` is inside a quote opened in an
    earlier sentence of its paragraph, the speaker is the subject right before
    the opener (「ラブロフ外相は「…」), else the subject of the speech verb that
    closes it (「…」と、X首相は述べた). Returns indices into ``mentions``; empty
    when ``pos`` is not in such a quote or no speaker is named.

    Examples
    --------
    >>> from kg.types import Mention
    >>> t = "ガルシア外相は「交渉は終わった。我々は圧力を非難する。」と述べた。"
    >>> ms = [Mention(0, 4, "ガルシア", "Person", 0, key="garcia")]
    >>> quote_speaker(t, 0, ms, t.index("非難")), quote_speaker(t, 0, ms, t.index("交渉"))
    ((0,), ())
    >>> t = "「我々は決して屈しない。制裁を非難する」と、ガルシア外相は強調した。"
    >>> ms = [Mention(22, 26, "ガルシア", "Person", 0, key="garcia")]
    >>> quote_speaker(t, 0, ms, t.index("非難"))
    (0,)
    """
    rel = pos - offset
    opener = open_quote(text, rel)
    if opener is None or "。" not in text[opener:rel]:
        return ()
    before = _subject_at(text, offset, mentions, opener)
    if before:
        return (before[-1],)
    # the closing mark, then 「と」 and the speech verb's subject before the sentence ends
    depth, close = 0, None
    for i in range(opener, len(text)):
        if text[i] in QUOTE_OPEN:
            depth += 1
        elif text[i] in QUOTE_CLOSE:
            depth -= 1
            if depth == 0:
                close = i
                break
        elif text[i] == "\n":
            break
    if close is None or not text[close + 1:].startswith("と"):
        return ()
    stop = text.find("。", close)
    stop = len(text) if stop < 0 else stop
    tail = text[close + 1 : stop]
    if not any(stem in tail for stem in _SPEECH_STEMS):
        return ()
    for i, x in enumerate(mentions):
        if close < x.start - offset < stop and x.cls in SPEAKER_CLASSES and _subject_at(text, offset, [x], len(
                text[: x.end - offset]) + _title_len(text[x.end - offset :]) + 1):
            return (i,)
    return ()


def _title_len(rest: str) -> int:
    return len(next((t for t in _ALL_TITLES if rest.startswith(t)), ""))
