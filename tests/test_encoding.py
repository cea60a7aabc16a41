"""Encoding detection: Japanese encodings decode, binary and undecodable bytes are refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import read_sources
from kg.ingest.encoding import binary_reason, decode_bytes

TEXTS = [
    "日銀は政策金利を据え置いた。",
    "韓国の尹錫悦大統領は、北朝鮮のミサイル発射を強く非難した。国連安全保障理事会は緊急会合を開く。",
    "インドネシアのジョコ大統領は、ASEAN首脳会議で「地域の安定が最優先だ」と述べた。\n\n会議は3日間の日程で開かれる。",
]
ENCODINGS = ["utf-8", "utf-8-sig", "cp932", "shift_jis", "euc_jp", "utf-16"]


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("text", TEXTS)
def test_decodes_japanese_encodings(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "x.txt") == text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp932", "euc_jp"])
def test_read_sources_detects_file_encoding(tmp_path: Path, encoding: str) -> None:
    text = "ＥＵ外相理事会\n\nＥＵは２７日の外相理事会で、対ロシア制裁の延長を決めた。"
    f = tmp_path / "eu.txt"
    f.write_bytes(text.encode(encoding))
    (doc,) = read_sources([f])
    assert doc.text == text  # full-width characters kept: no NFKC
    assert doc.title == "ＥＵ外相理事会"


def test_bom_is_dropped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "首相".encode(), "x.txt") == "首相"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "contains NUL bytes"),
        (b"PK\x03\x04\x14\x00\x06\x00", "contains NUL bytes"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 8 + b"text", "94% control characters"),
    ],
)
def test_binary_is_refused(data: bytes, reason: str) -> None:
    assert binary_reason(data) == reason
    with pytest.raises(InputError) as err:
        decode_bytes(data, "x.bin")
    assert err.value.code == "E104"
    assert reason in str(err.value)


@pytest.mark.parametrize(
    "data",
    [
        b"Summit \x80\xff\xfd\xfe\xff\x80 report \xff\xff",
        bytes(range(128, 256)) * 3,
        "Sanctions on \u201cshadow fleet\u201d tankers".encode(
            "cp1252"
        ),  # Western encodings are not expected
    ],
)
def test_undecodable_is_refused(data: bytes) -> None:
    with pytest.raises(InputError) as err:
        decode_bytes(data, "x.txt")
    assert err.value.code == "E102"
    assert "Convert the file to UTF-8" in str(err.value)


def test_text_with_tabs_and_escape_is_not_binary() -> None:
    iso = "中国外務省の報道官".encode("iso2022_jp")
    assert binary_reason(b"col1\tcol2\r\n" + iso) == ""
    assert decode_bytes(iso, "x.txt") == "中国外務省の報道官"
