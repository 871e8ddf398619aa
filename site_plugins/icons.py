"""The guide's app icons as PNG, drawn here (the favicon's picture: a white tick on an
indigo disc) without an image tool. Drawing takes seconds in pure Python, so the PNGs
are committed beside the worker (site_plugins/worker/); run this module to redraw them."""
import math
import struct
import zlib

INDIGO = (0x3F, 0x51, 0xB5)
WHITE = (0xFF, 0xFF, 0xFF)
# The favicon's tick on its 32-unit grid, and the width of its stroke.
TICK = ((9.0, 16.5), (14.0, 21.5), (23.0, 11.5))
STROKE = 3.5


def icon_png(size, maskable=False):
    """A square PNG of `size` pixels. The maskable one fills the square (a launcher crops
    it to its own shape) and keeps the tick inside the middle 80%, its safe zone."""
    scale = size / 32 * (0.8 if maskable else 1.0)
    offset = size / 2 - 16 * scale
    tick = [(offset + x * scale, offset + y * scale) for x, y in TICK]
    half_stroke, radius = STROKE * scale / 2, 15 * size / 32
    rows = []
    for y in range(size):
        row = bytearray([0])  # PNG filter type 0: the row as it is
        for x in range(size):
            px, py = x + 0.5, y + 0.5
            disc = 1.0 if maskable else _cover(math.hypot(px - size / 2, py - size / 2) - radius)
            ink = _cover(_to_polyline(px, py, tick) - half_stroke) if disc else 0.0
            row += bytes(round(b + (w - b) * ink) for b, w in zip(INDIGO, WHITE))
            row.append(round(255 * disc))
        rows.append(bytes(row))
    return _png(size, b"".join(rows))


def _cover(distance):
    """How much of a pixel a shape covers, from the distance of its centre to the edge."""
    return min(1.0, max(0.0, 0.5 - distance))


def _to_polyline(px, py, points):
    return min(_to_segment(px, py, a, b) for a, b in zip(points, points[1:]))


def _to_segment(px, py, a, b):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def _png(size, raw):
    """An 8-bit RGBA PNG: signature, header, compressed rows, end."""
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + b"".join(
        _chunk(kind, data) for kind, data in
        ((b"IHDR", header), (b"IDAT", zlib.compress(raw, 9)), (b"IEND", b"")))


def _chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data +
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


ICONS = {"icon-192.png": (192, False), "icon-512.png": (512, False),
         "icon-maskable-512.png": (512, True)}

if __name__ == "__main__":  # python -m site_plugins.icons: redraw the committed icons
    from pathlib import Path
    folder = Path(__file__).resolve().parent / "worker"
    for name, (size, maskable) in ICONS.items():
        (folder / name).write_bytes(icon_png(size, maskable))
