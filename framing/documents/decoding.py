"""Bytes to text: refuse binary files, pick the encoding (UTF-8, a byte-order mark, else
Windows-1252 for the lines, or the CSV/JSONL rows, that are not UTF-8), repair double-encoded
UTF-8, and normalise line endings.

framing.documents.splitting decides the same things block by block for a big file: it shares
the patterns and limits defined here.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from framing.documents.document import DocumentReadError

BINARY_MAGIC_NUMBERS = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx, .xlsx, .odt)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Bytes that are not UTF-8, as errors="surrogateescape" keeps them until they are read as cp1252.
_UNDECODED = re.compile("[\udc80-\udcff]")
# The encoding decode_table names for a file with rows that are not UTF-8: mend_fields reads each.
CP1252_ROWS = "cp1252"
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01
# A CSV or JSON Lines file with more NUL bytes than this share is binary (UTF-16 without a BOM is
# about half NUL bytes); with fewer, each row holding one is that row's error.
MAX_TABLE_NUL_SHARE = 0.1

# Double-encoded UTF-8: a UTF-8 lead byte then a continuation byte, both shown
# as their cp1252 characters ("é" -> "Ã©", "’" -> "â€™").
_MOJIBAKE_LEAD = bytes(range(0xC2, 0xF5)).decode("cp1252")
_MOJIBAKE_CONTINUATION = bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore")
MOJIBAKE_SEQUENCE = re.compile(
    f"[{re.escape(_MOJIBAKE_LEAD)}][{re.escape(_MOJIBAKE_CONTINUATION)}]"
)
MIN_MOJIBAKE_SEQUENCES = 2
REPAIRED_MOJIBAKE_ENCODING = "utf-8 (repaired mojibake)"  # the encoding named in meta

# Text read as Windows-1252 is refused when more than this share of its visible characters is
# not ASCII, or sits in runs of 3 or more such characters (French: "créée", "« À », "…»").
MAX_NON_ASCII_SHARE = 0.5
MAX_RUN_SHARE = 0.2
_NON_ASCII = re.compile(r"[^\x00-\x7f\s]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f\s]{3,}")
_SPACE = re.compile(r"\s")
MIN_VISIBLE_TO_JUDGE = 12  # a word or two ("Été", "Ça") is too short to judge

# Half of a UTF-16 surrogate pair, alone: JSON may spell one ("\\ud83d"), no UTF-8 text can hold
# one, so it is replaced by U+FFFD, the replacement character (same length: offsets hold).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# The meta key of a document whose text, id or metadata framing changed on reading, saying how.
READING_NOTE = "changed_on_reading"


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes; return (text with "\\n" line endings, encoding used).

    UTF-8 is decided line by line: a line that is not UTF-8 is read as Windows-1252, the rest
    stays UTF-8 (one stray byte does not garble the whole file). Raises DocumentReadError with
    code "binary" or "encoding". `name` is used in messages.
    """
    _refuse_binary(data, name, encoding)
    text, used = _decode(data, name, encoding)
    text = normalise_newlines(text)
    if encoding is None and used == CP1252_ROWS:
        text, used = _mend_lines(text, name)
    return text, used


