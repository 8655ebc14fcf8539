"""The provinces, the crafts (Oscar product classes) with their standardized attributes, and the category tree."""

# --- Crafts ------------------------------------------------------------------------
# A craft is an Oscar ProductClass; its slug is the craft code used everywhere
# (images.DRAWERS, product data files). `abbrev` goes into UPCs: HM-<abbrev>-<nnn>.
# Attributes: (code, type, name_fa, name_en, min_value, max_value); all standardized, so required.

CRAFTS = [
    {
        "code": "hand_woven_carpet",
        "abbrev": "HWC",
        "name_fa": "قالی دستباف",
        "name_en": "Hand-woven carpet",
        "attributes": [
            ("knot_density", "integer", "تراکم گره (گره در سانتی‌متر مربع)", "Knot density (knots per cm²)", 20, 150),
            ("width_cm", "integer", "عرض (سانتی‌متر)", "Width (cm)", 30, 600),
            ("length_cm", "integer", "طول (سانتی‌متر)", "Length (cm)", 30, 600),
            ("material", "text", "جنس پرز و چله", "Pile and warp", None, None),
        ],
    },
    {
        "code": "tableau_carpet",
        "abbrev": "TAB",
        "name_fa": "تابلو فرش",
        "name_en": "Tableau carpet",
        "attributes": [
            ("knot_density", "integer", "تراکم گره (گره در سانتی‌متر مربع)", "Knot density (knots per cm²)", 20, 150),
            ("width_cm", "integer", "عرض (سانتی‌متر)", "Width (cm)", 20, 300),
            ("height_cm", "integer", "ارتفاع (سانتی‌متر)", "Height (cm)", 20, 300),
            ("material", "text", "جنس پرز و چله", "Pile and warp", None, None),
        ],
    },
    {
        "code": "kilim",
        "abbrev": "KLM",
        "name_fa": "گلیم",
        "name_en": "Kilim",
        "attributes": [
            ("width_cm", "integer", "عرض (سانتی‌متر)", "Width (cm)", 30, 600),
            ("length_cm", "integer", "طول (سانتی‌متر)", "Length (cm)", 30, 600),
            ("material", "text", "جنس", "Material", None, None),
        ],
    },
    {
        "code": "honey",
        "abbrev": "HNY",
        "name_fa": "عسل",
        "name_en": "Honey",
        "attributes": [
            ("harvest_date", "date", "تاریخ برداشت", "Harvest date", None, None),
            ("origin", "text", "منطقه‌ی برداشت", "Origin", None, None),
            ("net_weight_g", "integer", "وزن خالص (گرم)", "Net weight (g)", 100, 5000),
            ("moisture_percent", "float", "رطوبت (درصد)", "Moisture (%)", 10, 20),
        ],
    },
    {
        "code": "medicinal_herbs",
        "abbrev": "HRB",
        "name_fa": "گیاهان دارویی",
        "name_en": "Medicinal herbs",
        "attributes": [
            ("plant_name", "text", "نام گیاه", "Plant", None, None),
            ("net_weight_g", "integer", "وزن خالص (گرم)", "Net weight (g)", 10, 2000),
            ("harvest_date", "date", "تاریخ برداشت", "Harvest date", None, None),
        ],
    },
    {
        "code": "hand_sewn_leather",
        "abbrev": "LTH",
        "name_fa": "چرم دست‌دوز",
        "name_en": "Hand-sewn leather",
        "attributes": [
            ("leather_type", "text", "نوع چرم", "Leather", None, None),
            ("length_cm", "integer", "طول (سانتی‌متر)", "Length (cm)", 5, 200),
            ("width_cm", "integer", "عرض (سانتی‌متر)", "Width (cm)", 2, 100),
        ],
    },
    {
        "code": "traditional_embroidery",
        "abbrev": "EMB",
        "name_fa": "رودوزی سنتی",
        "name_en": "Traditional embroidery",
        "attributes": [
            ("technique", "text", "شیوه‌ی دوخت", "Technique", None, None),
            ("width_cm", "integer", "عرض (سانتی‌متر)", "Width (cm)", 5, 300),
            ("length_cm", "integer", "طول (سانتی‌متر)", "Length (cm)", 5, 300),
        ],
    },
    {
        "code": "clothing",
        "abbrev": "CLO",
        "name_fa": "پوشاک",
        "name_en": "Clothing",
        "attributes": [
            ("size", "text", "اندازه", "Size", None, None),
            ("fabric", "text", "پارچه", "Fabric", None, None),
            ("colour", "text", "رنگ", "Colour", None, None),
        ],
    },
]

CRAFT_CODES = [craft["code"] for craft in CRAFTS]


# --- Categories --------------------------------------------------------------------
# Four top-level categories, each with one leaf per craft. `code` is the stable key
# (Oscar's Category.code, unique); the slug is English so URLs stay readable.

