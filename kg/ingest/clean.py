"""Remove site boilerplate from plain article text, keeping a record of it.

The rules are data (``kg/data/boilerplate.yaml``): whole-line patterns
(reading time, Cloudflare and cookie interstitials, "READ …" teasers, share
and comment widgets, credits, navigation), "related articles" blocks, menus
of short link-like lines at the start or end, and author bios at the end.
A rule removes whole lines only and never a long one, so article sentences
stay. Nothing else in the text changes: offsets into the result point at the
original characters.

>>> text, removed = clean_text("北京で首脳会談\\n\\n3分で読めます\\n\\n両首脳は握手した。")
>>> text
'北京で首脳会談\\n\\n両首脳は握手した。'
>>> removed
(Removed(rule='read-time', text='3分で読めます'),)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from kg.types import Removed

__all__ = ["clean_text", "normalize_layout", "load_rules", "Rules"]

_WS = " \t\u3000\r\ufeff"
#: the last kana of a Japanese predicate (past, copula, verb, adjective endings)
_PREDICATE_END = re.compile(r"[ただるすいんうてかよねろ]$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_CORE_PARTICLES = re.compile(r"[はがを]")
_BULLET = re.compile(r"^[・•\-*●■◆▶►○◎※\d]")
_FRAGMENT_END = re.compile(r"(?<=[。.．])")
_TRAILING_SPACE = re.compile(r"[ \t\u3000]+$", re.M)
_BLANK_RUNS = re.compile(r"\n{4,}")


@dataclass(frozen=True)
class _LineRule:
    rule: str
    max_chars: int
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Rules:
    """The compiled cleaning rules (see ``kg/data/boilerplate.yaml``)."""

    lines: tuple[_LineRule, ...]
    blocks: tuple[tuple[_LineRule, int, int], ...]  # (heading rule, max lines, link max chars)
    menu: dict[str, Any]
    tail: dict[str, Any]
    tail_patterns: tuple[re.Pattern[str], ...]
    byline_patterns: tuple[re.Pattern[str], ...]


def _compile(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


@functools.lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> Rules:
    """Load and compile the cleaning rules (cached).

    Parameters
    ----------
    path : str, optional
        A YAML file in the format of ``kg/data/boilerplate.yaml`` (the default).

    Returns
    -------
    Rules

    Examples
    --------
    >>> "read-time" in [r.rule for r in load_rules().lines]
    True
    """
    import yaml

    if path is None:
        raw = resources.files("kg").joinpath("data/boilerplate.yaml").read_text(encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            raw = f.read()
    data = yaml.safe_load(raw)
    lines = tuple(_LineRule(r["rule"], int(r["max_chars"]), _compile(r["patterns"])) for r in data["lines"])
    blocks = tuple(
        (
            _LineRule(b["rule"], 200, _compile(b["patterns"])),
            int(b["block_max_lines"]),
            int(b["link_max_chars"]),
        )
        for b in data.get("blocks", ())
    )
    tail = data["tail"]
    return Rules(
        lines=lines,
        blocks=blocks,
        menu=data["menu"],
        tail=tail,
        tail_patterns=_compile(tail["patterns"]),
        byline_patterns=_compile(tail["byline_patterns"]),
    )


def normalize_layout(text: str) -> str:
    """Normalise line endings to ``\\n``, strip trailing spaces per line,
    collapse three or more blank lines to two, and trim blank lines at both ends.

    No other character changes (no NFKC).

    Examples
    --------
    >>> normalize_layout("見出し  \\r\\n\\r\\n\\r\\n\\r\\n\\r\\n本文。\\r\\n")
    '見出し\\n\\n\\n本文。'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING_SPACE.sub("", text)
    text = _BLANK_RUNS.sub("\n\n\n", text)
    return text.strip("\n").rstrip()


def _line_rule(line: str, rules: Rules) -> str:
    for r in rules.lines:
        if len(line) <= r.max_chars and any(p.fullmatch(line) for p in r.patterns):
            return r.rule
    return ""


def _link_like(line: str, max_chars: int) -> bool:
    """A short line without a sentence in it (a headline or a link text)."""
    return len(line) <= max_chars and "。" not in line and not line.endswith((".", "．"))


def _mark_blocks(lines: list[str], marks: list[str], rules: Rules) -> None:
    for i, line in enumerate(lines):
        if marks[i] or not line:
            continue
        for heading, max_lines, link_max in rules.blocks:
            if len(line) <= heading.max_chars and any(p.fullmatch(line) for p in heading.patterns):
                marks[i] = heading.rule
                taken = 0
                for j in range(i + 1, len(lines)):
                    if not lines[j] or marks[j]:
                        continue
                    if taken >= max_lines or not _link_like(lines[j], link_max):
                        break
                    marks[j] = heading.rule
                    taken += 1
                break


