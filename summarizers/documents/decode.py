"""Bytes to text for plain-text formats (txt, md, html).

Decoding never guesses blindly: byte-order marks first, then strict UTF-8, then UTF-16 without a BOM (told by its
pattern of zero bytes), then charset detection, with cp1252 as the last resort for Western text. The character cap
is applied before decoding where the byte count already proves it broken: no encoding used here spends fewer than
one byte a character, so a text-only file cannot hold fewer characters than a quarter of its bytes."""

from __future__ import annotations

from summarizers.errors import DocumentError
from summarizers.messages import Message

_BOMS: tuple[tuple[bytes, str], ...] = (
    # The generic codecs read the byte-order mark and drop it from the text.
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
MAX_BYTES_PER_CHAR = 4  # UTF-32 and the longest UTF-8 sequence
DETECTION_SAMPLE = 64 * 1024  # charset detection reads this much; the full decode then runs in C


def _looks_like_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-range text puts a zero in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _is_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 100)


def _detected(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported late: only non-UTF-8 files need it

    best = from_bytes(data[:DETECTION_SAMPLE]).best()
    # Statistical detectors cannot tell the Western single-byte code pages apart on short text (cp1250 and
    # cp1252 differ in a few letters); for Latin text, cp1252 is by far the likeliest and is chosen when it decodes.
    single_byte_latin = best is None or best.encoding.startswith(("cp125", "iso8859", "latin", "mac_"))
    if single_byte_latin:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    if best is not None:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            # Detected on a sample, the encoding can fail further on: keep the text, mark the bad bytes.
            return data.decode(best.encoding, errors="replace"), best.encoding
    return data.decode("cp1252", errors="replace"), "cp1252"


def decode(data: bytes, name: str = "document") -> tuple[str, str]:
    """Decode bytes to text, returning (text, encoding used)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise DocumentError(name, Message("reading.bad_byte_order_mark", encoding=encoding)) from error
    utf16 = _looks_like_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if _is_binary(data):
        raise DocumentError(name, Message("reading.binary"))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detected(data)
