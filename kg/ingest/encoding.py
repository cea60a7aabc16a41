"""Turn the bytes of a source file into text, or say why it cannot be done.

The order is: binary check (NUL bytes, control characters), a strict UTF-8
try (a byte-order mark is dropped), then :mod:`charset_normalizer`, whose
guess is accepted only for the encodings Japanese and English news come in
(Shift_JIS/CP932, EUC-JP, ISO-2022-JP, UTF-16 with a BOM).

>>> decode_bytes("北京で会談".encode("cp932"), "a.txt")
'北京で会談'
>>> decode_bytes(b"\\xef\\xbb\\xbfhello", "a.txt")
'hello'
"""

from __future__ import annotations

import codecs
import logging

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
#: Japanese encodings tried when the open guess lands on something else.
_JAPANESE = ["cp932", "euc_jp", "iso2022_jp"]
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
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = f"not UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or _normal_name(best.encoding) not in ALLOWED_ENCODINGS:
        best = from_bytes(data, cp_isolation=_JAPANESE).best()
    if best is None:
        raise InputError.make("E102", path=path, detail=f"{utf8_error}; no Japanese encoding fits either")
    text = str(best)
    log.info("%s: decoded as %s", path, best.encoding)
    return text.removeprefix("\ufeff")
