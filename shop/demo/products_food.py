"""Demo products: honey and medicinal herbs (prices in toman; keys as in products_carpets)."""

from datetime import date

HONEY = [
    {
        "upc": "HM-HNY-001",
        "producer": "sabalan-foothills-honey",
        "brand": "sabalan-honey",
        "title_fa": "عسل گون سبلان، یک کیلوگرم",
        "title_en": "Sabalan milk-vetch honey, 1 kg",
        "description_fa": (
            "عسل تک‌گل گون که از کندوهای مراتع بالای دو هزار و پانصد متری سبلان برداشت شده است. "
            "رنگش روشن و طعمش ملایم است و دیر شکرک می‌زند. "
            "رطوبت هر دسته در آزمایشگاه اندازه‌گیری و روی برچسب نوشته شده است."
        ),
        "description_en": (
            "Single-flower milk-vetch (gavan) honey from hives in Sabalan's pastures above 2,500 metres. It is pale, "
            "mild and slow to crystallise. Each batch's moisture is measured in a laboratory and printed on the label."
        ),
        "price": 1_150_000,
        "stock": 25,
        "attributes": {
            "harvest_date": date(2025, 7, 18),
            "origin": "دامنه‌ی سبلان، مشگین‌شهر",
            "net_weight_g": 1000,
            "moisture_percent": 17.2,
        },
        "images": 2,
    },
    {
        "upc": "HM-HNY-002",
        "producer": "sabalan-foothills-honey",
        "brand": "sabalan-honey",
        "title_fa": "عسل چندگیاه کوهی، ۵۰۰ گرم",
        "title_en": "Wild mountain multi-flower honey, 500 g",
        "description_fa": (
            "عسلی از شهد آویشن، گون و گل گاوزبان وحشی که در ییلاق شابیل برداشت شده است. "
            "رنگی کهربایی و تیره و عطری پررنگ دارد. شیشه‌ی نیم‌کیلویی‌اش صبحانه‌ی یک خانواده را حدود یک ماه بس است."
        ),
        "description_en": (
            "Honey from the nectar of wild thyme, milk-vetch and borage, harvested at the Shabil summer pastures. "
            "It is dark amber with a strong aroma. The half-kilo jar lasts a family's breakfasts about a month."
        ),
        "price": 620_000,
        "stock": 40,
        "attributes": {
            "harvest_date": date(2025, 8, 10),
            "origin": "ییلاق شابیل، سبلان",
            "net_weight_g": 500,
            "moisture_percent": 17.8,
        },
        "look": "small",
        "images": 1,
    },
    {
        "upc": "HM-HNY-003",
        "producer": "sabalan-foothills-honey",
        "title_fa": "شان عسل طبیعی، یک کیلوگرم",
        "title_en": "Natural honeycomb, 1 kg",
        "description_fa": (
            "شان عسل دست‌نخورده که مستقیم از قاب کندو بریده و در ظرف دربسته بسته‌بندی شده است. "
            "موم آن طبیعی است و زنبورها بی‌تغذیه‌ی شکر نگه‌داری شده‌اند. بهتر است در دمای اتاق و دور از نور نگه‌داری شود."
        ),
        "description_en": (
            "Untouched honeycomb, cut straight from the hive frame and packed in a sealed tub. The wax is natural "
            "and the bees were kept without sugar feeding. Best stored at room temperature, away from light."
        ),
        "price": 1_450_000,
        "stock": 12,
        "attributes": {
            "harvest_date": date(2025, 8, 22),
            "origin": "دامنه‌ی سبلان، مشگین‌شهر",
            "net_weight_g": 1000,
            "moisture_percent": 18.5,
        },
        "look": "comb",
        "images": 2,
    },
    {
        "upc": "HM-HNY-004",
        "producer": "sabalan-foothills-honey",
        "brand": "sabalan-honey",
        "title_fa": "جعبه‌ی هدیه‌ی سه عسل سبلان",
        "title_en": "Sabalan honey gift box, three jars",
        "description_fa": (
            "سه شیشه‌ی ۲۵۰ گرمی عسل گون، آویشن و چندگیاه در جعبه‌ای با آستر پارچه‌ی گلیمی. "
            "هر شیشه از ارتفاع متفاوتی از سبلان برداشت شده و تفاوت رنگ و طعمشان به‌خوبی پیداست. "
            "هدیه‌ای مناسب برای نوروز و شب یلدا."
        ),
        "description_en": (
            "Three 250 g jars of milk-vetch, thyme and multi-flower honey in a box lined with kilim cloth. Each was "
            "harvested at a different height on Sabalan, and the differences in colour and taste are plain to see. "
            "A fine gift for Nowruz or Yalda night."
        ),
        "price": 1_380_000,
        "stock": 15,
        "attributes": {
            "harvest_date": date(2025, 8, 1),
            "origin": "سبلان، سه ارتفاع",
            "net_weight_g": 750,
            "moisture_percent": 17.5,
        },
        "look": "giftbox",
        "images": 1,
    },
    {
        "upc": "HM-HNY-005",
        "producer": "sabalan-foothills-honey",
        "title_fa": "عسل آویشن، ۲۵۰ گرم",
        "title_en": "Thyme honey, 250 g",
        "description_fa": (
            "عسلی با عطر تند آویشن کوهی که خانواده‌ی حسینی اوایل تابستان از کندوهای دامنه‌ی جنوبی برداشت می‌کنند. "
            "شیشه‌ی کوچکش برای چشیدن یا شیرین کردن دم‌نوش مناسب است. رطوبت پایینش ماندگاری آن را بیشتر می‌کند."
        ),
        "description_en": (
            "Honey with the sharp scent of wild thyme, which the Hosseini family take from their hives on the "
            "southern slopes in early summer. The small jar is right for a first taste or for sweetening herbal tea. "
            "Its low moisture helps it keep well."
        ),
        "price": 480_000,
        "stock": 30,
        "attributes": {
            "harvest_date": date(2025, 7, 5),
            "origin": "دامنه‌ی جنوبی سبلان",
            "net_weight_g": 250,
            "moisture_percent": 16.9,
        },
        "look": "small",
        "images": 1,
    },
    {
        "upc": "HM-HNY-006",
        "producer": "sabalan-foothills-honey",
        "title_fa": "عسل بهاره‌ی گل‌های دشتی، یک کیلوگرم",
        "title_en": "Spring wildflower honey, 1 kg",
        "description_fa": (
            "نخستین برداشت سال، از شهد گل‌های بهاری دشت‌های اطراف مشگین‌شهر پیش از کوچ کندوها به ییلاق. "
            "رنگی روشن‌تر و طعمی میوه‌ای دارد. از عسل‌های کوهستانی ارزان‌تر است و برای مصرف روزانه انتخابی به‌صرفه است."
        ),
        "description_en": (
            "The first harvest of the year, from spring flowers on the plains around Meshginshahr before the hives "
            "move up to the summer pastures. Lighter in colour with a fruity taste. It costs less than the mountain "
            "honeys, an economical choice for every day."
        ),
        "price": 890_000,
        "stock": 20,
        "attributes": {
            "harvest_date": date(2025, 5, 28),
            "origin": "دشت‌های مشگین‌شهر",
            "net_weight_g": 1000,
            "moisture_percent": 18.2,
        },
        "images": 1,
    },
    {
        "upc": "HM-HNY-007",
        "producer": "sabalan-foothills-honey",
        "brand": "sabalan-honey",
        "title_fa": "عسل چندگیاه، شیشه‌ی خانوادگی ۱٫۵ کیلوگرمی",
        "title_en": "Multi-flower honey, 1.5 kg family jar",
        "description_fa": (
            "شیشه‌ی بزرگ خانوادگی از همان عسل چندگیاه ییلاقی، با قیمتی به‌صرفه‌تر از شیشه‌های کوچک. "
            "درش پلمب شده و تاریخ برداشت روی برچسب چاپ شده است. "
            "اگر شکرک زد، شیشه را در آب ولرم بگذارید تا دوباره روان شود."
        ),
        "description_en": (
            "A large family jar of the same summer-pasture multi-flower honey, at a better price than the small "
            "jars. The lid is sealed and the harvest date printed on the label. If it crystallises, stand the jar "
            "in warm water and it will run clear again."
        ),
        "price": 1_490_000,
        "stock": 10,
        "attributes": {
            "harvest_date": date(2025, 8, 15),
            "origin": "ییلاق‌های سبلان",
            "net_weight_g": 1500,
            "moisture_percent": 17.6,
        },
        "images": 1,
    },
]