def _mark_menus(lines: list[str], marks: list[str], rules: Rules) -> None:
    """Runs of >= min_run short link-like lines (no blank between) at the start or end."""
    cfg = rules.menu
    absorbs = set(cfg.get("absorbs", ()))  # rules whose lines may be part of a menu run
    live = [i for i, line in enumerate(lines) if line and (not marks[i] or marks[i] in absorbs)]
    if not live:
        return
    runs: list[list[int]] = []
    run: list[int] = []
    for i, line in enumerate(lines):
        ok = (
            bool(line)
            and (not marks[i] or marks[i] in absorbs)
            and _link_like(line, int(cfg["max_chars"]))
            and not _BULLET.match(line)
            and not line.endswith(("！", "？", "!", "?", "」"))
        )
        if ok and (not run or run[-1] == i - 1):
            run.append(i)
            continue
        if run:
            runs.append(run)
        run = [i] if ok else []
    if run:
        runs.append(run)
    for r in runs:
        if len(r) >= int(cfg["min_run"]) and (r[0] == live[0] or r[-1] == live[-1]):
            for i in r:
                marks[i] = cfg["rule"]


def _fragment_bio(para: str, cfg: dict[str, Any]) -> bool:
    """Bios of short noun fragments only ("Music lover. Food evangelist. Student.")."""
    frags = [f.strip(" 」』”\"'）)") for f in _FRAGMENT_END.split(para)]
    frags = [f for f in frags if f]
    if len(frags) < int(cfg["min_fragments"]):
        return False
    verbs = set(cfg["en_verbs"])
    for frag in frags:
        if not frag.endswith(("。", ".", "．")) or len(frag) > int(cfg["max_fragment_chars"]):
            return False
        body = frag[:-1]
        if _CJK.search(body):
            if _PREDICATE_END.search(body) or _CORE_PARTICLES.search(body):
                return False
        else:
            words = body.lower().split()
            if len(words) > int(cfg["max_fragment_words"]) or verbs & set(words):
                return False
    return True


def _mark_tail(lines: list[str], marks: list[str], rules: Rules) -> None:
    cfg = rules.tail
    live = [i for i, line in enumerate(lines) if line and not marks[i]]
    if len(live) < 2:
        return
    last = live[-1]
    para = lines[last]
    if len(para) > int(cfg["max_chars"]):
        return
    if not (any(p.match(para) for p in rules.tail_patterns) or _fragment_bio(para, cfg["fragments"])):
        return
    marks[last] = cfg["rule"]
    before = live[-2]
    if len(live) > 2 and any(p.fullmatch(lines[before]) for p in rules.byline_patterns):
        marks[before] = cfg["rule"]


def _records(raw_lines: list[str], marks: list[str]) -> tuple[Removed, ...]:
    """Consecutive removed lines of one rule (blank lines between allowed) become one record."""
    out: list[Removed] = []
    rule, texts = "", []
    for line, mark in zip(raw_lines, marks, strict=True):
        if not line.strip(_WS):
            continue
        if mark != rule and texts:
            out.append(Removed(rule=rule, text="\n".join(texts)))
            texts = []
        rule = mark
        if mark:
            texts.append(line.strip(_WS))
    if texts:
        out.append(Removed(rule=rule, text="\n".join(texts)))
    return tuple(out)


def _join_kept(raw_lines: list[str], marks: list[str]) -> str:
    """Keep unmarked lines; a gap that held a removed line becomes one blank line
    (or a plain line break when it had no blank line)."""
    out: list[str] = []
    gap: list[tuple[str, str]] = []  # (line, mark) since the last kept non-blank line
    for line, mark in zip(raw_lines, marks, strict=True):
        blank = not line.strip(_WS)
        if not blank and not mark:
            if any(m for _, m in gap):
                if out:
                    out.extend([""] if any(not g.strip(_WS) for g, _ in gap) else [])
            else:
                out.extend(g for g, _ in gap)
            gap = []
            out.append(line)
        else:
            gap.append((line, mark))
    if gap and not any(m for _, m in gap):
        out.extend(g for g, _ in gap)
    return "\n".join(out)


def clean_text(text: str, rules: Rules | None = None) -> tuple[str, tuple[Removed, ...]]:
    """Remove boilerplate lines and blocks.

    Parameters
    ----------
    text : str
        Article text; lines are separated by ``\\n``.
    rules : Rules, optional
        Defaults to :func:`load_rules`.

    Returns
    -------
    (str, tuple of Removed)
        The text without the removed lines (exactly ``text`` when nothing was
        removed) and one :class:`~kg.types.Removed` per removed block.

    Examples
    --------
    >>> clean_text("外相会談が開かれた。\\n\\nシェアする\\nツイート")[0]
    '外相会談が開かれた。'
    >>> clean_text("シェアする機会が増えたと首相は述べた。")[1]
    ()
    """
    rules = rules or load_rules()
    raw_lines = text.split("\n")
    lines = [line.strip(_WS) for line in raw_lines]
    marks = [_line_rule(line, rules) if line else "" for line in lines]
    _mark_blocks(lines, marks, rules)
    _mark_menus(lines, marks, rules)
    _mark_tail(lines, marks, rules)
    if not any(marks):
        return text, ()
    return _join_kept(raw_lines, marks), _records(raw_lines, marks)
