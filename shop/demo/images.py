"""Pictures for the demo, drawn with Pillow: offline, deterministic and small.

Every drawing is seeded by a string (a product's UPC, a producer's slug), so
the same data always gives the same bytes.  Each craft has its own recognisable
picture: a carpet with a medallion, a kilim of stepped diamonds, a honey jar,
a bowl of herbs, a stitched leather piece, dense needlework, a garment.
Only Latin letters are ever drawn, with Pillow's bundled default font.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

SIZE = 600
JPEG_QUALITY = 84

# --- Palettes -----------------------------------------------------------------

CARPET_PALETTES = [
    # field, border, guard, medallion, motif, accent
    ("#8e1b1b", "#1d2b4f", "#e9dcb8", "#1d2b4f", "#e9dcb8", "#c99a2e"),  # lacquer red and navy
    ("#1f2d52", "#8e1b1b", "#e6d5a8", "#8e1b1b", "#d9b45a", "#e9dcb8"),  # navy field
    ("#efe3c4", "#7a1f2b", "#2b3f5c", "#7a1f2b", "#2f5d50", "#c2872b"),  # ivory field
    ("#a8432a", "#3b2a20", "#e3c48f", "#2c4a3e", "#e3c48f", "#f0e6cf"),  # rust, tribal
    ("#6b1e2e", "#c9a46a", "#2a1a14", "#c9a46a", "#f2e4c6", "#3e5b73"),  # wine and camel
]
KILIM_COLOURS = ["#b3261e", "#e07b24", "#243b6b", "#efe4cc", "#1c1a1a", "#3f6b45", "#d9a62e", "#7b2d4f"]
EMBROIDERY_PALETTES = [
    # background, then thread colours (Baluch needlework: bright silk on dark cotton)
    ("#141414", ["#c8102e", "#f28c28", "#f6d743", "#1b8a5a", "#f4f1e8", "#2f6fb5"]),
    ("#5a0f1a", ["#f2b705", "#f4f1e8", "#1b8a5a", "#f28c28", "#111111"]),
    ("#0f2a44", ["#e63946", "#f1c453", "#f4f1e8", "#2a9d8f", "#f28c28"]),
]
PATEH_GROUNDS = ["#7b1c1c", "#1e2a4a", "#efe3c8", "#2b2b2b"]
PATEH_THREADS = ["#e0b13a", "#3f7d4e", "#c23b22", "#f3ead2", "#2d5d9b", "#8c2f5a", "#e67e22"]
LEATHER_COLOURS = ["#8a4b22", "#6b3a1e", "#a0622d", "#3e2416", "#7c2d1f", "#b5793f", "#2f2a27"]
FABRIC_COLOURS = ["#2e4a7d", "#8c2f39", "#3f6b4f", "#c9a66b", "#e8dcc8", "#5b3d6b", "#1f3b3a", "#b5563a"]
HERB_LOOKS = {
    "leaves": ["#4f6b2f", "#6d8b3a", "#3b5323", "#88a05a"],
    "petals": ["#c2375b", "#d9537a", "#a8244a", "#e87b9a"],
    "blossom": ["#f4efe1", "#efe2b8", "#e7d8a3", "#fbf6ea"],
    "chamomile": ["#f7f3e8", "#f2c230", "#efe8d5", "#e0b52a"],
    "borage": ["#5b3f8c", "#7a5bb0", "#3e2a6b", "#9c7cc9"],
    "blend": ["#5e7d3a", "#d9537a", "#efe2b8", "#88a05a"],
}


# --- Public API -----------------------------------------------------------------


def product_image(craft, seed, variant=0, look=None):
    """JPEG bytes of a 600x600 picture of a product of `craft`.

    Variant 0 is the whole piece; any other variant is a close-up detail of it.
    """
    rng = random.Random(f"{craft}:{seed}")
    drawer = DRAWERS.get(craft, _draw_generic)
    image = drawer(rng, look)
    if variant:
        image = _detail(image, random.Random(f"{seed}:detail:{variant}"))
    return _jpeg(image)


def monogram_logo(letter, seed, size=256):
    """PNG bytes of a round monogram logo with one Latin `letter`."""
    rng = random.Random(f"logo:{seed}")
    colour = rng.choice(["#7a1f2b", "#1d2b4f", "#2f5d50", "#8a4b22", "#5b3d6b", "#a8432a", "#1f3b3a"])
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, size - 4, size - 4), fill=colour)
    draw.ellipse((18, 18, size - 18, size - 18), outline="#f3e7c9", width=4)
    _ring_of_dots(draw, size / 2, size / 2, size / 2 - 30, 24, 3, "#f3e7c9")
    _draw_letter(image, letter[:1].upper() or "?", size // 2, "#f3e7c9")
    return _png(image)


def emblem_logo(letters, seed, size=256):
    """PNG bytes of a square emblem for a collective brand: a small medallion and Latin initials."""
    rng = random.Random(f"emblem:{seed}")
    field, border, _guard, medallion, motif, accent = rng.choice(CARPET_PALETTES)
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((4, 4, size - 4, size - 4), radius=36, fill=border)
    draw.rounded_rectangle((20, 20, size - 20, size - 20), radius=24, fill=field, outline=accent, width=4)
    cx, cy = size / 2, size * 0.4
    for radius, colour in ((62, medallion), (44, motif), (22, accent)):
        draw.polygon(_star(cx, cy, radius, radius * 0.72, 8, 1.0), fill=colour)
    _draw_letter(image, letters[:3].upper(), int(size * 0.78), motif, font_size=44)
    return _png(image)


def hero_image(seed="home-hero"):
    """JPEG bytes of a 1200x400 banner: three crafts side by side."""
    banner = Image.new("RGB", (1200, 400), "#f3ead8")
    for index, craft in enumerate(("kilim", "honey", "traditional_embroidery")):
        tile = DRAWERS[craft](random.Random(f"{seed}:{craft}"), None)
        banner.paste(tile.resize((400, 400), Image.Resampling.LANCZOS), (index * 400, 0))
    return _jpeg(banner)


# --- Encoding and shared helpers ---------------------------------------------------


def _jpeg(image):
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _detail(image, rng):
    """A close-up: a random square crop, scaled back to full size."""
    side = rng.randint(SIZE * 45 // 100, SIZE * 60 // 100)
    left = rng.randint(SIZE // 10, SIZE - side - SIZE // 10)
    top = rng.randint(SIZE // 10, SIZE - side - SIZE // 10)
    return image.crop((left, top, left + side, top + side)).resize((SIZE, SIZE), Image.Resampling.BICUBIC)


def _font(size):
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):  # Pillow without FreeType: the small bitmap font
        return ImageFont.load_default()


def _draw_letter(image, text, centre_y, colour, font_size=None):
    size = image.width
    font = _font(font_size or int(size * 0.5))
    draw = ImageDraw.Draw(image)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x = (size - (right - left)) / 2 - left
    y = centre_y - (bottom - top) / 2 - top
    draw.text((x, y), text, font=font, fill=colour)


def _ring_of_dots(draw, cx, cy, radius, count, dot, colour):
    for i in range(count):
        angle = 2 * math.pi * i / count
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        draw.ellipse((x - dot, y - dot, x + dot, y + dot), fill=colour)


def _star(cx, cy, outer, inner, points, stretch, rotation=0.0):
    """Points of a star (or, with inner close to outer, a lobed rosette); `stretch` scales it vertically."""
    result = []
    for i in range(points * 2):
        radius = outer if i % 2 == 0 else inner
        angle = rotation + math.pi * i / points - math.pi / 2
        result.append((cx + radius * math.cos(angle), cy + radius * stretch * math.sin(angle)))
    return result


def _diamond(cx, cy, rx, ry):
    return [(cx, cy - ry), (cx + rx, cy), (cx, cy + ry), (cx - rx, cy)]


def _gradient(size, top, bottom):
    """A vertical gradient, drawn at one pixel wide and stretched."""
    strip = Image.new("RGB", (1, 256))
    t, b = Image.new("RGB", (1, 1), top).getpixel((0, 0)), Image.new("RGB", (1, 1), bottom).getpixel((0, 0))
    for y in range(256):
        f = y / 255
        strip.putpixel((0, y), tuple(round(t[i] + (b[i] - t[i]) * f) for i in range(3)))
    return strip.resize(size, Image.Resampling.BILINEAR)


def _grain(rng, size, base, strength=28, cell=4):
    """A flat colour with a soft, seeded grain (leather, wood, linen)."""
    w, h = max(1, size[0] // cell), max(1, size[1] // cell)
    noise = Image.frombytes("L", (w, h), rng.randbytes(w * h)).resize(size, Image.Resampling.BILINEAR)
    dark = Image.new("RGB", size, _shade(base, -strength))
    light = Image.new("RGB", size, _shade(base, strength))
    return Image.blend(Image.new("RGB", size, base), Image.composite(light, dark, noise), 0.6)


def _shade(colour, amount):
    rgb = Image.new("RGB", (1, 1), colour).getpixel((0, 0))
    return tuple(max(0, min(255, c + amount)) for c in rgb)


def _wood(rng):
    """A wooden table top: planks with seeded grain."""
    base = rng.choice(["#b98a5c", "#a3764d", "#c79d6e", "#8f6442"])
    image = _grain(rng, (SIZE, SIZE), base, strength=14, cell=6)
    draw = ImageDraw.Draw(image)
    for x in range(0, SIZE, 150):
        draw.line([(x, 0), (x, SIZE)], fill=_shade(base, -40), width=3)
    return image


def _stitch_box(draw, box, radius, colour, dash=9, gap=6, width=3):
    """Running stitches along a rounded rectangle (straight sides plus corner arcs)."""
    x0, y0, x1, y1 = box
    for start, end, horizontal in (
        ((x0 + radius, y0), x1 - radius, True),
        ((x0 + radius, y1), x1 - radius, True),
        ((x0, y0 + radius), y1 - radius, False),
        ((x1, y0 + radius), y1 - radius, False),
    ):
        pos = start[0] if horizontal else start[1]
        while pos + dash <= end:
            if horizontal:
                draw.line([(pos, start[1]), (pos + dash, start[1])], fill=colour, width=width)
            else:
                draw.line([(start[0], pos), (start[0], pos + dash)], fill=colour, width=width)
            pos += dash + gap
    if radius:
        corners = (
            (x0, y0, 180),
            (x1 - 2 * radius, y0, 270),
            (x1 - 2 * radius, y1 - 2 * radius, 0),
            (x0, y1 - 2 * radius, 90),
        )
        for cx, cy, angle in corners:
            draw.arc((cx, cy, cx + 2 * radius, cy + 2 * radius), angle + 20, angle + 70, fill=colour, width=width)


def _fringe(draw, x0, x1, y, length, colour, rng, step=6):
    for x in range(int(x0) + 3, int(x1) - 2, step):
        draw.line([(x, y), (x + rng.randint(-3, 3), y + length)], fill=colour, width=2)


# --- Carpets ---------------------------------------------------------------------


def _draw_carpet(rng, look):
    field, border, guard, medallion, motif, accent = rng.choice(CARPET_PALETTES)
    image = _floor(rng)
    draw = ImageDraw.Draw(image)
    if look == "runner":
        x0, x1 = 190, 410
    elif look == "square":
        x0, x1 = 90, 510
    else:
        x0, x1 = 120, 480
    y0, y1 = 70, 530
    _fringe(draw, x0, x1, y0 - 22, 22, "#efe7d2", rng)
    _fringe(draw, x0, x1, y1, 22, "#efe7d2", rng)
    draw.rectangle((x0, y0, x1, y1), fill=border)
    draw.rectangle((x0 + 6, y0 + 6, x1 - 6, y1 - 6), outline=guard, width=4)
    band = 34 if look != "runner" else 26
    _border_motifs(draw, (x0 + 10, y0 + 10, x1 - 10, y1 - 10), band, motif, accent, rng)
    fx0, fy0, fx1, fy1 = x0 + band + 12, y0 + band + 12, x1 - band - 12, y1 - band - 12
    draw.rectangle((fx0 - 5, fy0 - 5, fx1 + 5, fy1 + 5), fill=guard)
    draw.rectangle((fx0, fy0, fx1, fy1), fill=field)
    _field_motifs(draw, (fx0, fy0, fx1, fy1), motif if field != motif else accent, rng)
    cx, cy = (fx0 + fx1) / 2, (fy0 + fy1) / 2
    width = fx1 - fx0
    if look != "all-over":
        _medallion(draw, cx, cy, width * 0.34, medallion, guard, accent, rng)
        _corners(draw, (fx0, fy0, fx1, fy1), width * 0.22, medallion, accent)
    return image


def _floor(rng):
    return _grain(rng, (SIZE, SIZE), rng.choice(["#d8cdbb", "#cfc2ae", "#e2d8c6", "#c4b8a4"]), strength=10, cell=8)


def _border_motifs(draw, box, band, colour, accent, rng):
    x0, y0, x1, y1 = box
    step = band
    shape = rng.choice(["rosette", "diamond", "star"])

    def mark(cx, cy, r):
        if shape == "rosette":
            draw.polygon(_star(cx, cy, r, r * 0.8, 8, 1.0), fill=colour)
            draw.ellipse((cx - r / 3, cy - r / 3, cx + r / 3, cy + r / 3), fill=accent)
        elif shape == "diamond":
            draw.polygon(_diamond(cx, cy, r, r), fill=colour)
            draw.polygon(_diamond(cx, cy, r / 2, r / 2), fill=accent)
        else:
            draw.polygon(_star(cx, cy, r, r * 0.45, 4, 1.0), fill=colour)

    r = band * 0.32
    x = x0 + band / 2
    while x <= x1 - band / 2:
        mark(x, y0 + band / 2, r)
        mark(x, y1 - band / 2, r)
        x += step
    y = y0 + band * 1.5
    while y <= y1 - band * 1.5:
        mark(x0 + band / 2, y, r)
        mark(x1 - band / 2, y, r)
        y += step


def _field_motifs(draw, box, colour, rng):
    x0, y0, x1, y1 = box
    step = rng.choice([26, 30, 34])
    size = step * 0.22
    kind = rng.choice(["cross", "diamond", "boteh"])
    row = 0
    y = y0 + step / 2
    while y < y1 - 4:
        x = x0 + step / 2 + (step / 2 if row % 2 else 0)
        while x < x1 - 4:
            if kind == "cross":
                draw.line([(x - size, y), (x + size, y)], fill=colour, width=2)
                draw.line([(x, y - size), (x, y + size)], fill=colour, width=2)
            elif kind == "diamond":
                draw.polygon(_diamond(x, y, size, size * 1.3), outline=colour)
            else:
                _boteh(draw, x, y, size * 1.6, colour, flip=row % 2 == 1)
            x += step
        y += step
        row += 1


def _medallion(draw, cx, cy, radius, colour, inner, accent, rng):
    lobes = rng.choice([8, 12, 16])
    draw.polygon(_diamond(cx, cy - radius * 1.55, radius * 0.22, radius * 0.3), fill=colour)
    draw.polygon(_diamond(cx, cy + radius * 1.55, radius * 0.22, radius * 0.3), fill=colour)
    draw.polygon(_star(cx, cy, radius, radius * 0.86, lobes, 1.35), fill=colour)
    draw.polygon(_star(cx, cy, radius * 0.74, radius * 0.62, lobes, 1.35, math.pi / lobes), fill=inner)
    draw.polygon(_star(cx, cy, radius * 0.48, radius * 0.3, 8, 1.35), fill=accent)
    draw.ellipse((cx - radius * 0.14, cy - radius * 0.19, cx + radius * 0.14, cy + radius * 0.19), fill=colour)


def _corners(draw, box, radius, colour, accent):
    x0, y0, x1, y1 = box
    # quarter medallions, each opening into the field from its corner
    for (cx, cy), start in (((x0, y0), 0), ((x1, y0), 90), ((x1, y1), 180), ((x0, y1), 270)):
        draw.pieslice((cx - radius, cy - radius, cx + radius, cy + radius), start, start + 90, fill=colour)
        half = radius * 0.5
        draw.pieslice((cx - half, cy - half, cx + half, cy + half), start, start + 90, fill=accent)


def _boteh(draw, cx, cy, size, colour, flip=False):
    """A paisley (بته): a round body whose tip sweeps up and over to one side."""
    r = size * 0.6
    points = [(r * math.cos(a), r * math.sin(a)) for a in (math.pi * i / 10 for i in range(11))]
    points += _bezier((-r, 0), (-r, -1.8 * r), (0.9 * r, -2.1 * r))
    points += _bezier((0.9 * r, -2.1 * r), (0.3 * r, -1.3 * r), (r, 0))
    sign = -1 if flip else 1
    draw.polygon([(cx + sign * x, cy + y + r * 0.6) for x, y in points], fill=colour)


def _bezier(p0, p1, p2, steps=8):
    return [
        (
            (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t * t * p2[0],
            (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t * t * p2[1],
        )
        for t in (i / steps for i in range(1, steps + 1))
    ]


# --- Tableau carpets (pictorial, knotted look) ---------------------------------------------


def _draw_tableau(rng, look):
    wall = _grain(rng, (SIZE, SIZE), rng.choice(["#e9e2d3", "#dcd6c8", "#efe6d6"]), strength=6, cell=10)
    draw = ImageDraw.Draw(wall)
    cols, rows = 48, 60
    picture = Image.new("RGB", (cols, rows))
    pic = ImageDraw.Draw(picture)
    subject = look or rng.choice(["landscape", "birds", "dome"])
    if subject == "birds":
        _tableau_flowers(pic, cols, rows, rng)
    elif subject == "dome":
        _tableau_dome(pic, cols, rows, rng)
    elif subject == "portrait":
        _tableau_portrait(pic, cols, rows, rng)
    else:
        _tableau_landscape(pic, cols, rows, rng)
    knots = picture.resize((cols * 7, rows * 7), Image.Resampling.NEAREST)
    grid = ImageDraw.Draw(knots)
    for x in range(0, cols * 7, 7):
        grid.line([(x, 0), (x, rows * 7)], fill=(0, 0, 0), width=1)
    knots = Image.blend(picture.resize((cols * 7, rows * 7), Image.Resampling.NEAREST), knots, 0.18)
    left, top = (SIZE - cols * 7) // 2, (SIZE - rows * 7) // 2
    frame = rng.choice(["#5a3a1e", "#7b5a2e", "#2f2520", "#a07a3a"])
    draw.rectangle((left - 26, top - 26, left + cols * 7 + 26, top + rows * 7 + 26), fill=_shade(frame, -25))
    draw.rectangle((left - 20, top - 20, left + cols * 7 + 20, top + rows * 7 + 20), fill=frame)
    draw.rectangle((left - 6, top - 6, left + cols * 7 + 6, top + rows * 7 + 6), fill="#e8dcc0")
    wall.paste(knots, (left, top))
    return wall


def _tableau_landscape(pic, cols, rows, rng):
    sky_top, sky_bottom = rng.choice([("#5d8fc9", "#cfe3f2"), ("#e9905a", "#f6d7a7"), ("#7fa7cf", "#eef4f7")])
    pic.rectangle((0, 0, cols, rows), fill=sky_bottom)
    for y in range(rows // 2):
        f = y / (rows // 2)
        t, b = _rgb(sky_top), _rgb(sky_bottom)
        pic.line([(0, y), (cols, y)], fill=tuple(round(t[i] + (b[i] - t[i]) * f) for i in range(3)))
    peak = rng.randint(cols // 3, cols * 2 // 3)
    pic.polygon([(0, rows * 0.55), (peak, rows * 0.18), (cols, rows * 0.5), (cols, rows), (0, rows)], fill="#6d6a7a")
    pic.polygon(
        [(peak - 5, rows * 0.27), (peak, rows * 0.18), (peak + 6, rows * 0.28), (peak, rows * 0.25)], fill="white"
    )
    pic.polygon(
        [(0, rows * 0.62), (cols * 0.4, rows * 0.5), (cols, rows * 0.64), (cols, rows), (0, rows)], fill="#4f7a3a"
    )
    pic.rectangle((0, rows * 0.8, cols, rows), fill="#3f6630")
    for _ in range(6):
        x, y = rng.randint(2, cols - 3), rng.randint(int(rows * 0.66), rows - 4)
        pic.polygon([(x, y - 5), (x - 2, y + 1), (x + 2, y + 1)], fill="#24421f")
    pic.ellipse((cols - 12, 4, cols - 5, 11), fill="#f6e08a")


def _tableau_flowers(pic, cols, rows, rng):
    pic.rectangle((0, 0, cols, rows), fill=rng.choice(["#1d2b4f", "#111111", "#efe3c4"]))
    pic.rectangle((1, 1, cols - 2, rows - 2), outline="#c99a2e")
    stem = "#3f6b45"
    pic.line([(cols // 2, rows - 6), (cols // 2, 14)], fill=stem)
    for y, side in ((40, -1), (30, 1), (22, -1)):
        pic.line([(cols // 2, y), (cols // 2 + side * 10, y - 6)], fill=stem)
        pic.ellipse((cols // 2 + side * 10 - 3, y - 9, cols // 2 + side * 10 + 3, y - 3), fill="#c2375b")
    pic.ellipse((cols // 2 - 5, 8, cols // 2 + 5, 18), fill="#d9537a")
    pic.ellipse((cols // 2 - 2, 11, cols // 2 + 2, 15), fill="#f6d743")
    bx, by = rng.randint(8, 14), rng.randint(34, 44)
    pic.ellipse((bx - 4, by - 3, bx + 4, by + 3), fill="#e07b24")
    pic.ellipse((bx + 2, by - 5, bx + 6, by - 1), fill="#e07b24")
    pic.polygon([(bx - 4, by), (bx - 9, by - 2), (bx - 8, by + 2)], fill="#243b6b")
    pic.point((bx + 4, by - 3), fill="#111111")


def _tableau_dome(pic, cols, rows, rng):
    pic.rectangle((0, 0, cols, rows), fill="#8fb8de")
    pic.rectangle((0, rows * 0.72, cols, rows), fill="#d9c7a0")
    pic.rectangle((6, 30, cols - 6, rows * 0.72), fill="#c9a46a")
    pic.pieslice((10, 8, cols - 10, 44), 180, 360, fill="#2a8c9c")
    pic.rectangle((14, 26, cols - 14, 32), fill="#2a8c9c")
    for x in (3, cols - 6):
        pic.rectangle((x, 10, x + 3, rows * 0.72), fill="#2a8c9c")
        pic.rectangle((x - 1, 8, x + 4, 10), fill="#c99a2e")
    pic.rectangle((cols // 2 - 5, 38, cols // 2 + 5, rows * 0.72), fill="#1d2b4f")
    pic.pieslice((cols // 2 - 5, 33, cols // 2 + 5, 43), 180, 360, fill="#1d2b4f")
    pic.rectangle((0, rows * 0.8, cols, rows * 0.86), fill="#6fa3c7")


def _tableau_portrait(pic, cols, rows, rng):
    pic.rectangle((0, 0, cols, rows), fill="#d6c29a")
    skin, cloth = rng.choice([("#e0b48f", "#7a1f2b"), ("#c99a74", "#1d2b4f")])
    pic.ellipse((cols // 2 - 10, 12, cols // 2 + 10, 38), fill=skin)
    pic.pieslice((cols // 2 - 12, 8, cols // 2 + 12, 30), 180, 360, fill="#3b2a20")
    pic.polygon([(6, rows), (cols // 2 - 14, 40), (cols // 2 + 14, 40), (cols - 6, rows)], fill=cloth)


def _rgb(colour):
    return Image.new("RGB", (1, 1), colour).getpixel((0, 0))


# --- Kilims (flat-woven: stepped diamonds in bands) -------------------------------------------


def _draw_kilim(rng, look):
    image = _floor(rng)
    draw = ImageDraw.Draw(image)
    colours = rng.sample(KILIM_COLOURS, 5)
    if look == "runner":
        box = (205, 40, 395, 560)
    elif look == "cushion":
        box = (110, 110, 490, 490)
    elif look == "saddlebag":
        box = (80, 160, 520, 440)
    else:
        box = (110, 60, 490, 540)
    x0, y0, x1, y1 = box
    if look not in ("cushion", "saddlebag"):
        _fringe(draw, x0, x1, y0 - 20, 20, "#efe7d2", rng)
        _fringe(draw, x0, x1, y1, 20, "#efe7d2", rng)
    draw.rectangle(box, fill=colours[0])
    block = 6
    y = y0 + 8
    band = 0
    while y < y1 - 8:
        height = rng.choice([18, 24, 54, 66]) if band % 2 else rng.choice([54, 66, 78])
        height = min(height, y1 - 8 - y)
        kind = rng.choice(["diamonds", "zigzag", "stripe"]) if height < 50 else "diamonds"
        _kilim_band(draw, (x0 + 8, y, x1 - 8, y + height), kind, rng.sample(colours, 3), block)
        y += height
        band += 1
    draw.rectangle(box, outline=_shade(colours[0], -40), width=4)
    if look == "saddlebag":
        draw.line([((x0 + x1) / 2, y0), ((x0 + x1) / 2, y1)], fill="#2a2220", width=10)
    if look == "cushion":
        draw.rounded_rectangle(box, radius=28, outline=_shade(colours[0], -30), width=10)
    return image


def _kilim_band(draw, box, kind, colours, block):
    x0, y0, x1, y1 = box
    ground, main, inner = colours
    draw.rectangle(box, fill=ground)
    height = y1 - y0
    if kind == "stripe":
        draw.rectangle((x0, y0 + height / 3, x1, y1 - height / 3), fill=main)
        return
    if kind == "zigzag":
        step = block * 2
        x = x0
        up = True
        while x < x1:
            top = y0 + block if up else y1 - 2 * block
            draw.rectangle((x, top, min(x + step, x1), top + block), fill=main)
            x += step
            up = not up
        return
    steps = max(2, int(height // (2 * block)) - 1)
    width = steps * block * 2
    cx = x0 + width / 2 + block
    while cx + width / 2 <= x1:
        _stepped_diamond(draw, cx, (y0 + y1) / 2, steps, block, main)
        if steps > 3:
            _stepped_diamond(draw, cx, (y0 + y1) / 2, steps - 3, block, inner)
        if steps > 5:
            _stepped_diamond(draw, cx, (y0 + y1) / 2, steps - 5, block, ground)
        cx += width + block * 2


def _stepped_diamond(draw, cx, cy, steps, block, colour):
    """A lozenge with stair-step edges, the way weft colours change on a loom."""
    for row in range(-steps, steps + 1):
        half = (steps - abs(row)) * block
        if half <= 0:
            continue
        draw.rectangle((cx - half, cy + row * block - block / 2, cx + half, cy + row * block + block / 2), fill=colour)


# --- Honey ---------------------------------------------------------------------------


def _draw_honey(rng, look):
    image = _gradient((SIZE, SIZE), rng.choice(["#f6d58a", "#f3c46b", "#f7e0a8"]), "#c9842c")
    draw = ImageDraw.Draw(image)
    _honeycomb(draw, rng, "#e7b75a")
    draw.rectangle((0, 470, SIZE, SIZE), fill=rng.choice(["#8a5a34", "#6f4a2c", "#9b6a3f"]))
    if look == "comb":
        _comb_slab(draw, rng)
    elif look == "giftbox":
        draw.rounded_rectangle((90, 300, 510, 500), radius=10, fill="#7a1f2b")
        for i, x in enumerate((150, 300, 450)):
            _jar(draw, x, 360, 0.55, rng, ["#e3a92b", "#b8731c", "#f0c659"][i])
        draw.rectangle((90, 420, 510, 500), fill="#8e2a37")
        draw.line([(90, 420), (510, 420)], fill="#d9b45a", width=4)
    else:
        amber = rng.choice(["#d99a1f", "#c47a12", "#e8b23a", "#a85d0c"])
        scale = 1.0 if look != "small" else 0.8
        _jar(draw, 300, 300, scale, rng, amber)
        _dipper(draw, rng)
    return image


def _honeycomb(draw, rng, colour):
    r = 26
    h = r * math.sqrt(3)
    for row in range(12):
        for col in range(14):
            x = col * r * 1.5
            y = row * h + (h / 2 if col % 2 else 0)
            points = [(x + r * math.cos(a * math.pi / 3), y + r * math.sin(a * math.pi / 3)) for a in range(6)]
            draw.polygon(points, outline=colour)


def _jar(draw, cx, cy, scale, rng, amber):
    w, h = 200 * scale, 240 * scale
    body = (cx - w / 2, cy - h / 2 + 30 * scale, cx + w / 2, cy + h / 2 + 60 * scale)
    draw.rounded_rectangle(body, radius=40 * scale, fill=amber, outline=_shade(amber, -50), width=3)
    draw.rounded_rectangle(
        (body[0] + 18 * scale, body[1] + 24 * scale, body[0] + 40 * scale, body[3] - 30 * scale),
        radius=10 * scale,
        fill=_shade(amber, 60),
    )
    neck = (cx - w * 0.36, body[1] - 24 * scale, cx + w * 0.36, body[1] + 6 * scale)
    draw.rectangle(neck, fill=_shade(amber, -20))
    cloth = rng.choice(["#b3261e", "#243b6b", "#3f6b45"])
    lid = (cx - w * 0.46, neck[1] - 34 * scale, cx + w * 0.46, neck[1] + 8 * scale)
    draw.rounded_rectangle(lid, radius=8 * scale, fill=cloth)
    cell = max(6, int(12 * scale))
    for i, x in enumerate(range(int(lid[0]), int(lid[2]), cell)):
        if i % 2 == 0:
            draw.rectangle((x, lid[1], min(x + cell / 2, lid[2]), lid[3]), fill="#f4efe3")
    draw.line([(lid[0], lid[3] + 2), (lid[2], lid[3] + 2)], fill="#d9b45a", width=max(2, int(4 * scale)))
    label = (cx - w * 0.36, cy + 10 * scale, cx + w * 0.36, cy + 110 * scale)
    draw.rounded_rectangle(label, radius=8 * scale, fill="#f7efd9", outline="#7a4a1a", width=2)
    lx, ly = (label[0] + label[2]) / 2, (label[1] + label[3]) / 2
    _bee(draw, lx, ly, 18 * scale)


def _bee(draw, cx, cy, r):
    draw.ellipse((cx - r * 0.9, cy - r * 1.3, cx + r * 0.1, cy - r * 0.2), fill="#dfe9f0", outline="#7a7a7a")
    draw.ellipse((cx - r * 0.1, cy - r * 1.3, cx + r * 0.9, cy - r * 0.2), fill="#dfe9f0", outline="#7a7a7a")
    draw.ellipse((cx - r * 1.2, cy - r * 0.6, cx + r * 1.2, cy + r * 0.6), fill="#f2b705")
    for dx in (-0.45, 0.15, 0.75):
        draw.rectangle((cx + r * dx - r * 0.15, cy - r * 0.55, cx + r * dx + r * 0.15, cy + r * 0.55), fill="#2a1a0a")
    draw.ellipse((cx - r * 1.45, cy - r * 0.35, cx - r * 0.85, cy + r * 0.35), fill="#2a1a0a")


def _dipper(draw, rng):
    x = rng.choice([455, 470])
    draw.line([(x, 330), (x + 80, 190)], fill="#8a5a34", width=10)
    for i in range(5):
        y = 335 + i * 12
        draw.ellipse((x - 26, y - 8, x + 26, y + 8), fill="#b87d3e", outline="#6f4a2c")


def _comb_slab(draw, rng):
    draw.rounded_rectangle((120, 190, 480, 470), radius=12, fill="#c98a25", outline="#7a4a1a", width=4)
    r = 16
    h = r * math.sqrt(3)
    for row in range(10):
        for col in range(16):
            x = 135 + col * r * 1.5
            y = 205 + row * h + (h / 2 if col % 2 else 0)
            if x > 470 or y > 460:
                continue
            fill = "#f0c14b" if rng.random() < 0.8 else "#e0a21f"
            points = [
                (x + r * 0.9 * math.cos(a * math.pi / 3), y + r * 0.9 * math.sin(a * math.pi / 3)) for a in range(6)
            ]
            draw.polygon(points, fill=fill, outline="#a8681a")


# --- Medicinal herbs -------------------------------------------------------------------


def _draw_herbs(rng, look):
    colours = HERB_LOOKS.get(look or "leaves", HERB_LOOKS["leaves"])
    image = _grain(rng, (SIZE, SIZE), rng.choice(["#e9e0cc", "#ddd3bd", "#efe8d8"]), strength=10, cell=3)
    draw = ImageDraw.Draw(image)
    for _ in range(5):
        _sprig(draw, rng, rng.randint(40, 560), rng.randint(40, 560), rng.uniform(0, 2 * math.pi))
    draw.ellipse((120, 180, 480, 470), fill="#8a6a4a")
    draw.ellipse((130, 190, 470, 440), fill="#f0ebe0")
    draw.ellipse((150, 205, 450, 420), fill=_shade(colours[0], -30))
    for _ in range(900):
        a = rng.uniform(0, 2 * math.pi)
        d = math.sqrt(rng.random())
        x, y = 300 + 140 * d * math.cos(a), 312 + 98 * d * math.sin(a)
        size = rng.uniform(4, 9)
        if look in ("chamomile",) and rng.random() < 0.35:
            draw.ellipse((x - 3, y - 3, x + 3, y + 3), fill="#f2c230")
        else:
            angle = rng.uniform(0, math.pi)
            dx, dy = size * math.cos(angle), size * math.sin(angle)
            draw.line([(x - dx, y - dy), (x + dx, y + dy)], fill=rng.choice(colours), width=rng.randint(3, 5))
    _paper_tag(draw, rng)
    return image


def _sprig(draw, rng, x, y, angle):
    green = rng.choice(["#4f6b2f", "#5e7d3a", "#3b5323"])
    length = rng.randint(90, 150)
    ex, ey = x + length * math.cos(angle), y + length * math.sin(angle)
    draw.line([(x, y), (ex, ey)], fill=green, width=3)
    for i in range(1, 6):
        t = i / 6
        px, py = x + (ex - x) * t, y + (ey - y) * t
        for side in (-1, 1):
            leaf_angle = angle + side * 0.8
            _leaf(draw, px, py, leaf_angle, 22 - i * 2, green)


def _leaf(draw, x, y, angle, length, colour):
    points = []
    for i in range(9):
        t = i / 8
        w = math.sin(math.pi * t) * length * 0.32
        points.append((t * length, w))
    points += [(t * length, -w) for t, w in ((p[0] / length, p[1]) for p in reversed(points))]
    c, s = math.cos(angle), math.sin(angle)
    draw.polygon([(x + px * c - py * s, y + px * s + py * c) for px, py in points], fill=colour)


def _paper_tag(draw, rng):
    x, y = rng.choice([(430, 470), (80, 470), (420, 90)])
    draw.polygon([(x, y), (x + 90, y), (x + 110, y + 25), (x + 90, y + 50), (x, y + 50)], fill="#c9a877")
    draw.ellipse((x + 86, y + 19, x + 98, y + 31), fill="#efe8d8")
    draw.line([(x + 15, y + 18), (x + 70, y + 18)], fill="#6f5637", width=3)
    draw.line([(x + 15, y + 32), (x + 55, y + 32)], fill="#6f5637", width=3)


# --- Hand-sewn leather ------------------------------------------------------------------


def _draw_leather(rng, look):
    image = _wood(rng)
    colour = rng.choice(LEATHER_COLOURS)
    thread = rng.choice(["#f1e4c8", "#e8c27a", "#d9d9d9", "#c0392b"])
    shapes = {
        "wallet": [((150, 170, 450, 430), 28)],
        "cardholder": [((200, 190, 400, 410), 22)],
        "bag": [((130, 230, 470, 500), 34), ((150, 200, 450, 340), 30)],
        "belt": [((40, 250, 560, 330), 16)],
        "sleeve": [((110, 130, 490, 470), 24)],
        "notebook": [((160, 120, 440, 480), 14)],
        "keyfob": [((250, 260, 350, 460), 40)],
        "backpack": [((160, 160, 440, 520), 60), ((175, 150, 425, 300), 50)],
    }
    parts = shapes.get(look) or shapes[rng.choice(sorted(shapes))]
    draw = ImageDraw.Draw(image)
    if look in ("bag", "backpack"):
        draw.arc((200, 70, 400, 330), 180, 360, fill=_shade(colour, -30), width=18)
    if look == "keyfob":
        draw.ellipse((262, 150, 338, 226), outline="#b8b8b8", width=8)
    for index, (box, radius) in enumerate(parts):
        _leather_piece(image, box, radius, _shade(colour, -18 * index), rng)
        inset = 14
        x0, y0, x1, y1 = box
        _stitch_box(draw, (x0 + inset, y0 + inset, x1 - inset, y1 - inset), max(0, radius - inset), thread)
    if look == "belt":
        draw.rectangle((470, 232, 520, 348), outline="#c9c9c9", width=8)
        for x in range(120, 400, 40):
            draw.ellipse((x - 6, 284, x + 6, 296), fill="#2a1a12")
    elif look == "cardholder":
        for y in (250, 300):
            draw.arc((215, y - 40, 385, y + 20), 20, 160, fill=_shade(colour, -45), width=4)
    elif look == "notebook":
        draw.rectangle((160, 120, 190, 480), fill=_shade(colour, -35))
        draw.rectangle((420, 280, 470, 310), fill=_shade(colour, -25))
    elif look in ("bag", "backpack", "wallet"):
        cx = 300
        y = parts[-1][0][3] - 30 if look != "wallet" else 300
        draw.ellipse((cx - 14, y - 14, cx + 14, y + 14), fill="#c9a24a", outline="#6b5220", width=3)
    return image


def _leather_piece(image, box, radius, colour, rng):
    x0, y0, x1, y1 = (int(v) for v in box)
    size = (x1 - x0, y1 - y0)
    texture = _grain(rng, size, colour, strength=16, cell=2)
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, size[0] - 1, size[1] - 1), radius=radius, fill=255)
    shadow = Image.new("L", size, 0)
    ImageDraw.Draw(shadow).rounded_rectangle((0, 0, size[0] - 1, size[1] - 1), radius=radius, fill=90)
    image.paste(Image.new("RGB", size, (40, 28, 20)), (x0 + 8, y0 + 10), shadow)
    image.paste(texture, (x0, y0), mask)


# --- Traditional embroidery ----------------------------------------------------------------


def _draw_embroidery(rng, look):
    if look == "pateh" or (look or "").startswith("pateh"):
        return _draw_pateh(rng, look)
    background, threads = rng.choice(EMBROIDERY_PALETTES)
    cells, cell = 40, 15
    grid = _symmetric_pattern(rng, cells, len(threads))
    image = Image.new("RGB", (SIZE, SIZE), background)
    draw = ImageDraw.Draw(image)
    for gy in range(cells):
        for gx in range(cells):
            value = grid[gy][gx]
            if value < 0:
                continue
            colour = threads[value]
            x, y = gx * cell, gy * cell
            draw.line([(x + 2, y + 2), (x + cell - 3, y + cell - 3)], fill=colour, width=4)
            draw.line([(x + cell - 3, y + 2), (x + 2, y + cell - 3)], fill=_shade(colour, -25), width=4)
    if look in ("clutch", "purse"):
        return _framed_object(image, rng, "bag")
    if look == "runner":
        return _framed_object(image, rng, "runner")
    return _framed_object(image, rng, "panel")


def _symmetric_pattern(rng, cells, colours):
    """A needlework chart: motifs in one quarter, mirrored into four."""
    half = cells // 2
    quarter = [[-1] * half for _ in range(half)]
    motif_size = rng.choice([5, 6, 7])
    for gy in range(half):
        for gx in range(half):
            my, mx = gy % (motif_size * 2), gx % (motif_size * 2)
            dy, dx = abs(my - motif_size), abs(mx - motif_size)
            ring = dx + dy
            block = (gy // (motif_size * 2) + gx // (motif_size * 2)) % colours
            if ring <= motif_size and ring % 2 == 0:
                quarter[gy][gx] = (block + ring // 2) % colours
            elif gy % (motif_size * 2) == 0 or gx % (motif_size * 2) == 0:
                quarter[gy][gx] = (block + 2) % colours
            elif rng.random() < 0.08:
                quarter[gy][gx] = rng.randrange(colours)
    rows = [row + row[::-1] for row in quarter]
    return rows + rows[::-1]


def _framed_object(pattern, rng, kind):
    image = _grain(rng, (SIZE, SIZE), rng.choice(["#e7e0d2", "#d8d2c4", "#efe9dd"]), strength=8, cell=6)
    draw = ImageDraw.Draw(image)
    if kind == "bag":
        box = (110, 180, 490, 460)
        draw.arc((210, 90, 390, 260), 180, 360, fill="#5a3a1e", width=12)
    elif kind == "runner":
        box = (60, 200, 540, 400)
    else:
        box = (90, 90, 510, 510)
    x0, y0, x1, y1 = box
    size = (x1 - x0, y1 - y0)
    draw.rectangle((x0 + 8, y0 + 10, x1 + 8, y1 + 10), fill="#b9b2a4")
    image.paste(pattern.crop((0, 0, size[0], size[1])), (x0, y0))
    edge = rng.choice(["#c8102e", "#1b8a5a", "#f2b705"])
    draw.rectangle(box, outline=edge, width=6)
    if kind == "runner":
        _fringe(draw, x0, x1, y1, 18, edge, rng, step=10)
        _fringe(draw, x0, x1, y0 - 18, 18, edge, rng, step=10)
    return image


def _draw_pateh(rng, look):
    ground = rng.choice(PATEH_GROUNDS)
    image = _grain(rng, (SIZE, SIZE), ground, strength=8, cell=2)
    draw = ImageDraw.Draw(image)
    threads = rng.sample(PATEH_THREADS, 4)
    # the woollen ground cloth (ارمک) shows its weave between the motifs
    for y in range(60, SIZE - 60, 6):
        draw.line([(60, y), (SIZE - 60, y)], fill=_shade(ground, 10), width=1)
    draw.rectangle((24, 24, SIZE - 24, SIZE - 24), outline=threads[0], width=10)
    draw.rectangle((44, 44, SIZE - 44, SIZE - 44), outline=threads[1], width=4)
    for i in range(14):
        x = 60 + i * 37
        _boteh(draw, x, 34, 9, threads[2], flip=i % 2 == 1)
        _boteh(draw, x, SIZE - 34, 9, threads[2], flip=i % 2 == 0)
    cx = cy = SIZE / 2
    for ring, count, size in ((200, 12, 30), (130, 8, 34)):
        for k in range(count):
            a = 2 * math.pi * k / count
            _boteh(draw, cx + ring * math.cos(a), cy + ring * math.sin(a), size, threads[k % 3], flip=k % 2 == 0)
    draw.polygon(_star(cx, cy, 80, 58, 12, 1.0), fill=threads[0])
    draw.polygon(_star(cx, cy, 52, 30, 8, 1.0, math.pi / 8), fill=threads[3])
    draw.ellipse((cx - 16, cy - 16, cx + 16, cy + 16), fill=threads[1])
    return image


# --- Clothing --------------------------------------------------------------------


def _draw_clothing(rng, look):
    image = _gradient((SIZE, SIZE), "#f2eee6", rng.choice(["#d9d2c3", "#cfd6d9", "#e1d5cf"]))
    draw = ImageDraw.Draw(image)
    shape = look or rng.choice(["dress", "shirt", "coat", "vest"])
    outline = _garment(shape)
    fabric = _fabric(rng)
    mask = Image.new("L", (SIZE, SIZE), 0)
    ImageDraw.Draw(mask).polygon(outline, fill=255)
    shadow = Image.new("L", (SIZE, SIZE), 0)
    ImageDraw.Draw(shadow).polygon([(x + 8, y + 10) for x, y in outline], fill=70)
    image.paste(Image.new("RGB", (SIZE, SIZE), (60, 50, 40)), (0, 0), shadow)
    draw.line([(300, 40), (300, 70)], fill="#6b6b6b", width=4)
    draw.arc((284, 24, 316, 56), 180, 20, fill="#6b6b6b", width=4)
    if shape != "trousers":
        draw.line([(190, 115), (300, 70), (410, 115)], fill="#6b6b6b", width=5)
    image.paste(fabric, (0, 0), mask)
    draw.polygon(outline, outline=_shade(fabric.getpixel((300, 300)), -60))
    _garment_trim(draw, shape, rng)
    return image


def _garment(shape):
    if shape == "trousers":
        return [(215, 80), (385, 80), (410, 540), (320, 540), (300, 230), (280, 540), (190, 540)]
    if shape == "vest":
        return [
            (225, 100),
            (280, 150),
            (300, 230),
            (320, 150),
            (375, 100),
            (420, 130),
            (410, 470),
            (190, 470),
            (180, 130),
        ]
    if shape == "dress":
        return [
            (250, 100), (300, 125), (350, 100), (420, 125), (480, 250), (445, 265), (395, 180), (390, 290),
            (470, 560), (130, 560), (210, 290), (205, 180), (155, 265), (120, 250), (180, 125),
        ]  # fmt: skip
    if shape == "coat":
        return [
            (245, 95), (300, 150), (355, 95), (430, 125), (500, 330), (455, 345), (410, 230), (415, 560),
            (185, 560), (190, 230), (145, 345), (100, 330), (170, 125),
        ]  # fmt: skip
    return [
        (250, 100), (300, 130), (350, 100), (430, 130), (500, 260), (455, 280), (410, 200), (410, 500),
        (190, 500), (190, 200), (145, 280), (100, 260), (170, 130),
    ]  # fmt: skip


def _fabric(rng):
    base = rng.choice(FABRIC_COLOURS)
    fabric = _grain(rng, (SIZE, SIZE), base, strength=8, cell=2)
    draw = ImageDraw.Draw(fabric)
    kind = rng.choice(["stripes", "dots", "flowers", "plain"])
    ink = _shade(base, 70) if sum(_rgb(base)) < 400 else _shade(base, -70)
    if kind == "stripes":
        for x in range(0, SIZE, 24):
            draw.rectangle((x, 0, x + 6, SIZE), fill=ink)
    elif kind == "dots":
        for y in range(0, SIZE, 22):
            for x in range((y // 22 % 2) * 11, SIZE, 22):
                draw.ellipse((x - 3, y - 3, x + 3, y + 3), fill=ink)
    elif kind == "flowers":
        for y in range(0, SIZE, 46):
            for x in range((y // 46 % 2) * 23, SIZE, 46):
                draw.polygon(_star(x, y, 10, 6, 5, 1.0), fill=ink)
                draw.ellipse((x - 3, y - 3, x + 3, y + 3), fill="#f2c230")
    return fabric


def _garment_trim(draw, shape, rng):
    """The embroidered band that marks a home-tailored folk garment."""
    colours = rng.sample(["#c8102e", "#f2b705", "#1b8a5a", "#f4f1e8", "#2f6fb5"], 3)
    if shape in ("dress", "shirt", "coat"):
        y = 150 if shape != "coat" else 165
        for i, x in enumerate(range(262, 340, 12)):
            draw.polygon(_diamond(x, y, 6, 8), fill=colours[i % 3])
        draw.line([(300, 130), (300, 300 if shape == "coat" else 230)], fill=colours[0], width=4)
    if shape == "dress":
        for i, x in enumerate(range(140, 462, 14)):
            draw.polygon(_diamond(x, 545, 7, 9), fill=colours[i % 3])
    if shape == "vest":
        for y in range(180, 460, 40):
            draw.ellipse((286, y - 5, 296, y + 5), fill="#d9b45a")
    if shape == "trousers":
        for x0 in (198, 328):
            draw.rectangle((x0, 505, x0 + 74, 530), fill=colours[0])
            for i, x in enumerate(range(x0 + 6, x0 + 74, 12)):
                draw.polygon(_diamond(x, 517, 5, 8), fill=colours[1 + i % 2])


def _draw_generic(rng, look):
    return _draw_kilim(rng, look)


DRAWERS = {
    "hand_woven_carpet": _draw_carpet,
    "tableau_carpet": _draw_tableau,
    "kilim": _draw_kilim,
    "honey": _draw_honey,
    "medicinal_herbs": _draw_herbs,
    "hand_sewn_leather": _draw_leather,
    "traditional_embroidery": _draw_embroidery,
    "clothing": _draw_clothing,
}
