"""QR codes that lead to a certificate's public verification page (segno: pure Python, SVG output)."""

import io

import segno

SCALE = 4
BORDER = 2
# Dark modules on an opaque white ground: readable on any packaging colour.
COLOURS = {"dark": "#000", "light": "#fff"}


def make(url):
    """The QR code of a URL (error correction M: still readable on a slightly scuffed label)."""
    return segno.make(url, error="m", micro=False)


def svg_bytes(url, scale=SCALE):
    """A standalone SVG document, for the `qr.svg` image."""
    buffer = io.BytesIO()
    make(url).save(
        buffer, kind="svg", scale=scale, border=BORDER, xmldecl=True, svgclass="qr", lineclass=None, **COLOURS
    )
    return buffer.getvalue()


def svg_inline(url, scale=SCALE):
    """The same code as an <svg> element, to print on a label page without another request."""
    return make(url).svg_inline(scale=scale, border=BORDER, svgclass="qr", lineclass=None, **COLOURS)