MEDICINAL_HERBS = [
    {
        "upc": "HM-HRB-001",
        "producer": "farahan-herbal",
        "title_fa": "گل محمدی خشک، ۱۰۰ گرم",
        "title_en": "Dried damask rose petals, 100 g",
        "description_fa": (
            "غنچه‌ها و گلبرگ‌های گل محمدی که سحرگاه اردیبهشت چیده و در سایه خشک شده‌اند تا رنگ و عطرشان بماند. "
            "برای دم‌نوش، شیرینی‌پزی و خوشبو کردن برنج به کار می‌رود. در پاکت کاغذی کرافت با پنجره‌ی شفاف بسته‌بندی شده است."
        ),
        "description_en": (
            "Damask rose buds and petals picked at dawn in May and dried in the shade to keep their colour and "
            "scent. For tea, baking and perfuming rice. Packed in a kraft paper bag with a clear window."
        ),
        "price": 380_000,
        "stock": 25,
        "attributes": {
            "plant_name": "گل محمدی (Rosa damascena)",
            "net_weight_g": 100,
            "harvest_date": date(2025, 5, 20),
        },
        "look": "petals",
        "images": 2,
    },
    {
        "upc": "HM-HRB-002",
        "producer": "farahan-herbal",
        "title_fa": "گل بابونه، ۵۰ گرم",
        "title_en": "Chamomile flowers, 50 g",
        "description_fa": (
            "گل‌های کامل بابونه که از مزرعه‌ی کوچک خانواده در فراهان و بی‌ساقه‌ی اضافی چیده شده‌اند. "
            "دم‌نوشش پیش از خواب آرام‌بخش است. یک قاشق چای‌خوری برای هر لیوان آب جوش کافی است."
        ),
        "description_en": (
            "Whole chamomile flowers from the family's small field in Farahan, picked free of stalks. A cup before "
            "bed is calming. One teaspoon per cup of boiling water is enough."
        ),
        "price": 190_000,
        "stock": 35,
        "attributes": {
            "plant_name": "بابونه (Matricaria chamomilla)",
            "net_weight_g": 50,
            "harvest_date": date(2025, 6, 5),
        },
        "look": "chamomile",
        "images": 1,
    },
    {
        "upc": "HM-HRB-003",
        "producer": "farahan-herbal",
        "title_fa": "نعناع خشک، ۱۰۰ گرم",
        "title_en": "Dried spearmint, 100 g",
        "description_fa": (
            "برگ نعناع که پیش از گل دادن چیده و روی توری در سایه خشک شده است. "
            "به دوغ، ماست و خیار و آش رشته عطری تازه می‌دهد. برگ‌ها خرد نشده‌اند تا عطرشان بیشتر بماند."
        ),
        "description_en": (
            "Spearmint leaves picked before flowering and dried on mesh in the shade. Gives a fresh scent to doogh, "
            "yoghurt with cucumber and ash reshteh. The leaves are left whole so they keep their aroma longer."
        ),
        "price": 150_000,
        "stock": 40,
        "attributes": {"plant_name": "نعناع (Mentha spicata)", "net_weight_g": 100, "harvest_date": date(2025, 7, 1)},
        "look": "leaves",
        "images": 1,
    },
    {
        "upc": "HM-HRB-004",
        "producer": "farahan-herbal",
        "title_fa": "گل ختمی سفید، ۷۵ گرم",
        "title_en": "White hollyhock flowers, 75 g",
        "description_fa": (
            "گل‌های سفید ختمی که یکی‌یکی از باغچه‌ها و کنار جوی‌های روستا چیده شده‌اند. "
            "در طب سنتی دم‌نوش آن را برای گلودرد و سرفه می‌نوشند. گل‌ها کامل و بی‌شکستگی بسته‌بندی شده‌اند."
        ),
        "description_en": (
            "White hollyhock flowers picked one by one from village gardens and the banks of the irrigation "
            "channels. In traditional medicine the tea is taken for sore throats and coughs. The flowers are packed "
            "whole and unbroken."
        ),
        "price": 260_000,
        "stock": 20,
        "attributes": {"plant_name": "ختمی (Alcea rosea)", "net_weight_g": 75, "harvest_date": date(2025, 6, 25)},
        "look": "blossom",
        "images": 1,
    },
    {
        "upc": "HM-HRB-005",
        "producer": "farahan-herbal",
        "title_fa": "دم‌نوش ترکیبی شب، ۱۲۰ گرم",
        "title_en": "Evening herbal blend, 120 g",
        "description_fa": (
            "ترکیبی از بابونه، بادرنجبویه، گل محمدی و کمی اسطوخودوس "
            "که فاطمه نسبتش را پس از چند سال آزمودن پیدا کرده است. "
            "طعمی ملایم و گلی دارد و بی‌شیرین‌کننده هم خوش‌طعم است. سهم هر گیاه روی بسته نوشته شده است."
        ),
        "description_en": (
            "A blend of chamomile, lemon balm, damask rose and a little lavender, in proportions Fatemeh settled on "
            "after several years of trying. It is mild and floral and pleasant without sweetener. The bag lists the "
            "share of each herb."
        ),
        "price": 340_000,
        "stock": 25,
        "attributes": {
            "plant_name": "بابونه، بادرنجبویه، گل محمدی، اسطوخودوس",
            "net_weight_g": 120,
            "harvest_date": date(2025, 7, 10),
        },
        "look": "blend",
        "images": 2,
    },
    {
        "upc": "HM-HRB-006",
        "producer": "farahan-herbal",
        "title_fa": "بادرنجبویه، ۸۰ گرم",
        "title_en": "Lemon balm, 80 g",
        "description_fa": (
            "برگ‌های بادرنجبویه با عطر لیمویی که در بهار و پیش از گرمای تابستان چیده شده‌اند. "
            "دم‌نوشش را گرم یا سرد و با کمی عسل می‌نوشند. در همان پاکت کاغذی دولایه و دور از نور نگه‌داری کنید."
        ),
        "description_en": (
            "Lemon-scented balm leaves gathered in spring before the summer heat. Drink the tea hot or iced with a "
            "little honey. Keep it in its double paper bag, away from light."
        ),
        "price": 230_000,
        "stock": 18,
        "attributes": {
            "plant_name": "بادرنجبویه (Melissa officinalis)",
            "net_weight_g": 80,
            "harvest_date": date(2025, 6, 18),
        },
        "look": "leaves",
        "images": 1,
    },
    {
        "upc": "HM-HRB-007",
        "producer": "sabalan-foothills-honey",
        "title_fa": "آویشن کوهی سبلان، ۱۰۰ گرم",
        "title_en": "Sabalan wild thyme, 100 g",
        "description_fa": (
            "آویشن وحشی که خانواده‌ی حسینی در همان مراتعی جمع می‌کنند که زنبورهایشان از آن شهد می‌گیرند. "
            "عطری تند و طعمی کمی تلخ دارد و برای دم‌نوش زمستانی و چاشنی غذا مناسب است. "
            "ساقه‌های درشت پیش از بسته‌بندی جدا شده‌اند."
        ),
        "description_en": (
            "Wild thyme gathered by the Hosseini family in the same pastures their bees forage. Its scent is sharp "
            "and its taste slightly bitter, good for a winter tea or for seasoning. The coarse stems are removed "
            "before packing."
        ),
        "price": 290_000,
        "stock": 20,
        "attributes": {
            "plant_name": "آویشن کوهی (Thymus kotschyanus)",
            "net_weight_g": 100,
            "harvest_date": date(2025, 7, 12),
        },
        "look": "leaves",
        "images": 1,
    },
    {
        "upc": "HM-HRB-008",
        "producer": "sabalan-foothills-honey",
        "title_fa": "گل گاوزبان کوهی، ۵۰ گرم",
        "title_en": "Mountain borage flowers, 50 g",
        "description_fa": (
            "گل گاوزبان ایرانی با گلبرگ‌های بنفش پررنگ که از دامنه‌های سبلان چیده و در سایه خشک شده است. "
            "دم‌نوشش بنفش است و با چند قطره آبلیمو صورتی می‌شود. "
            "چون برداشتش دستی و کم است، از دیگر گیاهان گران‌تر است."
        ),
        "description_en": (
            "Persian borage with deep violet petals, picked on the slopes of Sabalan and dried in the shade. The tea "
            "is violet and turns pink with a few drops of lemon juice. Picked by hand in small amounts, it costs more "
            "than other herbs."
        ),
        "price": 560_000,
        "stock": 15,
        "attributes": {
            "plant_name": "گل گاوزبان ایرانی (Echium amoenum)",
            "net_weight_g": 50,
            "harvest_date": date(2025, 6, 20),
        },
        "look": "borage",
        "images": 1,
    },
]

PRODUCTS = {
    "honey": HONEY,
    "medicinal_herbs": MEDICINAL_HERBS,
}
