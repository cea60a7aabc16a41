"""Paragraphs, language guesses, parser-sized chunks and English sentences."""

from __future__ import annotations

import pytest

from kg.segment import SUDACHI_LIMIT, chunks, doc_lang, guess_lang, paragraphs, sentences_en


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ドイツのショルツ首相は、中国の李強首相とベルリンで会談した。", "ja"),
        ("中华人民共和国外交部发言人表示", "ja"),  # ideographs only: CJK script goes to the Japanese pipeline
        ("G7外相会合", "ja"),
        ("NATOとEU", "ja"),  # any kana
        ("Scholz met Li Qiang in Berlin on Tuesday.", "en"),
        ("The Quad (日米豪印) met in Tokyo.", "en"),  # a few ideographs in English
        ("CNN", "en"),
        ("2024年", "ja"),
        ("2024-06-17 10:00", ""),
        ("", ""),
    ],
)
def test_guess_lang(text: str, lang: str) -> None:
    assert guess_lang(text) == lang


def test_paragraphs_are_lines_with_exact_offsets() -> None:
    text = "\u3000欧州議会選挙が始まった。  \n\nVoters in 27 countries go to the polls.\n42\n\n\n有権者は約3億7千万人。\n"
    paras = paragraphs(text)
    assert [(text[s:e], lang) for s, e, lang in paras] == [
        ("欧州議会選挙が始まった。", "ja"),
        ("Voters in 27 countries go to the polls.", "en"),
        ("42", "en"),  # no letters: the language of the paragraph before
        ("有権者は約3億7千万人。", "ja"),
    ]


def test_paragraph_without_letters_first_takes_the_next_language() -> None:
    text = "2024/06/17\nThe Kremlin confirmed the visit."
    assert [lang for _, _, lang in paragraphs(text)] == ["en", "en"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("韓国大統領府は声明を出した。\n\n北朝鮮は反発した。", "ja"),
        ("Seoul issued a statement.\n\nPyongyang objected.", "en"),
        ("韓国大統領府は声明を出した。\n\nSeoul issued a statement on Monday.", "mul"),
        (
            "韓国大統領府は声明を出した。北朝鮮は強く反発し、対抗措置を示唆した。" * 2 + "\n\nSeoul.",
            "ja",
        ),  # a tiny share
        ("", ""),
    ],
)
def test_doc_lang(text: str, lang: str) -> None:
    assert doc_lang(text) == lang


JA_SENTENCES = [
    "オーストラリアのアルバニージー首相は、インドネシアのプラボウォ大統領と電話で協議した。",
    "両首脳は、海洋安全保障と重要鉱物の供給網について協力を強化することで一致した。",
    "インドネシア側は、ニッケル加工への投資拡大に期待を示した！",
    "協議は約30分間続いたという。",
]
EN_SENTENCES = [
    "Australian Prime Minister Anthony Albanese spoke with Indonesia's President Prabowo Subianto.",
    "Mr. Albanese said the U.S. and Japan would join later talks on critical minerals.",
    "Is the deal close? Officials would not say.",
]


def _big_text() -> str:
    """About 150 KB: Japanese paragraphs, an English run, then a single huge Japanese paragraph."""
    ja_para = "".join(JA_SENTENCES)
    en_para = " ".join(EN_SENTENCES)
    parts = [ja_para] * 300 + [en_para] * 40 + [ja_para] * 20 + ["".join(JA_SENTENCES * 200)]
    return "\n\n".join(parts)


def _check_chunks(text: str, got: list[tuple[int, int, str]], limit: int) -> None:
    assert got, "no chunks"
    prev_end = 0
    for start, end, lang in got:
        assert 0 <= prev_end <= start < end <= len(text)
        assert len(text[start:end].encode("utf-8")) <= limit
        assert lang in ("ja", "en")
        assert text[start:end] == text[start:end].strip()
        prev_end = end
    covered = "".join(text[s:e] for s, e, _ in got)
    assert "".join(covered.split()) == "".join(text.split())  # nothing lost but whitespace


def test_chunks_of_a_large_text() -> None:
    text = _big_text()
    assert len(text.encode("utf-8")) > 3 * SUDACHI_LIMIT
    got = chunks(text)
    _check_chunks(text, got, SUDACHI_LIMIT)
    langs = [lang for _, _, lang in got]
    assert "en" in langs and langs[0] == "ja"
    for start, end, lang in got:  # one language per chunk
        assert {la for s, e, la in paragraphs(text[start:end])} == {lang}
    # the huge paragraph is cut after sentence ends, not inside a sentence
    last_para_start = text.rindex("\n\n") + 2
    pieces = [(s, e) for s, e, _ in got if s >= last_para_start]
    assert len(pieces) >= 2
    assert all(text[s:e].endswith(("。", "！")) for s, e in pieces)


def test_chunks_merge_same_language_runs() -> None:
    text = "米国務長官が訪中した。\n\n王毅外相と会談した。\n\nThe talks lasted five hours.\n\n会談は5時間に及んだ。"
    assert [(text[s:e], lang) for s, e, lang in chunks(text)] == [
        ("米国務長官が訪中した。\n\n王毅外相と会談した。", "ja"),
        ("The talks lasted five hours.", "en"),
        ("会談は5時間に及んだ。", "ja"),
    ]


def test_sentence_over_the_limit_is_cut_at_the_limit() -> None:
    text = "あ" * 100  # 300 bytes, no sentence end
    got = chunks(text, limit_bytes=64)
    _check_chunks(text, got, 64)
    assert [e - s for s, e, _ in got] == [21, 21, 21, 21, 16]


def test_long_english_paragraph_is_cut_at_sentence_ends() -> None:
    text = " ".join(EN_SENTENCES * 10)
    got = chunks(text, limit_bytes=400)
    _check_chunks(text, got, 400)
    assert all(text[s:e].endswith((".", "?")) for s, e, _ in got)
    assert not any(text[s:e].endswith(("Mr.", "U.S.")) for s, e, _ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Blinken met Wang Yi. They spoke for five hours.",
            ["Mr. Blinken met Wang Yi.", "They spoke for five hours."],
        ),
        (
            "The U.S. and the U.K. signed the pact. Dr. Lee of the U.N. agreed.",
            ["The U.S. and the U.K. signed the pact.", "Dr. Lee of the U.N. agreed."],
        ),
        (
            'Reporting by Paul P. Murphy and Gen. Mark Milley. "We won\'t back down," she said. Really?',
            [
                "Reporting by Paul P. Murphy and Gen. Mark Milley.",
                '"We won\'t back down," she said.',
                "Really?",
            ],
        ),
        (
            "Talks resume on Jan. 5 in Geneva.\nNo date was set for the summit",
            ["Talks resume on Jan. 5 in Geneva.", "No date was set for the summit"],
        ),
        ("Prices rose 2.5 percent. Markets fell!", ["Prices rose 2.5 percent.", "Markets fell!"]),
        ("  ", []),
    ],
)
def test_sentences_en(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentences_en(text)] == expected


def test_sentences_en_offset() -> None:
    context = "見出し\n\nKishida flew to Manila. He met Marcos."
    start = context.index("Kishida")
    spans = sentences_en(context[start:], offset=start)
    assert [context[s:e] for s, e in spans] == ["Kishida flew to Manila.", "He met Marcos."]


def test_bad_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="limit_bytes"):
        chunks("本文。", limit_bytes=2)
