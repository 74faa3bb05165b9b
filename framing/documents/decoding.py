"""Bytes to text: refuse binary files, pick the encoding (UTF-8, a byte-order mark, else
Windows-1252), repair double-encoded UTF-8, and normalise line endings.

framing.documents.splitting decides the same things block by block for a big file: it shares
the patterns and limits defined here.
"""

from __future__ import annotations

import codecs
import re

from framing.documents.document import DocumentReadError

BINARY_MAGIC_NUMBERS = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx, .xlsx, .odt)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Bytes that Windows-1252 leaves undefined: their presence means "not cp1252".
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01

# Double-encoded UTF-8: a UTF-8 lead byte then a continuation byte, both shown
# as their cp1252 characters ("é" -> "Ã©", "’" -> "â€™").
_MOJIBAKE_LEAD = bytes(range(0xC2, 0xF5)).decode("cp1252")
_MOJIBAKE_CONTINUATION = bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore")
MOJIBAKE_SEQUENCE = re.compile(
    f"[{re.escape(_MOJIBAKE_LEAD)}][{re.escape(_MOJIBAKE_CONTINUATION)}]"
)
MIN_MOJIBAKE_SEQUENCES = 2
REPAIRED_MOJIBAKE_ENCODING = "utf-8 (repaired mojibake)"  # the encoding named in meta

# Half of a UTF-16 surrogate pair, alone: JSON may spell one ("\\ud83d"), no UTF-8 text can hold
# one, so it is replaced by U+FFFD, the replacement character (same length: offsets hold).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# The meta key of a document whose text, id or metadata framing changed on reading, saying how.
READING_NOTE = "changed_on_reading"


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes; return (text with "\\n" line endings, encoding used).

    Raises DocumentReadError with code "binary" or "encoding". `name` is used
    in messages.
    """
    _refuse_binary(data, name, encoding)
    if encoding is not None:
        text, used = _decode_explicit(data, name, encoding), encoding
    elif data.startswith(codecs.BOM_UTF8):
        text, used = _decode_strict(data, name, "utf-8-sig"), "utf-8-sig"
    elif data.startswith(UTF16_BOMS):
        text, used = _decode_strict(data, name, "utf-16"), "utf-16"
    else:
        try:
            text, used = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, used = _decode_cp1252(data, name), "cp1252"
    if encoding is None:
        text, used = _repair_mojibake(text, used)
    return normalise_newlines(text), used


def replace_surrogates(value: str) -> tuple[str, int]:
    """`value` with each lone surrogate replaced by U+FFFD, and how many there were."""
    return _LONE_SURROGATE.subn("\ufffd", value)


def normalise_newlines(text: str) -> str:
    # Once, on reading, so every later offset refers to the same text.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _refuse_binary(data: bytes, name: str, encoding: str | None) -> None:
    for magic, what in BINARY_MAGIC_NUMBERS:
        if data.startswith(magic):
            raise DocumentReadError(
                "binary", f"{name} looks like {what}, not text; convert it to text first"
            )
    # UTF-16 text is full of NUL bytes, so only count them as binary otherwise.
    if data.startswith(UTF16_BOMS) or (encoding and _is_wide_encoding(encoding)):
        return
    if b"\x00" in data:
        raise DocumentReadError(
            "binary",
            f"{name} contains NUL bytes, so it looks like a binary file, not text "
            "(if it is UTF-16 text without a byte-order mark, pass --encoding utf-16-le)",
        )


def _is_wide_encoding(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def _decode_explicit(data: bytes, name: str, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise DocumentReadError(
            "encoding", f"cannot read {name}: unknown encoding {encoding!r} given with --encoding"
        ) from None
    text = _decode_strict(data, name, encoding)
    return text.removeprefix("\ufeff")  # a BOM is not part of the text


def _decode_strict(data: bytes, name: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DocumentReadError(
            "encoding",
            f"{name} cannot be decoded as {encoding} ({exc.reason} at byte {exc.start}); "
            "pass the right encoding with --encoding",
        ) from None


def _decode_cp1252(data: bytes, name: str) -> str:
    undefined = _CP1252_UNDEFINED.search(data)
    if undefined:
        raise DocumentReadError(
            "encoding",
            f"{name} is neither UTF-8 nor Windows-1252 text (byte 0x{data[undefined.start()]:02X} "
            f"at position {undefined.start()}); pass its encoding with --encoding "
            "(e.g. --encoding latin-1)",
        )
    text = data.decode("cp1252")
    control_share = len(CONTROL_CHARS.findall(text)) / len(text)
    if control_share > MAX_CONTROL_SHARE:
        raise DocumentReadError(
            "encoding",
            f"{name} is not UTF-8, and read as Windows-1252 it is {control_share:.1%} control "
            "characters, so it is probably in another encoding or not text; pass its "
            "encoding with --encoding",
        )
    return text


def _repair_mojibake(text: str, used: str) -> tuple[str, str]:
    """Undo UTF-8 that was read as cp1252 and saved again ("Ã©tÃ©" -> "été").

    Only when the whole text round-trips, so genuine accents are never touched.
    """
    if len(MOJIBAKE_SEQUENCE.findall(text)) < MIN_MOJIBAKE_SEQUENCES:
        return text, used
    try:
        repaired = text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text, used
    return repaired, REPAIRED_MOJIBAKE_ENCODING
