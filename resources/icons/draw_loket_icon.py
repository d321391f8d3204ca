"""Draw Loket's application icon (loket.png and the multi-size loket.ico beside this file).

Kept as a script so the mark can be redrawn or retuned instead of living only as binary
files. A development-time tool: it needs Pillow, which the app itself does not use, and it
is not part of the bundle. Run: ``.venv/bin/python resources/icons/draw_loket_icon.py``.

The mark: a white "L" whose foot is a service counter, with a warm amber coin resting on
it, on a deep-blue rounded tile.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
CANVAS = 1024  # drawn large, then downsampled, so every size is anti-aliased
BLUE_TOP = (30, 64, 145)
BLUE_BOTTOM = (17, 40, 99)
WHITE = (255, 255, 255)
AMBER = (245, 166, 35)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def _tile() -> Image.Image:
    """The rounded tile with a gentle top-to-bottom gradient."""
    gradient = Image.new("RGB", (CANVAS, CANVAS))
    draw = ImageDraw.Draw(gradient)
    for y in range(CANVAS):
        t = y / (CANVAS - 1)
        draw.line([(0, y), (CANVAS, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(BLUE_TOP, BLUE_BOTTOM)))
    mask = Image.new("L", (CANVAS, CANVAS), 0)
    ImageDraw.Draw(mask).rounded_rectangle([40, 40, CANVAS - 41, CANVAS - 41], radius=210, fill=255)
    tile = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    tile.paste(gradient, (0, 0), mask)
    return tile


def draw() -> Image.Image:
    image = _tile()
    draw = ImageDraw.Draw(image)
    # The L: a stem and a foot that runs out to the right as the counter top.
    draw.rounded_rectangle([262, 214, 412, 790], radius=36, fill=WHITE)
    draw.rounded_rectangle([262, 660, 790, 790], radius=36, fill=WHITE)
    # The coin on the counter.
    draw.ellipse([520, 424, 756, 660], fill=AMBER)
    draw.ellipse([578, 482, 698, 602], outline=(255, 214, 140), width=22)
    return image


def main() -> None:
    image = draw()
    image.resize((512, 512), Image.LANCZOS).save(HERE / "loket.png", optimize=True)
    image.save(HERE / "loket.ico", sizes=ICO_SIZES)


if __name__ == "__main__":
    main()