def decode_table(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode a CSV or JSON Lines file as decode_bytes does, but leave each row's own problems to
    `mend_fields`: bytes that are not UTF-8 stay escaped (U+DC80-U+DCFF) and the encoding is then
    CP1252_ROWS; NUL bytes stay, unless so many that the file is not text."""
    _refuse_binary(data, name, encoding, nul_share=MAX_TABLE_NUL_SHARE)
    text, used = _decode(data, name, encoding)
    return normalise_newlines(text), used


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    if encoding is not None:
        return _decode_explicit(data, name, encoding), encoding
    if data.startswith(UTF16_BOMS):
        return _decode_strict(data, name, "utf-16"), "utf-16"
    used = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    text = data.decode(used, errors="surrogateescape")
    if has_undecoded(text):
        return text, CP1252_ROWS
    return _repair_mojibake(text, used)


def has_undecoded(text: str) -> bool:
    """Whether `text` holds bytes that were not UTF-8 (escaped by surrogateescape)."""
    return not text.isascii() and _UNDECODED.search(text) is not None


def mend_fields(fields: list[str], where: str, label: str,
                detected: bool) -> tuple[list[str], str]:
    """One row's fields (decode_table's text, parsed) as text, and the row's encoding: a row
    holding bytes that are not UTF-8 is read as Windows-1252; `label` is the file's encoding,
    `detected` False when it was forced. Raises DocumentReadError: "binary" for NUL bytes,
    "encoding" for bytes that are not text."""
    if any("\x00" in field for field in fields):
        raise DocumentReadError("binary", f"{where}: contains NUL bytes, so it is not text; "
                                          "fix or remove this row")
    if not any(map(has_undecoded, fields)):
        if detected and label == CP1252_ROWS:
            return fields, ("cp1252" if all(map(str.isascii, fields)) else "utf-8")
        return fields, label
    mended = [_cp1252(field, where) for field in fields]
    _check_cp1252("".join(mended), where)
    return mended, "cp1252"


def _mend_lines(text: str, name: str) -> tuple[str, str]:
    """Each line that holds bytes that are not UTF-8 read as Windows-1252; the encoding named."""
    lines = text.split("\n")
    mended: list[int] = []
    utf8 = False  # a line that is UTF-8 and not ASCII
    for i, line in enumerate(lines):
        if has_undecoded(line):
            lines[i] = _cp1252(line, f"{name}, line {i + 1}")
            mended.append(i)
        elif not utf8 and not line.isascii():
            utf8 = True
    _check_cp1252("".join(lines[i] for i in mended), name)
    if not utf8:
        return "\n".join(lines), "cp1252"
    shown = ", ".join(str(i + 1) for i in mended[:5]) + (" and more" if len(mended) > 5 else "")
    return "\n".join(lines), f"utf-8 (cp1252 on line{'s' if len(mended) > 1 else ''} {shown})"


def _cp1252(escaped: str, where: str) -> str:
    data = escaped.encode("utf-8", errors="surrogateescape")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise DocumentReadError(
            "encoding",
            f"{where} is neither UTF-8 nor Windows-1252 text (byte 0x{data[exc.start]:02X}); "
            "pass its encoding with --encoding (e.g. --encoding latin-1)",
        ) from None


def replace_surrogates(value: str) -> tuple[str, int]:
    """`value` with each lone surrogate replaced by U+FFFD, and how many there were."""
    return _LONE_SURROGATE.subn("\ufffd", value)


def composed(text: str, meta: dict) -> str:
    """`text` in Unicode NFC ("e" + U+0301 becomes "é", as keyboards type it), so that decomposed
    text (macOS file names, PDF copies) scores as the same text composed; `meta` says so when it
    changed the text. Offsets then index this text, not the file's."""
    if unicodedata.is_normalized("NFC", text):
        return text
    add_note(meta, COMPOSED_NOTE)
    return unicodedata.normalize("NFC", text)


COMPOSED_NOTE = "text normalised to NFC (accents composed): offsets index the normalised text"


def add_note(meta: dict, note: str) -> None:
    """Say in `meta` that reading changed something, after what was said already."""
    meta[READING_NOTE] = f"{meta[READING_NOTE]}; {note}" if READING_NOTE in meta else note


def normalise_newlines(text: str) -> str:
    # Once, on reading, so every later offset refers to the same text.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _refuse_binary(data: bytes, name: str, encoding: str | None, nul_share: float = 0) -> None:
    for magic, what in BINARY_MAGIC_NUMBERS:
        if data.startswith(magic):
            raise DocumentReadError(
                "binary", f"{name} looks like {what}, not text; convert it to text first"
            )
    # UTF-16 text is full of NUL bytes, so only count them as binary otherwise.
    if data.startswith(UTF16_BOMS) or (encoding and _is_wide_encoding(encoding)):
        return
    if data.count(b"\x00") > nul_share * len(data):
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


