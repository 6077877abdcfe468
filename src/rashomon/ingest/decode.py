"""Read an input file's bytes within a size limit and turn them into text, or say why not."""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from pathlib import Path

_CHUNK = 1 << 16
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of control characters (other than tab, newline, carriage return, form feed) above
# which decoded "text" is treated as binary. Real text has none; 1 % allows a few stray bytes.
_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class Unreadable(Exception):
    """A file that cannot be used; the message is the human reason shown in ``Skipped``."""


def read_bytes(path: Path, *, gz: bool, max_bytes: int) -> bytes:
    """The file's content (decompressed when ``gz``), never more than ``max_bytes`` bytes."""
    limit = f"the {max_bytes:,}-byte limit (setting ingest.max_bytes); raise it or split the file"
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise Unreadable(f"file is {size:,} bytes, over {limit}")
        if not gz:
            return path.read_bytes()
        out = bytearray()
        with gzip.open(path, "rb") as stream:
            while chunk := stream.read(_CHUNK):
                out += chunk
                if len(out) > max_bytes:
                    raise Unreadable(f"decompresses to more than {limit}")
        if not out.strip():
            raise Unreadable("gzip file that decompresses to nothing (or only whitespace)")
        return bytes(out)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise Unreadable(f"not a valid gzip file ({exc})") from None
    except OSError as exc:
        raise Unreadable(f"cannot read file: {exc.strerror or exc}") from None


def decode(data: bytes, *, declared: str | None = None) -> str:
    """``data`` as text: a byte-order mark, then the ``declared`` encoding (an HTTP charset)
    if it decodes ``data``, then UTF-8, else the encoding charset-normalizer detects. Raises
    ``Unreadable`` for empty, binary or undecodable content."""
    if not data.strip():
        raise Unreadable("empty file")
    text = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise Unreadable(f"starts with a {encoding} byte-order mark but is not valid "
                                 f"{encoding}") from None
            break
    if text is None and declared:
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    if text is None:
        if b"\x00" in data[:8192]:
            raise Unreadable("binary file (contains NUL bytes), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            from charset_normalizer import from_bytes

            matches = from_bytes(data)
            best = matches.best()
            if best is None:
                raise Unreadable(
                    "cannot detect the text encoding; convert the file to UTF-8"
                ) from None
            # Short texts often fit several code pages equally well; then prefer Western
            # European (cp1252), by far the most common legacy encoding of English text.
            tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
            best = next((m for m in tied if m.encoding == "cp1252"), best)
            text = str(best)
    if not text.strip():
        raise Unreadable("empty file")
    sample = text[:65536]  # binary bytes show up at once; no need to scan a whole page
    if len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise Unreadable("binary file (mostly non-text bytes), not text")
    return text
