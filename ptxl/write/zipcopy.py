"""A zip rewritten entry by entry, copying untouched entries as their raw compressed bytes.

Why not ``zipfile``: it can only write an entry by compressing it again, which
costs time on a large workbook and changes bytes nobody asked to change. Here an
untouched part keeps its local header, compressed data, timestamps and flags
exactly; only the replaced parts are deflated anew. ZIP64 archives (over 4 GB
or 65,535 entries, never a real workbook) are refused so the caller can fall
back on ``zipfile``.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from ..read import limits

EOCD = b"PK\x05\x06"
CENTRAL = b"PK\x01\x02"
LOCAL = b"PK\x03\x04"
DESCRIPTOR = b"PK\x07\x08"
UTF8_FLAG = 0x800


class Unsupported(ValueError):
    """The archive uses a feature this copier does not handle (ZIP64, multi-disk)."""


@dataclass
class Entry:
    name: str
    method: int
    flags: int
    dostime: int  # (date << 16) | time, as stored
    crc: int
    csize: int
    usize: int
    raw: bytes  # the compressed data only
    local_header: bytes | None = None  # original local header + descriptor, kept for raw copies
    descriptor: bytes = b""
    central_tail: bytes | None = None  # central record after the fixed part (name, extra, comment)
    central_head: bytes | None = None  # fixed 46-byte central record of the original

    def read(self) -> bytes:
        """The part's bytes; ``limits.Refused`` when it is over the read limits or does not inflate to exactly
        its declared size and CRC (the directory can lie: the inflation is bounded, never trusted)."""
        if self.method == 0:
            if len(self.raw) != self.usize:
                raise limits.Refused("corrupt_zip")
            return self.raw
        if self.method == 8:
            return limits.inflate(self.raw, self.usize, self.crc, self.name)
        raise Unsupported(f"compression method {self.method}")


def read_entries(data: bytes) -> tuple[list[Entry], bytes]:
    """The entries of a zip held in memory, in central-directory order, and the archive comment."""
    pos = data.rfind(EOCD, max(0, len(data) - 65557))
    if pos < 0:
        raise Unsupported("no end of central directory")
    (_sig, disk, cd_disk, n_disk, n_total, cd_size, cd_off, clen) = struct.unpack_from("<4sHHHHIIH", data, pos)
    if disk or cd_disk or n_disk != n_total or 0xFFFF in (n_total,) or 0xFFFFFFFF in (cd_size, cd_off):
        raise Unsupported("multi-disk or ZIP64 archive")
    comment = data[pos + 22:pos + 22 + clen]
    entries, p = [], cd_off
    for _ in range(n_total):
        if data[p:p + 4] != CENTRAL:
            raise Unsupported("bad central directory")
        (_s, _vm, _vn, flags, method, time, date, crc, csize, usize, nlen, xlen, klen, _d, _ia, _ea,
         off) = struct.unpack_from("<4sHHHHHHIIIHHHHHII", data, p)
        raw_name = data[p + 46:p + 46 + nlen]
        name = raw_name.decode("utf-8" if flags & UTF8_FLAG else "cp437")
        head, tail = data[p:p + 46], data[p + 46:p + 46 + nlen + xlen + klen]
        p += 46 + nlen + xlen + klen
        if data[off:off + 4] != LOCAL:
            raise Unsupported("bad local header")
        lnlen, lxlen = struct.unpack_from("<HH", data, off + 26)
        start = off + 30 + lnlen + lxlen
        end = start + csize
        desc = b""
        if flags & 0x8:
            dlen = 16 if data[end:end + 4] == DESCRIPTOR else 12
            desc = data[end:end + dlen]
        entries.append(Entry(name, method, flags, (date << 16) | time, crc, csize, usize, data[start:end],
                             data[off:start], desc, tail, head))
    return entries, comment


LEVEL = 2  # zlib's compression level for a rewritten part (see ``new_entry``)


def new_entry(name: str, content: bytes, like: Entry | None = None) -> Entry:
    """A deflated entry; ``like`` lends its timestamp so a rewritten part keeps its date.

    Level ``LEVEL``, not zlib's default 6: a refresh rewrites its output sheets every time, and
    deflating them is 3× faster at level 2 for a file ~1 % larger (realistic M: 16 → 5 ms, +33 KB of
    3.6 MB; legacy import M, its 8.7 MB checks sheet: 96 → 34 ms, +200 KB of 4.2 MB; issue 14,
    bench/RESULTS.md part G). The parts' bytes are the same: only their compressed form differs."""
    comp = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    raw = comp.compress(content) + comp.flush()
    flags = UTF8_FLAG if not name.isascii() else 0
    dostime = like.dostime if like is not None else (33 << 16)  # 1980-01-01
    return Entry(name, 8, flags, dostime, zlib.crc32(content), len(raw), len(content), raw)


def write_entries(entries: list[Entry], comment: bytes = b"") -> bytes:
    out, central = [], []
    offset = 0
    for e in entries:
        if e.local_header is not None:
            local = e.local_header + e.raw + e.descriptor
            head = bytearray(e.central_head)
            struct.pack_into("<I", head, 42, offset)
            central.append(bytes(head) + e.central_tail)
        else:
            name = e.name.encode("utf-8")
            time, date = e.dostime & 0xFFFF, e.dostime >> 16
            local = struct.pack("<4sHHHHHIIIHH", LOCAL, 20, e.flags, e.method, time, date, e.crc, e.csize,
                                e.usize, len(name), 0) + name + e.raw
            central.append(struct.pack("<4sHHHHHHIIIHHHHHII", CENTRAL, 20, 20, e.flags, e.method, time, date,
                                       e.crc, e.csize, e.usize, len(name), 0, 0, 0, 0, 0, offset) + name)
        out.append(local)
        offset += len(local)
    cd = b"".join(central)
    if offset > 0xFFFFFFFF or len(entries) > 0xFFFE:
        raise Unsupported("archive too large for a plain zip")
    out.append(cd)
    out.append(struct.pack("<4sHHHHIIH", EOCD, 0, 0, len(entries), len(entries), len(cd), offset, len(comment)))
    out.append(comment)
    return b"".join(out)
