"""Boilerplate cleaning: every rule removes its pattern and keeps a near miss."""

from __future__ import annotations

import pytest

from kg.ingest.clean import clean_text, load_rules, normalize_layout

BEFORE = "外務省は20日、日本とフィリピンの外相が電話で会談したと発表した。"
AFTER = "両外相は南シナ海の情勢について意見を交わし、連携を強化することで一致した。"

# (rule, line): the line is boilerplate and must go
POSITIVE = [
    ("read-time", "1 min read"),
    ("read-time", "5 min read"),
    ("read-time", "この記事は約3分で読めます"),
    ("read-time", "読了時間：約4分"),
    ("read-time", "Reading time: 6 minutes"),
    ("cloudflare", "Attention Required! | Cloudflare"),
    ("cloudflare", "Please enable cookies."),
    ("cloudflare", "Checking your browser before accessing news.example.com."),
    ("cloudflare", "Cloudflare Ray ID: 8a1b2c3d4e5f6789"),
    ("cloudflare", "Performance & security by Cloudflare"),
    ("cookies", "We use cookies to improve your experience on our site."),
    ("cookies", "当サイトではCookieを使用しています。"),
    ("cookies", "Accept all cookies"),
    ("read-more", "READ  欧州委員会、中国製EVへの追加関税を正式決定"),
    ("read-more", "READ MORE: Biden and Xi agree to resume military talks"),
    ("read-more", "続きを読む"),
    ("read-more", "Continue reading »"),
    ("share-widget", "Share this article"),
    ("share-widget", "Tweet"),
    ("share-widget", "シェアする"),
    ("share-widget", "タイトルとURLをコピーしました"),
    ("share-widget", "Facebook | Twitter | LINE"),
    ("comment-widget", "コメントを書く"),
    ("comment-widget", "Leave a comment"),
    ("comment-widget", "+ There are no comments"),
    ("comment-widget", "Add yours"),
    ("comment-widget", "スポンサーリンク"),
    ("comment-widget", "12 Comments"),
    ("credit", "出典：外務省"),
    ("credit", "写真：ロイター"),
    ("credit", "Source: https://www.mofa.go.jp/press/release/"),
    ("credit", "Image: AP Photo/Mark Schiefelbein"),
    ("credit", "https://news.example.com/world/2024/05/12345"),
    ("nav", "Skip to content"),
    ("nav", "メニュー"),
    ("nav", "Morning Harbor Times Logo Menu opener"),
    ("nav", "Toggle navigation"),
    ("nav", "ページトップへ"),
]

# lines that look like boilerplate but carry article content: they stay
NEAR_MISS = [
    "会談は約40分で終わり、両首脳は共同文書を読み上げた。",
    "Talks lasted 45 minutes and the leaders read a joint statement.",
    "クラウドフレア社は、ウクライナ政府のサイトへの攻撃を遮断したと発表した。",
    "Cloudflare said it blocked a record attack on Ukrainian government sites.",
    "EUはクッキーの利用に関する規制を強化する方針を示した。",
    "Regulators said cookies used by the site were unlawful.",
    "READ-ONLY access was granted to the inspectors, the agency said.",
    "続きを読むと、両国の思惑の違いが見えてくる。",
    "首相はSNSで自らの見解をシェアすると述べた。",
    "Share prices in Tokyo fell sharply after the announcement.",
    "外務省はコメントを控えた。",
    "The Kremlin declined to comment on the report.",
    "出典：外務省によると、両国は来月にも協議を再開する。",
    "Source: officials said the negotiations would resume in Geneva next week.",
    "The menu at the state banquet included Peking duck.",
    "晩餐会のメニューには北京ダックが含まれた。",
    "関連記事によると、両国は協議を継続するという。",
    "Related articles were removed from the site after the court ruling.",
]


def _doc(line: str) -> str:
    return f"{BEFORE}\n\n{line}\n\n{AFTER}"


@pytest.mark.parametrize(("rule", "line"), POSITIVE)
def test_line_rule_removes(rule: str, line: str) -> None:
    text, removed = clean_text(_doc(line))
    assert text == f"{BEFORE}\n\n{AFTER}"
    assert [(r.rule, r.text) for r in removed] == [(rule, line)]


@pytest.mark.parametrize("line", NEAR_MISS)
def test_near_miss_is_kept(line: str) -> None:
    text = _doc(line)
    assert clean_text(text) == (text, ())


@pytest.mark.parametrize(
    ("block", "removed_lines"),
    [
        (
            "You May Also Like\n\nEU weighs new sanctions on Iran\n\nKishida to visit Washington in April",
            ["You May Also Like", "EU weighs new sanctions on Iran", "Kishida to visit Washington in April"],
        ),
        (
            "【関連記事】\n首相、来月にも訪米へ\n日米外相が電話会談",
            ["【関連記事】", "首相、来月にも訪米へ", "日米外相が電話会談"],
        ),
        ("あわせて読みたい\n・中国、台湾周辺で軍事演習", ["あわせて読みたい", "・中国、台湾周辺で軍事演習"]),
    ],
)
def test_related_block_at_end(block: str, removed_lines: list[str]) -> None:
    text, removed = clean_text(f"{BEFORE}\n\n{AFTER}\n\n{block}")
    assert text == f"{BEFORE}\n\n{AFTER}"
    assert [r.rule for r in removed] == ["related"]
    assert removed[0].text.split("\n") == removed_lines