def _check_cp1252(text: str, where: str) -> None:
    """Refuse text read as Windows-1252 that does not look like text."""
    if not text:
        return
    if not _looks_like_cp1252_text(text):
        raise DocumentReadError(
            "encoding",
            f"{where} is not UTF-8, and read as Windows-1252 it is mostly accented letters and "
            "symbols in a row, not words, so it is probably in another encoding or not text; "
            "pass its encoding with --encoding",
        )
    control_share = len(CONTROL_CHARS.findall(text)) / len(text)
    if control_share > MAX_CONTROL_SHARE:
        raise DocumentReadError(
            "encoding",
            f"{where} is not UTF-8, and read as Windows-1252 it is {control_share:.1%} control "
            "characters, so it is probably in another encoding or not text; pass its "
            "encoding with --encoding",
        )


def _looks_like_cp1252_text(text: str) -> bool:
    """Whether text read as Windows-1252 looks like a Latin-script language: mostly ASCII, an
    accented letter here and there. Bytes that are not text (random 0xA0-0xFF) read as runs of
    accented letters and symbols ("ÿÆ¾Ð"), which no French or English text has."""
    visible = len(text) - len(_SPACE.findall(text))
    if visible < MIN_VISIBLE_TO_JUDGE:
        return True
    non_ascii = len(_NON_ASCII.findall(text))
    in_runs = sum(map(len, _NON_ASCII_RUN.findall(text)))
    return non_ascii <= MAX_NON_ASCII_SHARE * visible and in_runs <= MAX_RUN_SHARE * visible


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


# Guesses a detector cannot tell apart on French or English text (a French page in Windows-1252
# is "detected" as Baltic cp1257): for these, the Windows-1252 reading above, line by line.
_LATIN_SINGLE_BYTE = frozenset({
    "cp1250", "cp1252", "cp1254", "cp1257", "iso8859-1", "iso8859-2", "iso8859-3", "iso8859-4",
    "iso8859-9", "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16",
    "mac-roman", "mac-latin2", "cp437", "cp850", "cp858",
})  # fmt: skip


def decode_page(data: bytes, name: str, encoding: str | None = None,
                declared: str | None = None) -> tuple[str, str]:
    """Decode a web page's bytes; return (text with "\\n" line endings, encoding used).

    `--encoding` first, then a byte-order mark; then UTF-8 when the bytes are UTF-8 (pages
    labelled Latin-1 that are UTF-8 are common, the reverse by chance almost never); then the
    charset the page `declared` (undecodable bytes become U+FFFD, and the encoding named says how
    many); then a detected one (charset_normalizer) unless the guess is a Latin single-byte
    encoding, which detection cannot tell apart: those pages are read as decode_bytes reads text.
    Raises DocumentReadError as decode_bytes does.
    """
    if encoding is not None or data.startswith((codecs.BOM_UTF8, *UTF16_BOMS)):
        return decode_bytes(data, name, encoding)
    _refuse_binary(data, name, None)
    text, used = _decode(data, name, None)  # as decode_bytes does, once
    if used != CP1252_ROWS:  # the bytes are UTF-8
        return normalise_newlines(text), used
    if declared is not None and declared != "utf-8":
        return _decode_declared(data, declared)
    detected = _detected_encoding(data)
    if detected is not None:
        return _decode_declared(data, detected, "detected")
    return _mend_lines(normalise_newlines(text), name)


def _decode_declared(data: bytes, charset: str, how: str = "declared") -> tuple[str, str]:
    # Undecodable bytes come back escaped (U+DC80-U+DCFF), then each becomes U+FFFD: one decoding
    # gives the text and the count.
    text, replaced = _UNDECODED.subn("\ufffd", data.decode(charset, errors="surrogateescape"))
    used = f"{charset} ({how}" + (f"; {replaced} undecodable bytes as U+FFFD)" if replaced else ")")
    return normalise_newlines(text), used


def _detected_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    try:
        name = codecs.lookup(best.encoding).name
    except LookupError:
        return None
    return None if name in _LATIN_SINGLE_BYTE or name == "utf-8" else name