CATEGORIES = [
    {
        "code": "carpets-kilims",
        "name_fa": "فرش و گلیم",
        "name_en": "Carpets & kilims",
        "description_fa": "فرش، تابلو فرش و گلیمی که بافنده‌های خانگی روی دار خانه‌ی خود می‌بافند.",
        "description_en": "Carpets, tableau carpets and kilims woven by home weavers on their own looms.",
        "children": [
            {
                "code": "hand-woven-carpets",
                "craft": "hand_woven_carpet",
                "name_fa": "فرش دستباف",
                "name_en": "Hand-woven carpets",
                "description_fa": "قالی‌های گره‌دار پشمی و ابریشمی با نقشه‌های اصیل اردبیل، اصفهان و فارس.",
                "description_en": "Knotted wool and silk carpets in the classic designs of Ardabil, Isfahan and Fars.",
            },
            {
                "code": "tableau-carpets",
                "craft": "tableau_carpet",
                "name_fa": "تابلو فرش",
                "name_en": "Tableau carpets",
                "description_fa": "تابلوهای گره‌خورده‌ی ریزبافت از منظره، گل و مرغ و بناهای تاریخی برای دیوار.",
                "description_en": "Finely knotted pictures of landscapes, birds and flowers and historic buildings.",
            },
            {
                "code": "kilims",
                "craft": "kilim",
                "name_fa": "گلیم",
                "name_en": "Kilims",
                "description_fa": "گلیم‌های تخت‌باف با نقش‌های هندسی عشایری، از زیرانداز تا روکش پشتی.",
                "description_en": "Flat-woven kilims in tribal geometric patterns, from floor rugs to cushion covers.",
            },
        ],
    },
    {
        "code": "textiles-clothing",
        "name_fa": "پوشاک و منسوجات",
        "name_en": "Textiles & clothing",
        "description_fa": "سوزن‌دوزی، پته و لباس‌هایی که در کارگاه‌های خانگی دوخته می‌شوند.",
        "description_en": "Needlework, pateh and garments sewn in home workshops.",
        "children": [
            {
                "code": "traditional-embroidery",
                "craft": "traditional_embroidery",
                "name_fa": "رودوزی سنتی",
                "name_en": "Traditional embroidery",
                "description_fa": "سوزن‌دوزی بلوچ و پته‌ی کرمان، دوخته‌شده با نخ ابریشم و پشم روی پارچه‌ی دستباف.",
                "description_en": "Baluch needlework and Kerman pateh, stitched in silk and wool on hand-woven cloth.",
            },
            {
                "code": "clothing",
                "craft": "clothing",
                "name_fa": "پوشاک",
                "name_en": "Clothing",
                "description_fa": "لباس‌های دوخت خانگی، از پیراهن روزمره تا لباس محلی کردی و آذری.",
                "description_en": "Home-tailored clothes, from everyday shirts to Kurdish and Azeri traditional dress.",
            },
        ],
    },
    {
        "code": "leather",
        "name_fa": "چرم",
        "name_en": "Leather",
        "description_fa": "کیف، کمربند و لوازم چرمی که تمام دوخت آن‌ها با دست زده شده است.",
        "description_en": "Bags, belts and small leather goods sewn entirely by hand.",
        "children": [
            {
                "code": "hand-sewn-leather",
                "craft": "hand_sewn_leather",
                "name_fa": "چرم دست‌دوز",
                "name_en": "Hand-sewn leather",
                "description_fa": "چرم طبیعی گاوی و بزی که با دوخت زینی و نخ موم‌خورده دوخته شده است.",
                "description_en": "Natural cow and goat leather saddle-stitched with waxed thread.",
            },
        ],
    },
    {
        "code": "food-herbs",
        "name_fa": "خوراکی و گیاهان دارویی",
        "name_en": "Food & herbs",
        "description_fa": "عسل کوهستان و گیاهان دارویی که در خانه بسته‌بندی و برچسب‌گذاری شده‌اند.",
        "description_en": "Mountain honey and medicinal herbs, packed and labelled at home.",
        "children": [
            {
                "code": "honey",
                "craft": "honey",
                "name_fa": "عسل",
                "name_en": "Honey",
                "description_fa": "عسل طبیعی کوهستان با تاریخ برداشت و درصد رطوبت روی برچسب.",
                "description_en": "Natural mountain honey, its harvest date and moisture on the label.",
            },
            {
                "code": "medicinal-herbs",
                "craft": "medicinal_herbs",
                "name_fa": "گیاهان دارویی",
                "name_en": "Medicinal herbs",
                "description_fa": "گیاهان دارویی خشک‌شده در سایه، از آویشن کوهی تا گل گاوزبان.",
                "description_en": "Shade-dried medicinal herbs, from wild thyme to borage flowers.",
            },
        ],
    },
]

# craft code -> the code of its leaf category
CRAFT_CATEGORY = {child["craft"]: child["code"] for top in CATEGORIES for child in top["children"]}


# --- Regions -----------------------------------------------------------------------
# The provinces of the programme and the crafts their advantage studies gave priority
# (DOMAIN.md: Ardabil named all eight; West Azerbaijan its clothing network).

REGIONS = [
    {
        "slug": "ardabil",
        "name_fa": "اردبیل",
        "name_en": "Ardabil",
        "priority_crafts": CRAFT_CODES,
    },
    {
        "slug": "west-azerbaijan",
        "name_fa": "آذربایجان غربی",
        "name_en": "West Azerbaijan",
        "priority_crafts": ["clothing", "traditional_embroidery", "honey"],
    },
    {
        "slug": "sistan-baluchestan",
        "name_fa": "سیستان و بلوچستان",
        "name_en": "Sistan and Baluchestan",
        "priority_crafts": ["traditional_embroidery", "clothing", "medicinal_herbs"],
    },
    {
        "slug": "fars",
        "name_fa": "فارس",
        "name_en": "Fars",
        "priority_crafts": ["kilim", "hand_woven_carpet", "medicinal_herbs"],
    },
    {
        "slug": "markazi",
        "name_fa": "مرکزی",
        "name_en": "Markazi",
        "priority_crafts": ["hand_woven_carpet", "medicinal_herbs"],
    },
    {
        "slug": "isfahan",
        "name_fa": "اصفهان",
        "name_en": "Isfahan",
        "priority_crafts": ["hand_woven_carpet", "tableau_carpet", "hand_sewn_leather"],
    },
    {
        "slug": "kerman",
        "name_fa": "کرمان",
        "name_en": "Kerman",
        "priority_crafts": ["traditional_embroidery", "hand_woven_carpet", "medicinal_herbs"],
    },
]
