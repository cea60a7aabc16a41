"""Turn the bytes of a source file into text, or say why it cannot be done.

The order is: binary check (NUL bytes, control characters), UTF-16 when a
byte-order mark says so, a strict UTF-8 try (a UTF-8 BOM is dropped; 7-bit
ISO-2022-JP escapes are recognised), strict CP932 (Shift_JIS) and EUC-JP
tries (when both decode, the one that looks more like Japanese wins: short
texts fool statistical detectors), and last :mod:`charset_normalizer`, whose
guess is accepted only for the encodings in :data:`ALLOWED_ENCODINGS`.

>>> decode_bytes("北京で会談".encode("cp932"), "a.txt")
'北京で会談'
>>> decode_bytes(b"\\xef\\xbb\\xbfhello", "a.txt")
'hello'
"""

from __future__ import annotations

import codecs
import logging
import re

from kg.errors import InputError

__all__ = ["decode_bytes", "binary_reason", "ALLOWED_ENCODINGS"]

log = logging.getLogger(__name__)

#: charset-normalizer names we accept (anything else is "undecodable").
ALLOWED_ENCODINGS = frozenset(
    {
        "ascii",
        "utf_8",
        "utf_16",
        "utf_16_le",
        "utf_16_be",
        "cp932",
        "shift_jis",
        "shift_jis_2004",
        "shift_jisx0213",
        "euc_jp",
        "euc_jis_2004",
        "euc_jisx0213",
        "iso2022_jp",
        "iso2022_jp_1",
        "iso2022_jp_2",
        "iso2022_jp_ext",
    }
)
#: Japanese encodings tried (strictly) after UTF-8; the best-looking decoding wins.
_JAPANESE = ["cp932", "euc_jp"]
_ISO2022_ESCAPE = b"\x1b$B"
_GOOD = re.compile(r"[\u3041-\u309f\u30a1-\u30ff\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]")
_BAD = re.compile(r"[\uff61-\uff9f\ue000-\uf8ff\x80-\x9f]")
#: control characters that plain text may carry (tab, newlines, form feed, ESC for ISO-2022-JP).
_TEXT_CONTROLS = {9, 10, 12, 13, 27}
#: share of other control bytes above which a file counts as binary.
BINARY_CONTROL_RATIO = 0.05


def binary_reason(data: bytes) -> str:
    """Why the bytes look binary, or ``""`` when they look like text.

    UTF-16 with a byte-order mark is text even though it has NUL bytes.

    Examples
    --------
    >>> binary_reason(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    'contains NUL bytes'
    >>> binary_reason("日本語".encode("utf-8"))
    ''
    >>> binary_reason(bytes(range(1, 9)) * 4)
    '100% control characters'
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ""
    if b"\x00" in data:
        return "contains NUL bytes"
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    if sample and controls / len(sample) > BINARY_CONTROL_RATIO:
        return f"{controls / len(sample):.0%} control characters"
    return ""


def _normal_name(name: str) -> str:
    return codecs.lookup(name).name.replace("-", "_")


def decode_bytes(data: bytes, path: str) -> str:
    """Decode the bytes of one file.

    Parameters
    ----------
    data : bytes
        The raw file content (not empty).
    path : str
        Shown in error messages.

    Returns
    -------
    str
        The text, without a byte-order mark.

    Raises
    ------
    InputError
        ``E104`` when the bytes look binary, ``E102`` when no accepted
        encoding decodes them.

    Examples
    --------
    >>> decode_bytes("外務省は声明を出した。".encode("euc_jp"), "x.txt")
    '外務省は声明を出した。'
    >>> decode_bytes(b"\\x00\\x01\\x02", "x.bin")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: [E104] x.bin: looks binary (contains NUL bytes); expected a text, HTML or JSON Lines file
    """
    why = binary_reason(data)
    if why:
        raise InputError.make("E104", path=path, detail=why)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError.make(
                "E102", path=path, detail=f"UTF-16 byte-order mark, but {err.reason}"
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = f"not UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}"
    else:
        if _ISO2022_ESCAPE in data:  # 7-bit ISO-2022-JP is also valid UTF-8
            try:
                return data.decode("iso2022_jp")
            except UnicodeDecodeError:
                pass
        return text
    fits = {}
    for enc in _JAPANESE:
        try:
            fits[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    fits = {enc: text for enc, text in fits.items() if _japanese_score(text) > 0}
    if fits:
        enc = max(fits, key=lambda e: _japanese_score(fits[e]))
        log.info("%s: decoded as %s", path, enc)
        return fits[enc]
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or _normal_name(best.encoding) not in ALLOWED_ENCODINGS:
        raise InputError.make("E102", path=path, detail=f"{utf8_error}; no Japanese encoding fits either")
    log.info("%s: decoded as %s (charset-normalizer)", path, best.encoding)
    return str(best).removeprefix("\ufeff")


def _japanese_score(text: str) -> float:
    """How much a decoding looks like Japanese: kana and kanji count, half-width
    katakana and private-use characters (typical mojibake) count against.

    >>> _japanese_score("外相会談") > _japanese_score("ｳ｡ﾁ揄ｲ")
    True
    """
    good = len(_GOOD.findall(text))
    bad = len(_BAD.findall(text))
    return (good - 3 * bad) / max(len(text), 1)
