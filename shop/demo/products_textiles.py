"""Demo products: traditional embroidery and clothing (prices in toman; keys as in products_carpets)."""

TRADITIONAL_EMBROIDERY = [
    {
        "upc": "HM-EMB-001",
        "producer": "golbibi-needlework",
        "title_fa": "تابلوی سوزن‌دوزی بلوچ در قاب گردو",
        "title_en": "Baluch needlework panel in a walnut frame",
        "description_fa": (
            "قطعه‌ای سی در سی سانتی‌متری از سوزن‌دوزی بلوچ با نقش‌های هندسی قرمز، نارنجی و زرد روی زمینه‌ی مشکی، "
            "در قاب چوب گردو. دوختش حدود پنج هفته کار یک سوزن‌دوز بوده است. پشت کار هم تقریباً به تمیزی روی آن است."
        ),
        "description_en": (
            "A thirty-centimetre square of Baluch needlework, red, orange and yellow geometric motifs on black, in a "
            "walnut frame. It took one needlewoman about five weeks. The back is almost as neat as the front."
        ),
        "price": 4_800_000,
        "stock": 3,
        "attributes": {"technique": "سوزن‌دوزی بلوچ، دوخت شمارشی با ابریشم", "width_cm": 30, "length_cm": 30},
        "images": 2,
    },
    {
        "upc": "HM-EMB-002",
        "producer": "golbibi-needlework",
        "title_fa": "کیف دستی سوزن‌دوزی بلوچ",
        "title_en": "Baluch needlework clutch",
        "description_fa": (
            "کیف دستی کوچکی که رویه‌اش یک تکه سوزن‌دوزی بلوچ است، با آستر ساتن و زیپ فلزی. "
            "برای مهمانی و عروسی مناسب است و یک گوشی و کیف پول کوچک در آن جا می‌شود. "
            "هر کیف را یکی از زنان گروه از آغاز تا پایان دوخته است."
        ),
        "description_en": (
            "A small clutch faced with a single panel of Baluch needlework, with a satin lining and a metal zip. "
            "Made for parties and weddings, it holds a phone and a small purse. Each one is stitched from start to "
            "finish by one woman of the group."
        ),
        "price": 2_600_000,
        "stock": 5,
        "attributes": {"technique": "سوزن‌دوزی بلوچ", "width_cm": 25, "length_cm": 16},
        "look": "clutch",
        "images": 1,
    },
    {
        "upc": "HM-EMB-003",
        "producer": "golbibi-needlework",
        "title_fa": "ست سوزن‌دوزی پیراهن بلوچی: جیب و دو سرآستین",
        "title_en": "Baluch dress embroidery set: front panel and two cuffs",
        "description_fa": (
            "سوزن‌دوزی کامل یک پیراهن زنانه‌ی بلوچی: جیب بلند جلوی پیراهن و دو سرآستین، آماده‌ی دوخته شدن روی لباس. "
            "دوخت چنین ستی چند ماه کار پیوسته می‌خواهد و معمولاً بخشی از جهیزیه است. نخ‌ها ابریشمی و رنگ‌ها ثابت‌اند."
        ),
        "description_en": (
            "The full embroidery for a Baluch woman's dress: the long front panel and two cuffs, ready to be sewn "
            "onto the garment. A set like this takes months of steady work and is often part of a dowry. The threads "
            "are silk and the colours fast."
        ),
        "price": 11_500_000,
        "stock": 1,
        "attributes": {"technique": "سوزن‌دوزی بلوچ، دوخت شمارشی با ابریشم", "width_cm": 30, "length_cm": 70},
        "images": 2,
    },
    {
        "upc": "HM-EMB-004",
        "producer": "golbibi-needlework",
        "title_fa": "رانر رومیزی سوزن‌دوزی بلوچ، دوخت سفارشی",
        "title_en": "Baluch needlework table runner, stitched to order",
        "description_fa": (
            "رانر رومیزی با نوار پهن سوزن‌دوزی بلوچ در دو سر و بدنه‌ای از کتان مشکی. "
            "هنگام سفارش، رنگ غالب نخ‌ها را از میان قرمز، سبز و آبی انتخاب می‌کنید. دوختش حدود دو ماه طول می‌کشد."
        ),
        "description_en": (
            "A table runner with broad bands of Baluch needlework at each end on a black cotton body. When you "
            "order, you choose the main thread colour: red, green or blue. It takes about two months to stitch."
        ),
        "price": 6_900_000,
        "stock": 2,
        "lead_time_days": 60,
        "attributes": {"technique": "سوزن‌دوزی بلوچ", "width_cm": 35, "length_cm": 120},
        "look": "runner",
        "images": 1,
    },
    {
        "upc": "HM-EMB-005",
        "producer": "mahan-pateh",
        "title_fa": "رومیزی گرد پته‌ی کرمان",
        "title_en": "Round Kerman pateh tablecloth",
        "description_fa": (
            "رومیزی گرد به قطر یک متر با ترنج بته‌جقه در میان و حاشیه‌ای از سروهای کوچک. "
            "تمام سطح ارمک با نخ پشمی پوشانده شده، چنان‌که زمینه‌ی پارچه کمتر پیداست. "
            "دوختش سه ماه کار دو پته‌دوز بوده است."
        ),
        "description_en": (
            "A round tablecloth one metre across, with a paisley medallion at its centre and a border of small "
            "cypresses. The whole armak ground is covered in wool stitching, so little of the cloth shows. It took "
            "two pateh stitchers three months."
        ),
        "price": 11_800_000,
        "stock": 1,
        "attributes": {"technique": "پته‌دوزی با نخ پشمی روی ارمک", "width_cm": 100, "length_cm": 100},
        "look": "pateh",
        "images": 2,
    },
    {
        "upc": "HM-EMB-006",
        "producer": "mahan-pateh",
        "title_fa": "سجاده‌ی پته",
        "title_en": "Pateh prayer mat",
        "description_fa": (
            "سجاده‌ای از ارمک سرمه‌ای با محراب پته‌دوزی‌شده و جای مهر در بالای آن. "
            "نقش‌ها با نخ پشمی لاکی، زرد و سبز دوخته شده‌اند. در کیسه‌ی پارچه‌ای هم‌رنگ بسته‌بندی می‌شود."
        ),
        "description_en": (
            "A prayer mat of navy armak with an embroidered prayer niche and a place for the prayer stone at its "
            "head. The motifs are stitched in lacquer-red, yellow and green wool. Packed in a matching cloth pouch."
        ),
        "price": 7_500_000,
        "stock": 2,
        "attributes": {"technique": "پته‌دوزی با نخ پشمی روی ارمک", "width_cm": 60, "length_cm": 100},
        "look": "pateh",
        "images": 1,
    },
    {
        "upc": "HM-EMB-007",
        "producer": "mahan-pateh",
        "title_fa": "روکش کوسن پته، یک جفت",
        "title_en": "Pateh cushion covers, pair",
        "description_fa": (
            "یک جفت روکش کوسن چهل در چهل با بته‌جقه‌ی بزرگ در میان و حاشیه‌ای ساده. "
            "پشت روکش‌ها مخمل است و زیپ مخفی دارد. رنگ‌ها ثابت است، اما خشک‌شویی توصیه می‌شود."
        ),
        "description_en": (
            "A pair of forty-centimetre cushion covers with a large paisley at the centre and a plain border. "
            "The backs are velvet with a hidden zip. The colours are fast, but dry cleaning is advised."
        ),
        "price": 3_200_000,
        "stock": 4,
        "attributes": {"technique": "پته‌دوزی با نخ پشمی روی ارمک", "width_cm": 40, "length_cm": 40},
        "look": "pateh",
        "images": 1,
    },
    {
        "upc": "HM-EMB-008",
        "producer": "mahan-pateh",
        "title_fa": "کیف کوچک زیپ‌دار پته",
        "title_en": "Small pateh zip pouch",
        "description_fa": (
            "کیف کوچک زیپ‌داری با رویه‌ی پته که برای لوازم آرایش، عینک یا خودکار به کار می‌آید. "
            "کوچک‌ترین و ارزان‌ترین کار گروه است و هدیه‌ی خوبی برای آشنایی با پته. آسترش کتان قرمز است."
        ),
        "description_en": (
            "A small zipped pouch faced with pateh, handy for make-up, glasses or pens. The group's smallest and "
            "least expensive piece, and a good first gift of pateh. Lined in red cotton."
        ),
        "price": 850_000,
        "stock": 12,
        "attributes": {"technique": "پته‌دوزی با نخ پشمی", "width_cm": 20, "length_cm": 12},
        "look": "purse",
        "images": 1,
    },
]

