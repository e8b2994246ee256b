"""Render resources/icons/kenshu-desk.svg into the PNG sizes installers use, and a Windows .ico.

The PNGs (48, 128, 256 px: Freedesktop hicolor sizes) and the .ico are committed next to the
SVG because installers take them as sources; run this again after changing the SVG:

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

Needs PySide6 (QtSvg renders the SVG) and Pillow (writes the multi-size .ico).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "kenshu-desk.svg"
PNG_SIZES = (48, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> bytes:
    """PNG bytes of the SVG drawn at size x size, antialiased, transparent background."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts, DPI)
    for size in PNG_SIZES:
        target = ICONS / f"kenshu-desk-{size}.png"
        # Through Pillow with optimisation: the committed files stay small.
        Image.open(io.BytesIO(render(size))).save(target, optimize=True)
        print(f"{target.relative_to(ICONS.parents[1])}: {target.stat().st_size} bytes")
    images = [Image.open(io.BytesIO(render(size))) for size in ICO_SIZES]
    ico = ICONS / "kenshu-desk.ico"
    # Each size drawn from the SVG, not scaled down from 256 px: small sizes stay crisp.
    images[-1].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    print(f"{ico.relative_to(ICONS.parents[1])}: {ico.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
