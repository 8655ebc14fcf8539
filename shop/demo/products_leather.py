"""Demo products: hand-sewn leather goods (prices in toman; keys as in products_carpets)."""

HAND_SEWN_LEATHER = [
    {
        "upc": "HM-LTH-001",
        "producer": "arta-leather",
        "title_fa": "کیف پول مردانه‌ی دست‌دوز",
        "title_en": "Men's hand-sewn bifold wallet",
        "description_fa": (
            "کیف پولی تاشو با شش جای کارت و یک جیب اسکناس، دوخته‌شده با دوخت زینی و نخ موم‌خورده. "
            "چرم دباغی گیاهی آن با گذشت زمان تیره‌تر و براق‌تر می‌شود. لبه‌ها با دست سمباده و واکس خورده‌اند."
        ),
        "description_en": (
            "A bifold wallet with six card slots and a note pocket, saddle-stitched with waxed thread. Its "
            "vegetable-tanned leather darkens and gains a shine with use. The edges are sanded and burnished by hand."
        ),
        "price": 1_250_000,
        "stock": 12,
        "attributes": {"leather_type": "چرم گاوی دباغی گیاهی", "length_cm": 11, "width_cm": 9},
        "look": "wallet",
        "images": 2,
    },
    {
        "upc": "HM-LTH-002",
        "producer": "arta-leather",
        "title_fa": "جاکارتی چرم بز",
        "title_en": "Goatskin card holder",
        "description_fa": (
            "جاکارتی باریکی که چهار کارت را در دو طرف و چند اسکناس تاشده را در میان جا می‌دهد. "
            "چرم بز نرم و سبک است و در جیب پیراهن هم جا می‌شود. حروف اول نامتان را رایگان روی آن حک می‌کنیم."
        ),
        "description_en": (
            "A slim card holder that takes four cards on its two sides and a few folded notes in the middle. The "
            "goatskin is soft and light enough for a shirt pocket. We stamp your initials on it free of charge."
        ),
        "price": 950_000,
        "stock": 20,
        "attributes": {"leather_type": "چرم بزی", "length_cm": 10, "width_cm": 7},
        "look": "cardholder",
        "images": 1,
    },
    {
        "upc": "HM-LTH-003",
        "producer": "arta-leather",
        "title_fa": "کمربند چرمی با سگک برنجی",
        "title_en": "Leather belt with brass buckle",
        "description_fa": (
            "کمربندی از یک تکه چرم گاوی ضخیم، بی‌لایی و بی‌چسب، با سگک برنجی که با پیچ بسته می‌شود تا بشود عوضش کرد. "
            "طولش ۱۱۵ سانتی‌متر است و پس از سفارش به اندازه‌ی کمر شما سوراخ می‌شود. با مراقبت معمولی سال‌ها دوام می‌آورد."
        ),
        "description_en": (
            "A belt cut from a single strip of thick cowhide, with no lining or glue, and a brass buckle fixed with a "
            "screw so it can be replaced. It is 115 cm long and punched to your waist size after you order. With "
            "ordinary care it lasts for years."
        ),
        "price": 1_650_000,
        "stock": 10,
        "attributes": {"leather_type": "چرم گاوی یک‌تکه", "length_cm": 115, "width_cm": 4},
        "look": "belt",
        "images": 1,
    },
    {
        "upc": "HM-LTH-004",
        "producer": "arta-leather",
        "title_fa": "کیف دوشی زنانه‌ی چرم دست‌دوز",
        "title_en": "Women's hand-sewn leather shoulder bag",
        "description_fa": (
            "کیفی دوشی با بند قابل تنظیم، یک جیب زیپ‌دار داخلی و درِ مگنتی. "
            "هر کیف پس از سفارش برش می‌خورد و رنگ چرم را از میان عسلی، قهوه‌ای سوخته و مشکی انتخاب می‌کنید. "
            "دوخت دستی آن حدود سه هفته طول می‌کشد."
        ),
        "description_en": (
            "A shoulder bag with an adjustable strap, an inner zip pocket and a magnetic flap. Each bag is cut "
            "after you order it, in tan, dark brown or black leather as you choose. Sewing it by hand takes about "
            "three weeks."
        ),
        "price": 4_800_000,
        "stock": 3,
        "lead_time_days": 21,
        "attributes": {"leather_type": "چرم گاوی نرم (میلینگ)", "length_cm": 30, "width_cm": 22},
        "look": "bag",
        "images": 2,
    },
    {
        "upc": "HM-LTH-005",
        "producer": "arta-leather",
        "title_fa": "جلد چرمی دفترچه‌ی A5",
        "title_en": "A5 leather notebook cover",
        "description_fa": (
            "جلدی برای دفترچه‌های A5 که دفترچه‌ی داخلش را می‌شود بارها عوض کرد. "
            "یک جای خودکار و یک جیب کوچک برای یادداشت‌های جدا دارد. یک دفترچه‌ی ۹۶ برگی کاغذ کرافت همراهش است."
        ),
        "description_en": (
            "A cover for A5 notebooks whose inner notebook can be replaced again and again. It has a pen loop and a "
            "small pocket for loose notes. Comes with a 96-sheet kraft-paper notebook."
        ),
        "price": 1_100_000,
        "stock": 15,
        "attributes": {"leather_type": "چرم گاوی دباغی گیاهی", "length_cm": 23, "width_cm": 17},
        "look": "notebook",
        "images": 1,
    },
    {
        "upc": "HM-LTH-006",
        "producer": "arta-leather",
        "title_fa": "کاور چرمی لپ‌تاپ ۱۴ اینچ",
        "title_en": "14-inch leather laptop sleeve",
        "description_fa": (
            "کاوری ساده و محکم برای لپ‌تاپ‌های ۱۳ و ۱۴ اینچی با آستر نمد پشمی که بدنه را از خط و ضربه‌ی سبک نگه می‌دارد. "
            "دهانه‌اش با بند چرمی و دکمه‌ی برنجی بسته می‌شود. دورتادورش با نخ موم‌خورده‌ی کرم دوخته شده است."
        ),
        "description_en": (
            "A plain, sturdy sleeve for 13- and 14-inch laptops, lined with wool felt that guards against scratches "
            "and light knocks. It closes with a leather strap and a brass stud. It is stitched all round in cream "
            "waxed thread."
        ),
        "price": 3_900_000,
        "stock": 5,
        "attributes": {"leather_type": "چرم گاوی روغنی", "length_cm": 36, "width_cm": 26},
        "look": "sleeve",
        "images": 1,
    },
    {
        "upc": "HM-LTH-007",
        "producer": "sabalan-carpet-house",
        "maker": "arta-leather",
        "title_fa": "کوله‌پشتی چرمی با در گلیمی",
        "title_en": "Leather backpack with a kilim flap",
        "description_fa": (
            "کوله‌پشتی چرمی با دری از گلیم که از پشم باقی‌مانده‌ی گلیم‌های شبکه بافته شده است. "
            "چرم‌دوزی‌اش کار کارگاه چرم دست‌دوز آرتاست و خانه فرش سبلان آن را عرضه می‌کند. "
            "جای لپ‌تاپ ۱۳ اینچ و یک جیب جلوی زیپ‌دار دارد."
        ),
        "description_en": (
            "A leather backpack with a flap of kilim woven from the network's leftover kilim wool. The leatherwork "
            "is by Arta Hand-sewn Leather and it is sold by Sabalan Carpet House. It holds a 13-inch laptop and has "
            "a zipped front pocket."
        ),
        "price": 5_900_000,
        "stock": 2,
        "attributes": {"leather_type": "چرم گاوی روغنی با رویه‌ی گلیم", "length_cm": 40, "width_cm": 30},
        "look": "backpack",
        "images": 2,
    },
    {
        "upc": "HM-LTH-008",
        "producer": "sabalan-carpet-house",
        "maker": "arta-leather",
        "title_fa": "کیف پول بلند چرم و گلیم",
        "title_en": "Long leather-and-kilim wallet",
        "description_fa": (
            "کیف پول بلند زنانه که رویه‌اش تکه‌ای گلیم دستباف و داخلش چرم بز است. "
            "هر کیف تکه‌ی متفاوتی از نقش گلیم دارد، پس هیچ دو کیفی یکسان نیستند. دوخت آرتا، عرضه‌ی خانه فرش سبلان."
        ),
        "description_en": (
            "A long women's wallet faced with a piece of hand-woven kilim and lined with goatskin. Each one carries "
            "a different piece of kilim pattern, so no two are alike. Sewn by Arta and sold by Sabalan Carpet House."
        ),
        "price": 1_450_000,
        "stock": 8,
        "attributes": {"leather_type": "چرم بزی با رویه‌ی گلیم", "length_cm": 19, "width_cm": 10},
        "look": "wallet",
        "images": 1,
    },
]

PRODUCTS = {
    "hand_sewn_leather": HAND_SEWN_LEATHER,
}
