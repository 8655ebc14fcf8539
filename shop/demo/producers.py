"""The twelve demo producers (two lead businesses, ten home producers), their brands and the network.

Each producer gets an Oscar Partner (code = slug), a login (username = slug, unusable
password; one of them is the demo producer account, see `accounts.py`) and a brand of
its own. `logo` is ("monogram", letter) or ("emblem", initials).
"""

PRODUCERS = [
    # --- Ardabil ---------------------------------------------------------------------
    {
        "slug": "sabalan-carpet-house",
        "kind": "lead",
        "region": "ardabil",
        "crafts": ["hand_woven_carpet", "tableau_carpet", "kilim", "hand_sewn_leather"],
        "logo": ("emblem", "SCH"),
        "name_fa": "خانه فرش سبلان",
        "name_en": "Sabalan Carpet House",
        "story_fa": (
            "خانه فرش سبلان از سال ۱۳۹۰ در اردبیل کار می‌کند و امروز پیشران شبکه‌ای از بافنده‌ها و هنرمندان "
            "خانگی استان است. نقشه، نخ رنگرزی‌شده با رنگ گیاهی و نخ چله را به بافنده‌ها می‌رساند، کار تمام‌شده را "
            "پیش از فروش وارسی می‌کند و به بازار می‌برد. بیشتر بافنده‌های شبکه زنانی هستند که در روستاهای اطراف "
            "نمین و سرعین پای دار خانگی کار می‌کنند."
        ),
        "story_en": (
            "Sabalan Carpet House has worked in Ardabil since 2011 and now leads a network of the province's home "
            "weavers and craftspeople. It supplies designs, plant-dyed yarn and warp to the weavers, checks every "
            "finished piece before sale and takes it to market. Most of its weavers are women working at home looms "
            "in the villages around Namin and Sarein."
        ),
        "brand_fa": "فرش و صنایع دستی اردبیل، از دار خانگی تا خانه‌ی شما.",
        "brand_en": "Ardabil carpets and crafts, from the home loom to your home.",
    },
    {
        "slug": "maryam-tableau",
        "kind": "home",
        "region": "ardabil",
        "crafts": ["tableau_carpet"],
        "logo": ("monogram", "M"),
        "name_fa": "تابلوفرش مریم",
        "name_en": "Maryam Tableau Carpets",
        "story_fa": (
            "مریم رستمی پانزده سال است که در خانه‌اش در اردبیل تابلو فرش می‌بافد. نقشه‌ها را خودش از روی عکس و "
            "مینیاتور آماده می‌کند و با دو دختر همسایه که شاگردش بوده‌اند کار می‌کند. از سال گذشته عضو شبکه‌ی "
            "خانه فرش سبلان است."
        ),
        "story_en": (
            "Maryam Rostami has woven tableau carpets at her home in Ardabil for fifteen years. She draws her own "
            "cartoons from photographs and miniatures and works with two neighbours' daughters she trained herself. "
            "Since last year she has been a member of the Sabalan Carpet House network."
        ),
        "brand_fa": "تابلو فرش‌های ریزبافت با نقشه‌ی اختصاصی.",
        "brand_en": "Finely knotted tableaux from her own cartoons.",
    },
    {
        "slug": "namin-kilim",
        "kind": "home",
        "region": "ardabil",
        "crafts": ["kilim"],
        "logo": ("monogram", "N"),
        "name_fa": "گلیم‌بافی نمین",
        "name_en": "Namin Kilim Weavers",
        "story_fa": (
            "سه خواهر در شهر نمین گلیم را همان‌طور می‌بافند که مادربزرگشان یادشان داده است: با پشم گوسفندان محلی "
            "و رنگ روناس و پوست گردو. دار گلیم در اتاق نشیمن خانه برپاست و هر گلیم بزرگ حدود دو ماه کار می‌برد. "
            "بسته‌بندی و قیمت‌گذاری را در دوره‌های طرح ملی یاد گرفته‌اند."
        ),
        "story_en": (
            "Three sisters in the town of Namin weave kilims the way their grandmother taught them: with wool from "
            "local sheep, dyed with madder and walnut husk. The loom stands in the family living room, and a large "
            "kilim takes about two months. They learned packaging and pricing in the national programme's courses."
        ),
        "brand_fa": "گلیم پشمی با رنگ گیاهی، بافت سه خواهر.",
        "brand_en": "Plant-dyed wool kilims woven by three sisters.",
    },
    {
        "slug": "arta-leather",
        "kind": "home",
        "region": "ardabil",
        "crafts": ["hand_sewn_leather"],
        "logo": ("monogram", "A"),
        "name_fa": "چرم دست‌دوز آرتا",
        "name_en": "Arta Hand-sewn Leather",
        "story_fa": (
            "علی و نرگس محمدی کارگاه کوچک چرم‌دوزی‌شان را در زیرزمین خانه راه انداخته‌اند. همه‌ی کارها، از برش "
            "تا دوخت زینی با نخ موم‌خورده، با دست انجام می‌شود و چرم را از دباغی‌های تبریز می‌خرند. کیف‌ها و "
            "کمربندهایشان را هم مستقیم و هم از راه خانه فرش سبلان می‌فروشند."
        ),
        "story_en": (
            "Ali and Narges Mohammadi set up their small leather workshop in the basement of their home. Everything "
            "from cutting to saddle-stitching with waxed thread is done by hand, with leather bought from tanneries "
            "in Tabriz. They sell their bags and belts both directly and through Sabalan Carpet House."
        ),
        "brand_fa": "چرم طبیعی، دوخت زینی، تمام با دست.",
        "brand_en": "Natural leather, saddle-stitched, entirely by hand.",
    },
    {
        "slug": "sabalan-foothills-honey",
        "kind": "home",
        "region": "ardabil",
        "crafts": ["honey", "medicinal_herbs"],
        "logo": ("monogram", "S"),
        "name_fa": "عسل دامنه سبلان",
        "name_en": "Sabalan Foothills Honey",
        "story_fa": (
            "خانواده‌ی حسینی چهل کندو در دامنه‌ی سبلان، نزدیک مشگین‌شهر، نگه می‌دارند و تابستان‌ها کندوها را به "
            "مراتع بالادست کوچ می‌دهند. عسل را خودشان استخراج، صاف و در شیشه بسته‌بندی می‌کنند و هر شیشه برچسب "
            "تاریخ برداشت دارد. در فصل گل، آویشن و گل گاوزبان کوهی هم جمع می‌کنند و در سایه خشک می‌کنند."
        ),
        "story_en": (
            "The Hosseini family keeps forty hives on the slopes of Mount Sabalan near Meshginshahr and moves them "
            "up to the high pastures in summer. They extract, strain and jar the honey themselves, and every jar "
            "carries its harvest date. In flowering season they also gather wild thyme and borage and dry them in "
            "the shade."
        ),
        "brand_fa": "عسل و گیاه کوهی از کندو و مرتع خانواده.",
        "brand_en": "Honey and wild herbs from the family's hives and pastures.",
    },
    # --- West Azerbaijan --------------------------------------------------------------
    {
        "slug": "urmia-clothing-network",
        "kind": "lead",
        "region": "west-azerbaijan",
        "crafts": ["clothing", "traditional_embroidery"],
        "logo": ("emblem", "UCN"),
        "name_fa": "شبکه پوشاک ارومیه",
        "name_en": "Urmia Clothing Network",
        "story_fa": (
            "شبکه پوشاک ارومیه پیشرانی است که کار بیش از شصت خیاط خانگی را در ارومیه و مهاباد به‌صورت "
            "سفارش‌محور سازمان می‌دهد. الگو و پارچه را تهیه می‌کند، دوخت را وارسی می‌کند و سفارش مشتریان داخلی و "
            "کشورهای همسایه را میان خیاط‌ها تقسیم می‌کند. لباس‌هایش با برچسب اندازه‌ی استاندارد و جنس پارچه عرضه "
            "می‌شوند."
        ),
        "story_en": (
            "Urmia Clothing Network is a lead business that organises the order-driven work of more than sixty home "
            "tailors in Urmia and Mahabad. It sources patterns and fabric, checks the sewing, and shares out orders "
            "from customers at home and in neighbouring countries. Its garments are sold with standard size labels "
            "and the fabric stated."
        ),
        "brand_fa": "پوشاک دوخت خانگی با اندازه‌ی استاندارد.",
        "brand_en": "Home-tailored clothing in standard sizes.",
    },
    {
        "slug": "zhila-tailoring",
        "kind": "home",
        "region": "west-azerbaijan",
        "crafts": ["clothing"],
        "logo": ("monogram", "Z"),
        "name_fa": "خیاطی خانگی ژیلا",
        "name_en": "Zhila Home Tailoring",
        "story_fa": (
            "ژیلا در مهاباد لباس کردی زنانه و مردانه می‌دوزد؛ کاری که از پانزده‌سالگی کنار مادرش یاد گرفته است. "
            "پارچه‌ها را خودش از بازار مهاباد انتخاب می‌کند و سردوزی‌ها را با دست کار می‌کند. بیشتر سفارش‌هایش "
            "برای عروسی و نوروز است."
        ),
        "story_en": (
            "Zhila sews Kurdish dress for women and men in Mahabad, a craft she learned beside her mother from the "
            "age of fifteen. She chooses her fabrics in the Mahabad bazaar herself and finishes the trims by hand. "
            "Most of her orders are for weddings and Nowruz."
        ),
        "brand_fa": "لباس کردی دوخت مهاباد.",
        "brand_en": "Kurdish dress, tailored in Mahabad.",
    },
    # --- Sistan and Baluchestan -------------------------------------------------------
    {
        "slug": "golbibi-needlework",
        "kind": "home",
        "region": "sistan-baluchestan",
        "crafts": ["traditional_embroidery"],
        "logo": ("monogram", "G"),
        "name_fa": "سوزن‌دوزی بلوچ گل‌بی‌بی",
        "name_en": "Golbibi Baluch Needlework",
        "story_fa": (
            "گل‌بی‌بی با هفت زن دیگر در روستایی نزدیک سراوان سوزن‌دوزی بلوچ می‌کند. هر قطعه با نخ ابریشم و بی‌آنکه "
            "نقشی روی پارچه کشیده شود، تنها با شمردن تار و پود دوخته می‌شود. طرح ملی به این گروه کمک کرد تا کارشان "
            "را بی‌واسطه و با قیمتی منصفانه بفروشند."
        ),
        "story_en": (
            "Golbibi and seven other women in a village near Saravan do Baluch needlework together. Each piece is "
            "stitched in silk thread with no pattern drawn on the cloth, only by counting the threads of the weave. "
            "The national programme helped the group sell their work directly and at a fair price."
        ),
        "brand_fa": "سوزن‌دوزی بلوچ، شمرده‌دوزی با نخ ابریشم.",
        "brand_en": "Baluch counted-thread needlework in silk.",
    },
    # --- Fars --------------------------------------------------------------------------
    {
        "slug": "firuzabad-gabbeh",
        "kind": "home",
        "region": "fars",
        "crafts": ["kilim", "hand_woven_carpet"],
        "logo": ("monogram", "F"),
        "name_fa": "گبه و گلیم ایلیاتی فیروزآباد",
        "name_en": "Firuzabad Tribal Gabbeh & Kilim",
        "story_fa": (
            "خانواده‌ی کشکولی از عشایر قشقایی‌اند که سال‌هاست در فیروزآباد ساکن شده‌اند و گبه و گلیم را همچنان به "
            "شیوه‌ی ایلی می‌بافند. پشم را خودشان می‌ریسند و با گیاهان منطقه رنگ می‌کنند. کار گروه با زنان سرپرست "
            "خانوار فامیل شروع شد و امروز شش بافنده دارد."
        ),
        "story_en": (
            "The Kashkoulis are a Qashqai family long settled in Firuzabad who still weave gabbeh and kilims the "
            "tribal way. They spin the wool themselves and dye it with local plants. The group began with the women "
            "heads of household in the family and now has six weavers."
        ),
        "brand_fa": "گبه و گلیم قشقایی با پشم دست‌ریس.",
        "brand_en": "Qashqai gabbeh and kilims in hand-spun wool.",
    },
    # --- Markazi -------------------------------------------------------------------------
    {
        "slug": "farahan-herbal",
        "kind": "home",
        "region": "markazi",
        "crafts": ["medicinal_herbs"],
        "logo": ("monogram", "F"),
        "name_fa": "گیاهان دارویی فراهان",
        "name_en": "Farahan Herbal",
        "story_fa": (
            "فاطمه نوروزی کارگاه گیاهان دارویی فراهان را در خانه‌ی پدری‌اش در یکی از روستاهای شهرستان فراهان راه "
            "انداخته است. گیاهان را از زمین خانواده و دامنه‌های اطراف جمع می‌کند، در سایه خشک می‌کند و در بسته‌های "
            "کاغذی با برچسب نام علمی بسته‌بندی می‌کند. دوره‌ی بسته‌بندی و استاندارد طرح ملی را در اراک گذرانده است."
        ),
        "story_en": (
            "Fatemeh Nowruzi started Farahan Herbal in her parents' house in a village of Farahan county. She gathers "
            "herbs from the family's land and the surrounding slopes, dries them in the shade and packs them in paper "
            "bags labelled with their botanical names. She took the national programme's packaging and standards "
            "course in Arak."
        ),
        "brand_fa": "گیاه دارویی خشک‌شده در سایه، با نام علمی روی برچسب.",
        "brand_en": "Shade-dried herbs, botanical name on every label.",
    },
    # --- Isfahan -------------------------------------------------------------------------
    {
        "slug": "naqsh-e-jahan-carpet",
        "kind": "home",
        "region": "isfahan",
        "crafts": ["hand_woven_carpet", "tableau_carpet"],
        "logo": ("monogram", "N"),
        "name_fa": "کارگاه فرش نقش جهان",
        "name_en": "Naqsh-e Jahan Carpet Studio",
        "story_fa": (
            "رضا و همسرش زهره در خانه‌شان در محله‌ی جلفای اصفهان دو دار ابریشم دارند. فرش‌ها و تابلو فرش‌هایشان "
            "ریزبافت و با نقشه‌های اسلیمی مکتب اصفهان است. هر کار پیش از فروش شناسنامه‌ای با تعداد گره، جنس و نام "
            "بافنده می‌گیرد."
        ),
        "story_en": (
            "Reza and his wife Zohreh keep two silk looms at their home in Isfahan's Jolfa quarter. Their carpets "
            "and tableaux are finely knotted in the arabesque designs of the Isfahan school. Every piece leaves with "
            "a record of its knot count, materials and weaver's name."
        ),
        "brand_fa": "فرش ریزبافت مکتب اصفهان.",
        "brand_en": "Fine carpets of the Isfahan school.",
    },
    # --- Kerman --------------------------------------------------------------------------
    {
        "slug": "mahan-pateh",
        "kind": "home",
        "region": "kerman",
        "crafts": ["traditional_embroidery"],
        "logo": ("monogram", "P"),
        "name_fa": "پته‌دوزی ماهان",
        "name_en": "Mahan Pateh",
        "story_fa": (
            "پته‌دوزی ماهان گروهی از پنج زن در شهر ماهان کرمان است که پته را روی پارچه‌ی پشمی دستباف (ارمک) "
            "می‌دوزند. نقش بته‌جقه و سرو را با نخ پشمی رنگ‌شده با روناس و اسپرک کار می‌کنند. یک رومیزی بزرگ گاهی "
            "سه ماه دوخت می‌خواهد."
        ),
        "story_en": (
            "Mahan Pateh is a group of five women in Mahan, Kerman, who stitch pateh on hand-woven woollen cloth "
            "(armak). They work the paisley and cypress motifs in wool dyed with madder and weld. A large tablecloth "
            "can take three months of stitching."
        ),
        "brand_fa": "پته‌ی کرمان روی ارمک دستباف.",
        "brand_en": "Kerman pateh on hand-woven armak.",
    },
]

