"""Reading untrusted text files: decode with a visible warning, refuse binaries, never crash."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class TextFileError(Exception):
    """A file that cannot be read as text; `str()` is one line a user can act on."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    warning: str | None  # set when the bytes were not clean UTF-8


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode article bytes: UTF-8 (BOM allowed), else cp1252/latin-1 with a warning.

    UTF-16/32 with a byte-order mark (what some Windows editors save) is read too, with a
    warning; other bytes full of NULs and controls are refused as binary.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError:
                break
            return Decoded(text, f"{name}:1: {enc.upper()} text, read as such (re-save the file "
                                 "as UTF-8)")
    if _looks_binary(data[:8192]):
        raise TextFileError(f"{name}: looks like a binary file, not text; skipped (convert it to "
                            "UTF-8 text)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return Decoded(data.decode("utf-8"), None)
    except UnicodeDecodeError as exc:
        bad = exc.start
    line = data.count(b"\n", 0, bad) + 1
    try:
        text = data.decode("cp1252")
        enc = "cp1252"
    except UnicodeDecodeError:
        text, enc = data.decode("latin-1"), "latin-1"
    return Decoded(text, f"{name}:{line}: not valid UTF-8; read as {enc} (re-save the file as "
                         "UTF-8)")


_CONTROLS = bytes(b for b in range(32) if b < 9 or 13 < b < 32)


def _looks_binary(head: bytes) -> bool:
    """Binary: many controls, or NULs in bytes that are not UTF-8 (an image, a PDF, a zip).

    A stray NUL in otherwise clean text (scraped pages have them) is shown, not refused.
    """
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROLS))  # C speed: 8 KiB per article
    if controls / len(head) > 0.10 or head.count(0) > 1 + len(head) // 200:
        return True
    if b"\x00" in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            return exc.start < len(head) - 4  # not just a character cut at the 8 KiB mark
    return False


def read_text(path: Path) -> Decoded:
    """Read a text file exactly as stored: offsets are into these code points, CRLF included."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TextFileError(f"{path}: cannot read ({exc.strerror or exc}); check the file's "
                            "permissions") from None
    if not data.strip():
        raise TextFileError(f"{path}: empty file; skipped (add text or remove it)")
    decoded = decode_bytes(data, str(path))
    return decoded
