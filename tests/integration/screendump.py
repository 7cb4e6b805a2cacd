"""Canonical panel images from QEMU screendumps, and their comparison.

QEMU's OLED models draw each panel pixel as a square block of screen
pixels. The canonical image is one P6 pixel per panel pixel, only if every
block is one uniform colour from the panel's palette; anything else (a
blurred or half-drawn block, a colour the panel cannot show) is an error.

  screendump.py canonical DUMP OUT --panel WxH --scale N --levels L
      L = 2: black or white (SSD0303); L = 16: greys k * 17 (SSD0323).
  screendump.py compare CANONICAL REFERENCE
      prints how many panel pixels differ and the first few (x, y); exits 1
      when they differ.
  screendump.py png PPM PNG [--zoom N]
      an enlarged PNG of a canonical image, for reviewing a reference.
"""
import argparse
import os
import struct
import sys
import zlib


def read_ppm(path):
    data = open(path, "rb").read()
    # P6 header: magic, width, height, maxval, separated by whitespace.
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while pos < len(data) and not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    magic, width, height, maxval = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    if magic != b"P6" or maxval != 255:
        sys.exit(f"{path}: not a P6 image with maxval 255 ({magic} maxval {maxval})")
    return width, height, data[pos + 1:pos + 1 + 3 * width * height]


def canonical(args):
    panel_width, panel_height = (int(v) for v in args.panel.split("x"))
    width, height, rgb = read_ppm(args.dump)
    scale = args.scale
    if (width, height) != (panel_width * scale, panel_height * scale):
        sys.exit(f"unexpected screendump: {width}x{height}, expected "
                 f"{panel_width * scale}x{panel_height * scale}")
    step = 255 // (args.levels - 1)
    palette = {bytes([k * step] * 3) for k in range(args.levels)}
    out = bytearray()
    for y in range(panel_height):
        for x in range(panel_width):
            block = {rgb[3 * ((y * scale + dy) * width + x * scale + dx):][:3]
                     for dy in range(scale) for dx in range(scale)}
            if len(block) != 1 or not block <= palette:
                sys.exit(f"panel pixel ({x},{y}) is not one block of a panel colour: {block}")
            out += block.pop()
    open(args.out, "wb").write(b"P6\n%d %d\n255\n" % (panel_width, panel_height) + bytes(out))
    print("canonical image written")


def compare(args):
    a = open(args.canonical, "rb").read()
    b = open(args.reference, "rb").read() if os.path.exists(args.reference) else b""
    if a == b:
        print("identical")
        return
    if len(a) != len(b):
        print(f"sizes differ ({len(a)} and {len(b)} bytes)")
        sys.exit(1)
    width, height, pa = read_ppm(args.canonical)
    _, _, pb = read_ppm(args.reference)
    diff = [(i % width, i // width) for i in range(width * height)
            if pa[3 * i:3 * i + 3] != pb[3 * i:3 * i + 3]]
    print(f"{len(diff)} pixel(s) differ, first at (x, y) {diff[:5]}")
    sys.exit(1)


def png(args):
    width, height, rgb = read_ppm(args.ppm)
    zoom = args.zoom
    rows = b""
    for y in range(height * zoom):
        line = rgb[3 * width * (y // zoom):3 * width * (y // zoom + 1)]
        rows += b"\0" + b"".join(line[3 * x:3 * x + 3] * zoom for x in range(width))

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff))

    header = struct.pack(">IIBBBBB", width * zoom, height * zoom, 8, 2, 0, 0, 0)
    open(args.png, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
                               chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


parser = argparse.ArgumentParser()
commands = parser.add_subparsers(dest="command", required=True)
c = commands.add_parser("canonical")
c.add_argument("dump")
c.add_argument("out")
c.add_argument("--panel", required=True)
c.add_argument("--scale", type=int, required=True)
c.add_argument("--levels", type=int, choices=(2, 16), required=True)
c.set_defaults(run=canonical)
c = commands.add_parser("compare")
c.add_argument("canonical")
c.add_argument("reference")
c.set_defaults(run=compare)
c = commands.add_parser("png")
c.add_argument("ppm")
c.add_argument("png")
c.add_argument("--zoom", type=int, default=4)
c.set_defaults(run=png)
arguments = parser.parse_args()
arguments.run(arguments)
