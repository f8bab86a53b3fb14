"""Resource limits on reading a workbook, checked from the zip's directory before any parser sees it.

Why: an .xlsx is a zip, and a 2 MB file can hold a sheet that inflates to
gigabytes; python-calamine would then take minutes and gigabytes, and under a
memory cap the process dies without a word (exit 134). The zip's central
directory says what each part inflates to, so a file over the limits is refused
from the directory alone, in milliseconds, with a plain message.

The directory may lie. python-calamine (Rust ``zip``) and ``zipfile`` stop at
the declared size (then fail on it or on the CRC), so once the declared sizes
are within the limits they bound those readers too; where ptxl inflates a part
itself (``inflate``, ``read_part``) the inflation is bounded the same way. The
local headers must agree with the directory and the parts must not overlap or
repeat, so every reader sees the parts that were checked and nothing else.

Defaults fit 10,000 families (the benchmark's L workbook: 221 MB inflated in
all, largest part 124 MB, ratio at most 13) four to five times over; the
environment variables below raise them for a larger file. They are not
workbook settings: the settings sheet cannot be read before this check.
"""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from ..i18n import register
from ..model.problems import Problem
from .messages import FileProblem

MB = 1 << 20
ENV_TOTAL, ENV_PART, ENV_RATIO = "PTXL_MAX_UNZIPPED_MB", "PTXL_MAX_PART_MB", "PTXL_MAX_RATIO"
DEFAULT_TOTAL_MB, DEFAULT_PART_MB, DEFAULT_RATIO = 1024, 512, 100
RATIO_GRACE = MB  # a part smaller than this is not judged by its ratio: it cannot hurt
LOCAL, EOCD, DATA_DESCRIPTOR = b"PK\x03\x04", b"PK\x05\x06", 0x08
METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # the only ones Excel writes
PIECE = 1 << 18  # bytes of a part inflated at a time by ``read_part_pieces``: stays in a core's second-level cache
LIMITS = register("limits", {  # a value is what is typed (PTXL_MAX_PART_MB=1024): never with thousands separators
    "not_a_number": ("La variable d'environnement {key}={raw} doit être un nombre entier positif (par défaut "
                     "{usual}).",
                     "De omgevingsvariabele {key}={raw} moet een positief geheel getal zijn (standaard {usual}).",
                     "The environment variable {key}={raw} must be a positive whole number (default {usual})."),
})


@dataclass(frozen=True)
class Limits:
    total: int  # bytes inflated, all parts together
    part: int  # bytes inflated, one part
    ratio: float  # inflated / compressed size of one part (parts over RATIO_GRACE)

    @classmethod
    def from_env(cls, environ=None) -> "Limits":
        env = os.environ if environ is None else environ
        return cls(_env_number(env, ENV_TOTAL, DEFAULT_TOTAL_MB) * MB, _env_number(env, ENV_PART, DEFAULT_PART_MB) * MB,
                   _env_number(env, ENV_RATIO, DEFAULT_RATIO))


def _env_number(env, key: str, default: int) -> int:
    raw = env.get(key)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        value = 0
    if value <= 0:
        raise Problem(LIMITS.not_a_number, key=key, raw=repr(raw), usual=str(default))
    return value


class Refused(ValueError):
    """A part ptxl inflates itself is refused; raised where the file's name is not known, so the caller turns it
    into ``FileProblem(kind, name, **params)`` (``as_problem``)."""

    def __init__(self, kind: str, **params):
        super().__init__(kind)
        self.kind, self.params = kind, params

    def as_problem(self, name: str) -> FileProblem:
        return FileProblem(self.kind, name, **self.params)


def check_package(zf: zipfile.ZipFile, data: bytes, name: str, limits: Limits | None = None) -> None:
    """Refuse (``FileProblem``) a zip whose directory is inconsistent or whose parts would inflate past the limits.

    Reads only the central directory and the 30-byte local headers: nothing is inflated.
    """
    limits = limits or Limits.from_env()
    infos = zf.infolist()
    _check_directory(infos, data, name)
    for i in infos:  # a part first: the message can name it
        over = _over(i.filename, i.file_size, i.compress_size, limits)
        if over:
            raise over.as_problem(name)
    total = sum(i.file_size for i in infos)
    if total > limits.total:
        raise FileProblem("too_large", name, size=_mb(total), limit=limits.total // MB, env=ENV_TOTAL,
                          suggest=str(_suggest(total)))  # a value to type: never "1 300"


