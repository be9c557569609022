"""Render resources/icons/jaring.svg to the PNG (Linux .desktop entry, 256 px) and the Windows
.ico (16-256 px) with Qt's own SVG renderer; run again after changing the SVG:

    .venv/bin/python deploy/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HERE / "jaring.svg"))
    if not renderer.isValid():
        print("jaring.svg cannot be read", file=sys.stderr)
        return 1
    ok = render(renderer, 256).save(str(HERE / "jaring.png"))
    # Qt's ICO writer keeps one image a file; Windows picks the size it needs from several,
    # so the sizes are joined into one .ico by hand (the ICO header is tiny).
    ok = write_ico(HERE / "jaring.ico", [render(renderer, s) for s in (16, 32, 48, 256)]) and ok
    del app
    return 0 if ok else 1


def write_ico(path: Path, images: list[QImage]) -> bool:
    """A Windows icon file holding each image as PNG (allowed since Windows Vista)."""
    from PySide6.QtCore import QBuffer, QIODevice

    blobs = []
    for image in images:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        blobs.append((image.width(), bytes(buffer.data())))
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little")
    header += len(blobs).to_bytes(2, "little")
    offset = 6 + 16 * len(blobs)
    entries, data = b"", b""
    for size, blob in blobs:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += bytes((side, side, 0, 0)) + (1).to_bytes(2, "little")
        entries += (32).to_bytes(2, "little") + len(blob).to_bytes(4, "little")
        entries += (offset + len(data)).to_bytes(4, "little")
        data += blob
    path.write_bytes(header + entries + data)
    return True


if __name__ == "__main__":
    sys.exit(main())