# Regional collective brands (برند جمعی): products of the region may carry them instead of their producer's.
COLLECTIVE_BRANDS = [
    {
        "slug": "ardabil-hand-woven-carpet",
        "region": "ardabil",
        "logo": ("emblem", "AHC"),
        "name_fa": "فرش دستباف اردبیل",
        "name_en": "Ardabil Hand-woven Carpet",
        "description_fa": "برند جمعی فرش‌هایی که در شبکه‌ی بافنده‌های خانگی اردبیل و با استاندارد آن بافته می‌شوند.",
        "description_en": "The collective brand of carpets woven to its standard by Ardabil's network of home weavers.",
    },
    {
        "slug": "sabalan-honey",
        "region": "ardabil",
        "logo": ("emblem", "SH"),
        "name_fa": "عسل سبلان",
        "name_en": "Sabalan Honey",
        "description_fa": "برند جمعی عسل زنبورداران خانگی دامنه‌های سبلان، با آزمون رطوبت و تاریخ برداشت.",
        "description_en": "The collective brand of honey from Sabalan's home beekeepers, moisture-tested and dated.",
    },
]

# The lead business's network (شبکه): members who accepted its invitation.
NETWORK = {
    "sabalan-carpet-house": ["maryam-tableau", "namin-kilim", "arta-leather"],
}
