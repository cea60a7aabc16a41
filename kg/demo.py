"""Demo articles and a tiny example graph, for docstrings, notebooks and trying the API.

>>> sorted(DEMO_ARTICLES)
['broken.txt', 'eu_sanctions.html', 'paris_talks.txt', 'wire.jsonl']
"""

from __future__ import annotations

import functools
import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

__all__ = ["DEMO_ARTICLES", "EXAMPLE_RECORDS", "write_demo_articles", "example_graph"]

#: Files written by :func:`write_demo_articles`: one text, one HTML, one JSON Lines
#: file and one broken file (binary bytes named ``.txt``), to show what is skipped and why.
DEMO_ARTICLES: dict[str, str | bytes] = {
    "paris_talks.txt": (
        "---\ntitle: 仏ウクライナ首脳が会談\npublished: 2024-06-08\n---\n"
        "フランスのマクロン大統領は7日、パリでウクライナのゼレンスキー大統領と会談した。"
        "マクロン大統領はウクライナへの追加の軍事支援を約束した。\n"),
    "eu_sanctions.html": (
        "<html><head><meta charset='utf-8'><title>EU imposes new sanctions on Iran</title>"
        "<meta name='date' content='2024-05-21'></head><body><article><h1>EU imposes new sanctions on Iran</h1>"
        "<p>The European Union imposed new sanctions on Iran on Monday over its drone deliveries to Russia.</p>"
        "<p>Iran's foreign ministry condemned the decision.</p></article></body></html>\n"),
    "wire.jsonl": (
        json.dumps({"id": "wire-0612-1", "published": "2024-06-12", "title": "中国、台湾への武器売却を非難",
                    "text": "中国外務省は12日、米国による台湾への武器売却を強く非難した。"}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "wire-0612-2", "published": "2024-06-12", "title": "Japan and the Philippines sign pact",
                      "text": "Japan and the Philippines signed a defence agreement in Manila on Wednesday."},
                     ensure_ascii=False) + "\n"),
    "broken.txt": b"\x00\x01\x02\xff\xfe\x00PK\x03\x04" * 8,
}

#: The two records of :func:`example_graph` (one Japanese, one English sentence).
EXAMPLE_RECORDS = (
    {"id": "example-ja", "published": "2024-06-12", "text": "韓国の尹錫悦大統領は日本の岸田首相と電話で会談した。"},
    {"id": "example-en", "published": "2024-06-12", "text": "Germany condemned Iran for supplying drones to Russia."},
)


def write_demo_articles(folder: str | Path) -> Path:
    """Write :data:`DEMO_ARTICLES` (text, HTML, JSON Lines and one broken file) into ``folder``.

    Examples
    --------
    >>> import tempfile
    >>> sorted(p.name for p in write_demo_articles(tempfile.mkdtemp()).iterdir())
    ['broken.txt', 'eu_sanctions.html', 'paris_talks.txt', 'wire.jsonl']
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in DEMO_ARTICLES.items():
        if isinstance(content, bytes):
            (folder / name).write_bytes(content)
        else:
            (folder / name).write_text(content, encoding="utf-8")
    return folder


@functools.lru_cache(maxsize=1)
def example_graph() -> KnowledgeGraph:
    """A tiny graph built (once per process) from :data:`EXAMPLE_RECORDS`, for examples and trying the API.

    It needs the GiNZA model; the build goes to a temporary folder without a cache.
    """
    import atexit
    import shutil

    base = Path(tempfile.mkdtemp(prefix="kizuna-example-"))
    atexit.register(shutil.rmtree, base, True)
    src = base / "example.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in EXAMPLE_RECORDS), encoding="utf-8")
    from kg.api import KnowledgeGraph

    return KnowledgeGraph.build([src], base / "build", use_cache=False)