def _over(part: str, size: int, compressed: int, limits: Limits) -> "Refused | None":
    """Why one part is over the limits (``Refused``, not raised), or None."""
    if size > limits.part:
        return Refused("part_too_large", part=part, size=_mb(size), limit=limits.part // MB, env=ENV_PART,
                       suggest=str(_suggest(size)))
    ratio = size / max(compressed, 1)
    if size > RATIO_GRACE and ratio > limits.ratio:
        return Refused("too_compressed", part=part, size=_mb(size), ratio=int(ratio), limit=int(limits.ratio),
                       env=ENV_RATIO, ratio_suggest=str(-(-2 * int(ratio) // 100) * 100))
    return None


def _check_directory(infos: list, data: bytes, name: str) -> None:
    """The central directory, the end record and each local header tell the same story, and parts do not overlap."""
    pos = data.rfind(EOCD, max(0, len(data) - 65557))
    if pos >= 0 and len(data) >= pos + 22:
        n_total = struct.unpack_from("<H", data, pos + 10)[0]
        if n_total != 0xFFFF and n_total != len(infos):  # Rust zip counts from here, zipfile from the directory
            raise FileProblem("corrupt_zip", name)
    names, spans = set(), []
    for i in infos:
        if i.filename in names or i.compress_type not in METHODS:
            raise FileProblem("corrupt_zip", name)
        names.add(i.filename)
        off = i.header_offset
        if data[off:off + 4] != LOCAL or len(data) < off + 30:
            raise FileProblem("corrupt_zip", name)
        flags, method, crc, csize, usize, nlen, xlen = struct.unpack_from("<6xHH4xIIIHH", data, off)
        raw_name = data[off + 30:off + 30 + nlen]
        if method != i.compress_type or raw_name != i.orig_filename.encode("utf-8" if i.flag_bits & 0x800 else "cp437"):
            raise FileProblem("corrupt_zip", name)
        if not flags & DATA_DESCRIPTOR and 0xFFFFFFFF not in (csize, usize) and (
                (crc, csize, usize) != (i.CRC, i.compress_size, i.file_size)):
            raise FileProblem("corrupt_zip", name)
        if method == zipfile.ZIP_STORED and i.compress_size != i.file_size:
            raise FileProblem("corrupt_zip", name)
        start = off + 30 + nlen + xlen
        spans.append((off, start + i.compress_size))
    end = 0
    for off, stop in sorted(spans):
        if off < end or stop > len(data):
            raise FileProblem("corrupt_zip", name)
        end = stop


def _mb(n: int) -> int:
    return -(-n // MB)


def _suggest(n: int) -> int:
    """A limit with room above ``n`` (twice it, in whole hundreds of megabytes) for the message."""
    return -(-2 * n // (100 * MB)) * 100


def read_part(zf: zipfile.ZipFile, part: str, name: str, limits: Limits | None = None) -> bytes:
    """One part's bytes, never more than its declared size nor the limits (zipfile stops at the declared size,
    then checks the CRC: a lying entry raises ``zipfile.BadZipFile``)."""
    return zf.read(_checked(zf, part, name, limits))


def read_part_pieces(zf: zipfile.ZipFile, part: str, name: str, limits: Limits | None = None,
                     size: int = PIECE) -> Iterator[bytes]:
    """``read_part`` in pieces of ``size`` bytes, as they are inflated, and with the same checks (made at the
    first piece; the CRC once the last is read). Why: a caller that only searches the part looks at each
    piece while it is still in the processor's cache, and the pieces need not be joined."""
    with zf.open(_checked(zf, part, name, limits)) as fh:
        while piece := fh.read(size):
            yield piece


def _checked(zf: zipfile.ZipFile, part: str, name: str, limits: Limits | None) -> zipfile.ZipInfo:
    """The part's entry, once its declared size is within the limits and its method one Excel writes."""
    info = zf.getinfo(part)
    over = _over(part, info.file_size, info.compress_size, limits or Limits.from_env())
    if over:
        raise over.as_problem(name)
    if info.compress_type not in METHODS:
        raise FileProblem("corrupt_zip", name)
    return info


def inflate(raw: bytes, declared: int, crc: int, part: str = "", limits: Limits | None = None) -> bytes:
    """Raw deflate data → its bytes, stopping one byte past the declared size; ``Refused`` when it is over the
    limits, or unless it is exactly the declared size with the declared CRC (a damaged or forged entry)."""
    over = _over(part, declared, len(raw), limits or Limits.from_env())
    if over:
        raise over
    d = zlib.decompressobj(-15)
    try:
        out = d.decompress(raw, declared + 1)
    except zlib.error:
        raise Refused("corrupt_zip") from None
    if len(out) != declared or not d.eof or zlib.crc32(out) != crc:
        raise Refused("corrupt_zip")
    return out