def test_related_block_stops_at_content() -> None:
    content = "政府は来週、新たな経済対策を閣議決定する方針だ。"
    text, removed = clean_text(f"{BEFORE}\n\n関連記事\n首相、来月にも訪米へ\n\n{content}")
    assert text == f"{BEFORE}\n\n{content}"
    assert removed[0].text == "関連記事\n首相、来月にも訪米へ"


@pytest.mark.parametrize("where", ["start", "end"])
def test_menu_run_at_edges(where: str) -> None:
    menu = "ホーム\n政治\n経済\n国際\nスポーツ"
    body = f"{BEFORE}\n\n{AFTER}"
    src = f"{menu}\n\n{body}" if where == "start" else f"{body}\n\n{menu}"
    text, removed = clean_text(src)
    assert text == body
    assert [(r.rule, r.text) for r in removed] == [("menu", menu)]


@pytest.mark.parametrize(
    "listing",
    [
        "・制裁の強化\n・輸出規制\n・資産凍結\n・渡航禁止",  # a bulleted list, even at the end
        "主な合意内容\n関税の撤廃\n投資の保護\n人材の交流",  # short lines in the middle
    ],
)
def test_short_lines_in_content_are_kept(listing: str) -> None:
    src = f"{BEFORE}\n\n{listing}\n\n{AFTER}"
    assert clean_text(src) == (src, ())
    bulleted_end = f"{BEFORE}\n\n{AFTER}\n\n・制裁の強化\n・輸出規制\n・資産凍結\n・渡航禁止"
    assert clean_text(bulleted_end)[1] == ()


@pytest.mark.parametrize(
    ("tail", "removed_text"),
    [
        (
            "Jane Doe is a senior correspondent covering East Asia for the Daily Bulletin.",
            "Jane Doe is a senior correspondent covering East Asia for the Daily Bulletin.",
        ),
        ("山田花子　ワシントン支局記者。2015年入社。政治部を経て現職。", None),
        ("Kenta Mori\n\nコーヒー愛好家。旅行好き。テレビ中毒者。熱心なゲーマー。", None),
        ("Sam Lee\n\nCoffee junkie. Travel enthusiast. Typical internet nerd. Twitter scholar.", None),
        ("About the author: Maria Silva covers European politics from Brussels.", None),
    ],
)
def test_author_bio_at_end(tail: str, removed_text: str | None) -> None:
    text, removed = clean_text(f"{BEFORE}\n\n{AFTER}\n\n{tail}")
    assert text == f"{BEFORE}\n\n{AFTER}"
    assert [r.rule for r in removed] == ["author-bio"]
    assert removed[0].text == (removed_text or tail.replace("\n\n", "\n"))


@pytest.mark.parametrize(
    "tail",
    [
        "会談は約2時間。両首脳は握手。共同声明に署名。",  # terse news style, not a bio
        "Vladimir Putin is a former intelligence officer who has led Russia since 2000.",
        "プーチン氏は記者団に対し「協議を続ける」と述べた。",
        "Talks ended. Both sides left. Nothing was agreed. Talks resume soon.",
    ],
)
def test_tail_near_miss_is_kept(tail: str) -> None:
    src = f"{BEFORE}\n\n{tail}"
    assert clean_text(src) == (src, ())


def test_bio_in_the_middle_is_kept() -> None:
    src = f"{BEFORE}\n\nJane Doe is a senior correspondent for the Daily Bulletin.\n\n{AFTER}"
    assert clean_text(src) == (src, ())


def test_unchanged_text_is_returned_as_is() -> None:
    src = "  米国務長官が来日した。 \r\n\n\n\n\n林外相と会談した。  "
    assert clean_text(src) == (src, ())


def test_offsets_of_kept_text_point_at_original_characters() -> None:
    src = f"{BEFORE}\n\n1 min read\n\n{AFTER}"
    text, _ = clean_text(src)
    start = text.index("両外相")
    assert text[start : start + len(AFTER)] == AFTER


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("見出し　 \n本文。\t", "見出し\n本文。"),
        ("一\n\n\n\n\n\n二", "一\n\n\n二"),
        ("\n\n一\n\n二\n\n", "一\n\n二"),
        ("ＮＡＴＯ　首脳会議", "ＮＡＴＯ　首脳会議"),  # no NFKC, inner full-width space kept
    ],
)
def test_normalize_layout(raw: str, expected: str) -> None:
    assert normalize_layout(raw) == expected


def test_rules_load_from_data() -> None:
    rules = load_rules()
    names = {r.rule for r in rules.lines}
    assert {
        "read-time",
        "cloudflare",
        "cookies",
        "read-more",
        "share-widget",
        "comment-widget",
        "credit",
        "nav",
    } <= names
    assert rules.blocks and rules.blocks[0][0].rule == "related"
