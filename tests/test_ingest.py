"""read_sources: file kinds, front matter, the title rule, bad inputs, folders, JSON Lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from kg.errors import InputError
from kg.ingest import read_sources
from kg.ingest.readers import headline, starts_with_title
from kg.types import Skipped, SourceDoc

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ROOT = Path(__file__).resolve().parents[1]

BODY = "フランスのマクロン大統領は8日、パリでウクライナのゼレンスキー大統領と会談した。\n\n両首脳は防空システムの追加供与について協議した。"


def _one(path: Path) -> SourceDoc | Skipped:
    (rec,) = list(read_sources([path]))
    return rec


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    f = tmp_path / name
    if isinstance(content, bytes):
        f.write_bytes(content)
    else:
        f.write_text(content, encoding="utf-8")
    return f


# ---------------------------------------------------------------- front matter


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("published: 2023-11-08\n", {"published": "2023-11-08"}),
        ("published: '2023-11-08'\nlang: ja-JP\n", {"published": "2023-11-08", "lang": "ja"}),
        (
            "title: 仏ウクライナ首脳会談\nurl: https://news.example.org/a/1\noutlet: Example News\n",
            {
                "title": "仏ウクライナ首脳会談",
                "url": "https://news.example.org/a/1",
                "outlet": "Example News",
            },
        ),
        ("published:\nauthor: 山田\ntags: [外交]\n", {}),  # empty date, unknown keys ignored
        ("published: 2023-11-08 09:30:00\n", {"published": "2023-11-08"}),
    ],
)
def test_front_matter_fields(tmp_path: Path, front: str, expected: dict[str, str]) -> None:
    doc = _one(_write(tmp_path, "a.txt", f"---\n{front}---\n{BODY}"))
    assert isinstance(doc, SourceDoc)
    for key in ("title", "url", "published", "lang", "outlet"):
        want = expected.get(key, "ja" if key == "lang" else "")
        assert getattr(doc, key) == want, key
    if "title" in expected:
        assert doc.text == f"{expected['title']}\n\n{BODY}"
    else:
        assert doc.text == BODY


def test_front_matter_is_not_part_of_the_text(tmp_path: Path) -> None:
    doc = _one(_write(tmp_path, "a.md", f"---\nlang: ja\n---\n\n{BODY}\n"))
    assert isinstance(doc, SourceDoc)
    assert doc.text == BODY and "---" not in doc.text


# ---------------------------------------------------------------- title rule


@pytest.mark.parametrize(
    ("content", "title", "text"),
    [
        # first line is a headline: it is the title, the text stays as it is
        (f"仏ウクライナ首脳が会談\n\n{BODY}", "仏ウクライナ首脳が会談", f"仏ウクライナ首脳が会談\n\n{BODY}"),
        # first line runs into the next: no headline
        (BODY.replace("\n\n", "\n"), "", BODY.replace("\n\n", "\n")),
        # a Markdown heading: its text is the title, the text keeps the markup
        (
            f"# 仏ウクライナ首脳が会談\n\n{BODY}",
            "仏ウクライナ首脳が会談",
            f"# 仏ウクライナ首脳が会談\n\n{BODY}",
        ),
        # a short lead sentence is not a headline
        (f"マクロン氏が会談した。\n\n{BODY}", "", f"マクロン氏が会談した。\n\n{BODY}"),
        # too long for a headline
        ("あ" * 130 + f"\n\n{BODY}", "", "あ" * 130 + f"\n\n{BODY}"),
        # front matter title that the body lacks: prepended as its own paragraph
        (f"---\ntitle: 防空支援を協議\n---\n{BODY}", "防空支援を協議", f"防空支援を協議\n\n{BODY}"),
        # front matter title that the body already starts with (width and spaces differ): not doubled
        (
            f"---\ntitle: NATO 首脳会議が開幕\n---\nＮＡＴＯ首脳会議が開幕\n\n{BODY}",
            "NATO 首脳会議が開幕",
            f"ＮＡＴＯ首脳会議が開幕\n\n{BODY}",
        ),
    ],
)
def test_title_rule(tmp_path: Path, content: str, title: str, text: str) -> None:
    doc = _one(_write(tmp_path, "a.txt", content))
    assert isinstance(doc, SourceDoc)
    assert (doc.title, doc.text) == (title, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Biden hosts Pacific leaders\n\nThe president met leaders of 18 island nations.",
            "Biden hosts Pacific leaders",
        ),
        ("The president met leaders.\nThey discussed climate.", ""),
        ("只一行の見出し", ""),
    ],
)
def test_headline(text: str, expected: str) -> None:
    assert headline(text) == expected


@pytest.mark.parametrize(
    ("body", "title", "expected"),
    [
        ("ＡＳＥＡＮ外相会議\n\n本文", "ASEAN外相会議", True),
        ("ASEAN 外相 会議が閉幕", "ASEAN外相会議", True),
        ("外相会議でASEANは", "ASEAN外相会議", False),
    ],
)
def test_starts_with_title(body: str, title: str, expected: bool) -> None:
    assert starts_with_title(body, title) is expected


def test_layout_is_normalised_but_characters_are_not(tmp_path: Path) -> None:
    raw = "ＥＵ首脳会議　\r\n\r\n\r\n\r\n\r\nＥＵは対中戦略を協議した。  \r\n"
    doc = _one(_write(tmp_path, "eu.txt", raw.encode("utf-8")))
    assert isinstance(doc, SourceDoc)
    assert doc.text == "ＥＵ首脳会議\n\n\nＥＵは対中戦略を協議した。"


def test_cleaning_is_recorded(tmp_path: Path) -> None:
    doc = _one(
        _write(
            tmp_path, "a.txt", f"仏ウクライナ首脳が会談\n\n2 min read\n\n{BODY}\n\nシェアする\nコメントを書く"
        )
    )
    assert isinstance(doc, SourceDoc)
    assert doc.text == f"仏ウクライナ首脳が会談\n\n{BODY}"
    assert [r.rule for r in doc.removed] == ["read-time", "share-widget", "comment-widget"]


# ---------------------------------------------------------------- HTML


def test_html_extraction() -> None:
    doc = _one(FIXTURES / "summit.html")
    assert isinstance(doc, SourceDoc)
    assert doc.doc_id == "summit.html"
    assert doc.title == "日印外相が電話会談、海洋安全保障で連携確認"
    assert doc.url == "https://news.example.jp/articles/2023/09/12/india-japan"
    assert doc.published == "2023-09-12"
    assert doc.lang == "ja"
    assert doc.text.startswith(doc.title + "\n\n")
    assert doc.text.count(doc.title) == 1
    assert "ジャイシャンカル外相と電話で会談した" in doc.text
    for boilerplate in (
        "ホーム",
        "関連記事",
        "Copyright",
        "プライバシーポリシー",
        "首相、ASEAN首脳会議へ出発",
    ):
        assert boilerplate not in doc.text


def test_html_without_article_is_skipped(tmp_path: Path) -> None:
    rec = _one(_write(tmp_path, "empty.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>"))
    assert isinstance(rec, Skipped)
    assert rec.reason.startswith("[E101]")


# ---------------------------------------------------------------- bad inputs


@pytest.mark.parametrize(
    ("name", "content", "code", "hint"),
    [
        ("empty.txt", b"", "E101", "empty file"),
        ("blank.txt", b"  \n\n \r\n", "E101", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E104", "looks binary"),
        ("latin.txt", b"Summit \x80\xff\xfd\xfe\xff\x80 report", "E102", "cannot decode"),
        ("open.txt", f"---\npublished: 2024-01-01\n{BODY}".encode(), "E103", "no closing '---' line"),
        ("yaml.txt", f"---\ntitle: [会談\n---\n{BODY}".encode(), "E103", "not valid YAML"),
        ("list.txt", f"---\n- a\n- b\n---\n{BODY}".encode(), "E103", "not a mapping"),
        (
            "date.txt",
            f"---\npublished: 先週木曜日\n---\n{BODY}".encode(),
            "E108",
            "expected a date as YYYY-MM-DD",
        ),
        ("day.txt", f"---\npublished: 2023-02-30\n---\n{BODY}".encode(), "E108", "'published'"),
        ("lang.txt", f"---\nlang: 日本語\n---\n{BODY}".encode(), "E108", "'lang'"),
        ("only.txt", b"1 min read\n\nShare this\n\nLeave a comment", "E101", "only boilerplate"),
        ("notes.docx", b"PK-ish", "E106", "unsupported file type '.docx'"),
        ("Makefile", b"all:\n", "E106", "unsupported file type"),
    ],
)
def test_bad_input_is_skipped(tmp_path: Path, name: str, content: bytes, code: str, hint: str) -> None:
    rec = _one(_write(tmp_path, name, content))
    assert isinstance(rec, Skipped)
    assert rec.path == str(tmp_path / name)
    assert rec.reason.startswith(f"[{code}] ")
    assert hint in rec.reason


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        list(read_sources([tmp_path / "nowhere"]))
    assert err.value.code == "E107"


def test_missing_path_raises_before_anything_is_read(tmp_path: Path) -> None:
    good = _write(tmp_path, "a.txt", BODY)
    it = read_sources([good, tmp_path / "nowhere.txt"])
    with pytest.raises(InputError):
        next(it)


# ---------------------------------------------------------------- folders


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    _write(tmp_path, "b.txt", "韓国国防省は発表した。")
    _write(tmp_path, "a.md", "台湾の総統府は声明を出した。")
    (tmp_path / "asia").mkdir()
    _write(tmp_path / "asia", "c.txt", "インド外務省は抗議した。")
    _write(tmp_path, ".hidden.txt", "非表示")
    (tmp_path / ".git").mkdir()
    _write(tmp_path / ".git", "x.txt", "内部")
    _write(tmp_path, "README.md", "# このフォルダについて")
    ids = [r.doc_id for r in read_sources([tmp_path]) if isinstance(r, SourceDoc)]
    assert ids == ["a.md", "asia/c.txt", "b.txt"]
    assert [r.doc_id for r in read_sources([tmp_path / "asia" / "c.txt"])] == ["c.txt"]


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    f = _write(tmp_path, "a.txt", BODY)
    assert len(list(read_sources([f, tmp_path]))) == 1


# ---------------------------------------------------------------- JSON Lines


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"id": "r1", "text": "岸田首相は訪米した。", "lang": "ja", "published": "2024-04-10"},
            ensure_ascii=False,
        ),
        "{not json",
        json.dumps({"id": "r2"}),
        json.dumps(["r3", "text"]),
        "",
        json.dumps({"id": 4, "text": "The Senate passed the aid bill.", "title": "Senate passes aid"}),
        json.dumps({"id": "r5", "text": "本文。", "published": "昨日"}, ensure_ascii=False),
        json.dumps({"id": "r1", "text": "重複したID。"}, ensure_ascii=False),
    ]
    f = _write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    recs = list(read_sources([f]))
    kinds = [(type(r).__name__, r.doc_id if isinstance(r, SourceDoc) else r.reason[:6]) for r in recs]
    assert kinds == [
        ("SourceDoc", "r1"),
        ("Skipped", "[E105]"),
        ("Skipped", "[E105]"),
        ("Skipped", "[E105]"),
        ("SourceDoc", "4"),
        ("Skipped", "[E108]"),
        ("Skipped", "[E109]"),
    ]
    assert recs[0].published == "2024-04-10"
    assert recs[1].path == f"{f}:2"
    assert recs[4].text == "Senate passes aid\n\nThe Senate passed the aid bill."
    assert recs[4].lang == "en"


@pytest.mark.parametrize(
    "text",
    [
        "SPRiNGSのメンバーは東京で公演した。",
        "  前後に空白がある文。 ",
        "一行目\r\n二行目\n\n\n\n\n三行目",
        "ＷＨＯ（世界保健機関）は声明を出した。",
    ],
)
def test_jsonl_text_is_kept_exactly(tmp_path: Path, text: str) -> None:
    f = _write(
        tmp_path, "bench.jsonl", json.dumps({"id": "w1", "text": text, "lang": "ja"}, ensure_ascii=False)
    )
    (doc,) = read_sources([f])
    assert isinstance(doc, SourceDoc)
    assert doc.text == text
    assert doc.title == ""


# ---------------------------------------------------------------- the sample sources


def test_sample_sources_match_the_gold_files() -> None:
    gold = {}
    for g in sorted((Path("/work/shared/gold/seeds")).glob("*.yaml")):
        data = yaml.safe_load(g.read_text(encoding="utf-8"))
        gold[data["doc"]] = data.get("published") or ""
    if not gold:
        pytest.skip("gold files not available")
    docs = [r for r in read_sources([ROOT / "sources"])]
    assert all(isinstance(d, SourceDoc) for d in docs)
    assert {d.doc_id: str(d.published) for d in docs} == {k: str(v) for k, v in gold.items()}
    for d in docs:
        assert not d.text.startswith("---")


def test_unexpected_reader_failure_is_skipped_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.ingest.html

    def boom(html: str, path: str) -> tuple[dict[str, str], str]:
        raise RuntimeError("parser crashed")

    monkeypatch.setattr(kg.ingest.html, "extract_html", boom)
    f = _write(tmp_path, "page.html", "<html><body><p>本文です。</p></body></html>")
    g = _write(tmp_path, "z.txt", BODY)
    recs = list(read_sources([f, g]))
    assert isinstance(recs[0], Skipped) and "RuntimeError: parser crashed" in recs[0].reason
    assert isinstance(recs[1], SourceDoc)