CLOTHING = [
    {
        "upc": "HM-CLO-001",
        "producer": "urmia-clothing-network",
        "title_fa": "پیراهن مردانه‌ی کتان، یقه‌ی دیپلمات",
        "title_en": "Men's cotton shirt, band collar",
        "description_fa": (
            "پیراهنی ساده با یقه‌ی دیپلمات و دکمه‌های صدفی که خیاط‌های خانگی شبکه با الگوی استاندارد دوخته‌اند. "
            "پارچه‌ی کتانش خنک است و با شستشو آب نمی‌رود. "
            "اندازه‌ها بر اساس جدول استاندارد شبکه است و روی برچسب یقه نوشته شده است."
        ),
        "description_en": (
            "A plain shirt with a band collar and shell buttons, sewn by the network's home tailors to a standard "
            "pattern. The cotton is cool to wear and does not shrink in the wash. Sizes follow the network's "
            "standard chart and are printed on the collar label."
        ),
        "price": 1_450_000,
        "stock": 30,
        "attributes": {"size": "L (۴۲)", "fabric": "کتان ۱۰۰٪", "colour": "آبی روشن"},
        "look": "shirt",
        "images": 1,
    },
    {
        "upc": "HM-CLO-002",
        "producer": "urmia-clothing-network",
        "title_fa": "مانتوی بلند کتان با سردوزی دستی",
        "title_en": "Long cotton manteau with hand-embroidered trim",
        "description_fa": (
            "مانتویی بلند و راحت با سردوزی ظریف دستی روی سرآستین و لبه‌ی جلو. "
            "پارچه‌ی کتان و لینن آن برای بهار و تابستان مناسب است. دو جیب پهلو و دکمه‌های چوبی دارد."
        ),
        "description_en": (
            "A long, easy-fitting manteau with fine hand-embroidered trim on the cuffs and front edge. The "
            "cotton-linen cloth suits spring and summer. It has two side pockets and wooden buttons."
        ),
        "price": 3_400_000,
        "stock": 12,
        "attributes": {"size": "M (۳۸)", "fabric": "کتان و لینن", "colour": "سبز زیتونی"},
        "look": "coat",
        "images": 2,
    },
    {
        "upc": "HM-CLO-003",
        "producer": "urmia-clothing-network",
        "title_fa": "کت پشمی مردانه، دوخت به اندازه",
        "title_en": "Men's wool jacket, made to measure",
        "description_fa": (
            "کتی تک‌دکمه که پس از سفارش، از روی اندازه‌های فرم سفارش برای شما برش می‌خورد و دوخته می‌شود. "
            "پارچه‌ی فاستونی آن را از کارخانه‌ای در تبریز تهیه می‌کنیم. پیش از دوخت نهایی یک بار پرو با عکس انجام می‌شود."
        ),
        "description_en": (
            "A single-button jacket cut and sewn for you from the measurements on your order form. The worsted cloth "
            "comes from a mill in Tabriz. There is one fitting by photo before the final sewing."
        ),
        "price": 7_600_000,
        "stock": 5,
        "lead_time_days": 30,
        "attributes": {"size": "دوخت به اندازه", "fabric": "فاستونی، ۸۰٪ پشم", "colour": "طوسی ذغالی"},
        "look": "coat",
        "images": 1,
    },
    {
        "upc": "HM-CLO-004",
        "producer": "urmia-clothing-network",
        "title_fa": "جلیقه‌ی سنتی آذری با گلابتون‌دوزی",
        "title_en": "Azeri traditional vest with gold-thread embroidery",
        "description_fa": (
            "جلیقه‌ای مخملی به سبک جلیقه‌های قدیمی آذربایجان با گلابتون‌دوزی روی لبه‌ها. "
            "برای جشن‌ها، نوروز و گروه‌های رقص محلی سفارش زیادی دارد. آسترش ساتن است و دکمه‌های فلزی قلم‌زنی‌شده دارد."
        ),
        "description_en": (
            "A velvet vest in the style of old Azerbaijani waistcoats, with gold-thread embroidery along the edges. "
            "It is much ordered for celebrations, Nowruz and folk dance troupes. Satin-lined, with engraved metal "
            "buttons."
        ),
        "price": 2_200_000,
        "stock": 15,
        "attributes": {"size": "M", "fabric": "مخمل با آستر ساتن", "colour": "زرشکی"},
        "look": "vest",
        "images": 1,
    },
    {
        "upc": "HM-CLO-005",
        "producer": "zhila-tailoring",
        "title_fa": "لباس کردی زنانه، دوخت سفارشی",
        "title_en": "Kurdish women's dress, made to order",
        "description_fa": (
            "لباس کامل کردی زنانه، کراس بلند و جلیقه و شال کمر، که پس از سفارش و به اندازه‌ی شما دوخته می‌شود. "
            "ژیلا پارچه‌ها را پس از گفت‌وگو با شما از بازار مهاباد می‌خرد. "
            "برای عروسی بهتر است دست‌کم یک ماه زودتر سفارش دهید."
        ),
        "description_en": (
            "A complete Kurdish woman's outfit, the long dress (kras), vest and sash, sewn to your measurements after "
            "you order. Zhila buys the fabrics in the Mahabad bazaar after talking them through with you. For a "
            "wedding, order at least a month ahead."
        ),
        "price": 6_800_000,
        "stock": 4,
        "lead_time_days": 30,
        "attributes": {"size": "دوخت به اندازه", "fabric": "حریر و ساتن", "colour": "به انتخاب مشتری"},
        "look": "dress",
        "images": 2,
    },
    {
        "upc": "HM-CLO-006",
        "producer": "zhila-tailoring",
        "title_fa": "لباس کردی مردانه، چوخه و رانک",
        "title_en": "Kurdish men's suit, chokhe and ranak",
        "description_fa": (
            "کت و شلوار سنتی کردی مردانه، چوخه و رانک، از پارچه‌ی پشمی که هنوز در روستاهای اطراف مهاباد بافته می‌شود. "
            "دوختش محکم است و درزها از داخل دوبل شده‌اند. شال کمر جداگانه فروخته می‌شود."
        ),
        "description_en": (
            "The traditional Kurdish men's suit, chokhe and ranak, in woollen cloth still woven in the villages "
            "around Mahabad. It is strongly sewn, with seams doubled on the inside. The sash is sold separately."
        ),
        "price": 7_900_000,
        "stock": 2,
        "attributes": {"size": "L", "fabric": "پارچه‌ی پشمی بافت محلی", "colour": "قهوه‌ای روشن"},
        "look": "coat",
        "images": 1,
    },
    {
        "upc": "HM-CLO-007",
        "producer": "zhila-tailoring",
        "title_fa": "لباس کردی دخترانه",
        "title_en": "Girls' Kurdish dress",
        "description_fa": (
            "لباس کردی دخترانه برای چهار تا شش سالگی، با دامن پرچین و جلیقه‌ی کوچک سردوزی‌شده. "
            "درزها جای باز کردن دارند تا لباس با بزرگ شدن بچه یک سال دیگر هم اندازه بماند. "
            "برای عید و عروسی‌های خانوادگی محبوب است."
        ),
        "description_en": (
            "A Kurdish dress for girls of four to six, with a gathered skirt and a small trimmed vest. The seams have "
            "allowance to let out, so it fits for another year as the child grows. Popular for Nowruz and family "
            "weddings."
        ),
        "price": 1_900_000,
        "stock": 8,
        "attributes": {"size": "۴ تا ۶ سال", "fabric": "ساتن و تور", "colour": "صورتی و طلایی"},
        "look": "dress",
        "images": 1,
    },
    {
        "upc": "HM-CLO-008",
        "producer": "zhila-tailoring",
        "title_fa": "شلوار گشاد کردی مردانه",
        "title_en": "Men's wide Kurdish trousers",
        "description_fa": (
            "شلوار گشاد کردی با کمر کشی و بند، که برای کار روزانه و کوه‌پیمایی راحت است. "
            "پارچه‌ی کتان ضخیمش در برابر سایش مقاوم است. ژیلا آن را در سه اندازه‌ی استاندارد و با فاق دوبل‌دوزی‌شده می‌دوزد."
        ),
        "description_en": (
            "Wide Kurdish trousers with an elastic and drawstring waist, comfortable for everyday work and hill "
            "walking. The heavy cotton stands up to wear. Zhila makes them in three standard sizes with a "
            "double-stitched seat."
        ),
        "price": 1_600_000,
        "stock": 10,
        "attributes": {"size": "XL", "fabric": "کتان ضخیم", "colour": "خاکی"},
        "look": "trousers",
        "images": 1,
    },
]

PRODUCTS = {
    "traditional_embroidery": TRADITIONAL_EMBROIDERY,
    "clothing": CLOTHING,
}
