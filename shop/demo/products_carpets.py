"""Demo products: hand-woven carpets, tableau carpets and kilims (prices in toman).

Keys: upc, producer (seller's slug), maker (network member who made it, optional),
brand (a brand slug, optional: default the producer's own), titles and descriptions
in both languages, price, stock (num_in_stock; capacity when made to order),
lead_time_days (made to order, optional), attributes, look (images.py), images (1 or 2),
certification (optional: "submitted" leaves it awaiting a quality officer; default certified).
"""

HAND_WOVEN_CARPETS = [
    {
        "upc": "HM-HWC-001",
        "producer": "sabalan-carpet-house",
        "brand": "ardabil-hand-woven-carpet",
        "title_fa": "قالی دستباف اردبیل، نقشه‌ی شیخ صفی",
        "title_en": "Ardabil Sheikh Safi medallion carpet",
        "description_fa": (
            "این قالی از روی نقشه‌ی مشهور فرش شیخ صفی با ترنج شانزده‌پر و لچک‌های ختایی بافته شده است. "
            "پشم آن دست‌ریس است و با روناس و نیل رنگرزی شده و بافتش نزدیک به یازده ماه طول کشیده است. "
            "مناسب پذیرایی و اتاق‌هایی با نور ملایم."
        ),
        "description_en": (
            "Woven after the famous Sheikh Safi carpet, with a sixteen-point medallion and floral corner pieces. "
            "The hand-spun wool is dyed with madder and indigo, and the weaving took close to eleven months. "
            "Suited to a living room or any room with soft light."
        ),
        "price": 98_000_000,
        "stock": 1,
        "attributes": {"knot_density": 40, "width_cm": 200, "length_cm": 300, "material": "پشم دست‌ریس، چله‌ی پنبه"},
        "images": 2,
    },
    {
        "upc": "HM-HWC-002",
        "producer": "sabalan-carpet-house",
        "brand": "ardabil-hand-woven-carpet",
        "title_fa": "قالیچه‌ی اردبیل با نقش ماهی درهم",
        "title_en": "Ardabil herati-pattern rug",
        "description_fa": (
            "قالیچه‌ای یک‌ذرعی با نقش ماهی درهم (هراتی) که تمام زمینه را بی‌ترنج پوشانده است. "
            "رنگ‌های سرمه‌ای و لاکی آن در آفتاب مستقیم هم کدر نمی‌شود. برای جلوی مبل یا کنار تخت اندازه‌ی مناسبی است."
        ),
        "description_en": (
            "A small rug covered edge to edge in the herati 'fish' pattern, with no medallion. Its navy and "
            "lacquer-red dyes hold their colour even in direct sun. A good size for in front of a sofa or beside a bed."
        ),
        "price": 28_000_000,
        "stock": 3,
        "attributes": {"knot_density": 35, "width_cm": 100, "length_cm": 150, "material": "پشم، چله‌ی پنبه"},
        "look": "all-over",
        "images": 1,
    },
    {
        "upc": "HM-HWC-003",
        "producer": "sabalan-carpet-house",
        "brand": "ardabil-hand-woven-carpet",
        "title_fa": "کناره‌ی اردبیل، بافت سفارشی",
        "title_en": "Ardabil runner, woven to order",
        "description_fa": (
            "این کناره پس از ثبت سفارش روی دار می‌رود و رنگ زمینه را می‌توانید از میان لاکی، سرمه‌ای و کرم "
            "انتخاب کنید. دو بافنده‌ی شبکه هم‌زمان روی آن کار می‌کنند و در طول کار عکس پیشرفت آن برایتان "
            "فرستاده می‌شود. برای راهرو و پای پله ساخته شده است."
        ),
        "description_en": (
            "This runner goes on the loom once you order it, with a field in lacquer red, navy or cream as you "
            "choose. Two of the network's weavers work on it side by side, and you are sent photos of its progress. "
            "Made for hallways and the foot of a staircase."
        ),
        "price": 46_000_000,
        "stock": 3,
        "lead_time_days": 55,
        "attributes": {"knot_density": 30, "width_cm": 80, "length_cm": 250, "material": "پشم، چله‌ی پنبه"},
        "look": "runner",
        "images": 1,
    },
    {
        "upc": "HM-HWC-004",
        "producer": "sabalan-carpet-house",
        "brand": "ardabil-hand-woven-carpet",
        "title_fa": "قالی دوازده‌متری اردبیل، لچک‌ترنج",
        "title_en": "Ardabil medallion carpet, 3 × 4 m",
        "description_fa": (
            "قالی بزرگ دوازده‌متری با لچک‌ترنج کلاسیک اردبیل و حاشیه‌ی پهن گل و بوته. "
            "سه بافنده در روستای گیلانده نزدیک به یک سال و نیم روی آن کار کرده‌اند. "
            "پشت فرش تمیز و گره‌ها یکدست است و شناسنامه‌ی بافت همراه آن است."
        ),
        "description_en": (
            "A large twelve-square-metre carpet with the classic Ardabil medallion and corners and a wide floral "
            "border. Three weavers in the village of Gilandeh worked on it for almost a year and a half. "
            "The back is clean, the knots even, and it comes with its weaving record."
        ),
        "price": 178_000_000,
        "stock": 1,
        "attributes": {"knot_density": 45, "width_cm": 300, "length_cm": 400, "material": "پشم دست‌ریس، چله‌ی پنبه"},
        "images": 2,
    },
    {
        "upc": "HM-HWC-005",
        "producer": "sabalan-carpet-house",
        "title_fa": "قالیچه‌ی گل‌ابریشم مشگین‌شهر",
        "title_en": "Meshginshahr rug with silk highlights",
        "description_fa": (
            "در این قالیچه گل‌های ترنج و حاشیه با نخ ابریشم بافته شده‌اند و زیر نور برق می‌زنند. "
            "زمینه پشمی و لاکی روشن است و نقشه از قالیچه‌های قدیمی مشگین‌شهر گرفته شده است. "
            "مناسب دیوار یا اتاقی که رفت‌وآمد کمی دارد."
        ),
        "description_en": (
            "The flowers of the medallion and border are knotted in silk, so they catch the light. The field is "
            "pale lacquer-red wool and the design comes from old Meshginshahr rugs. Best on a wall or in a room "
            "with little foot traffic."
        ),
        "price": 62_000_000,
        "stock": 2,
        "attributes": {"knot_density": 50, "width_cm": 120, "length_cm": 180, "material": "پشم با گل ابریشم"},
        "images": 1,
    },
    {
        "upc": "HM-HWC-006",
        "producer": "firuzabad-gabbeh",
        "title_fa": "گبه‌ی قشقایی با نقش شیر",
        "title_en": "Qashqai lion gabbeh",
        "description_fa": (
            "گبه‌ای پرزبلند با نقش شیر، نماد دلاوری در فرهنگ ایل قشقایی، روی زمینه‌ی قرمز روناسی. "
            "گره‌ها درشت و پرز ضخیم است و زیر پا نرم و گرم است. "
            "چون پشمش رنگ گیاهی خورده، با گذشت زمان رنگش پخته‌تر می‌شود."
        ),
        "description_en": (
            "A thick-piled gabbeh with a lion, the Qashqai emblem of courage, on a madder-red field. The knots are "
            "coarse and the pile deep, soft and warm underfoot. Its plant-dyed wool mellows with the years rather "
            "than fading."
        ),
        "price": 34_000_000,
        "stock": 2,
        "attributes": {"knot_density": 22, "width_cm": 140, "length_cm": 200, "material": "پشم دست‌ریس، چله‌ی پشم"},
        "look": "square",
        "images": 2,
    },
    {
        "upc": "HM-HWC-007",
        "producer": "firuzabad-gabbeh",
        "title_fa": "گبه‌ی ساده‌ی فیروزآباد، بافت سفارشی",
        "title_en": "Firuzabad plain-field gabbeh, woven to order",
        "description_fa": (
            "گبه‌ای با زمینه‌ی ساده و چند نقش کوچک بز و درخت در گوشه‌ها که پس از سفارش بافته می‌شود. "
            "رنگ زمینه را از میان نخودی، سرمه‌ای و قرمز انتخاب می‌کنید. "
            "برای اتاق‌های امروزی و مبلمان ساده انتخاب خوبی است."
        ),
        "description_en": (
            "A plain-field gabbeh with a few small goats and trees in the corners, woven once you order it. "
            "You choose the field colour: natural, navy or red. A good match for modern rooms and simple furniture."
        ),
        "price": 26_000_000,
        "stock": 4,
        "lead_time_days": 40,
        "attributes": {"knot_density": 20, "width_cm": 100, "length_cm": 150, "material": "پشم دست‌ریس، چله‌ی پشم"},
        "look": "all-over",
        "images": 1,
    },
    {
        "upc": "HM-HWC-008",
        "producer": "naqsh-e-jahan-carpet",
        "title_fa": "قالیچه‌ی کرک و ابریشم اصفهان، اسلیمی",
        "title_en": "Isfahan silk-and-kurk arabesque rug",
        "description_fa": (
            "قالیچه‌ای ریزبافت با ترنج اسلیمی و زمینه‌ی شیری به سبک فرش‌های مکتب اصفهان. "
            "پرز از کرک و ابریشم و چله تمام‌ابریشم است و تراکم آن به صد گره در هر سانتی‌متر مربع می‌رسد. "
            "این قطعه حدود چهارده ماه روی دار بوده است."
        ),
        "description_en": (
            "A finely knotted rug with an arabesque medallion on an ivory field, in the manner of the Isfahan "
            "school. The pile is kurk wool and silk on a pure silk foundation, at about a hundred knots per square "
            "centimetre. It spent some fourteen months on the loom."
        ),
        "price": 128_000_000,
        "stock": 1,
        "attributes": {"knot_density": 100, "width_cm": 100, "length_cm": 150, "material": "کرک و ابریشم، چله‌ی ابریشم"},
        "images": 2,
    },
    {
        "upc": "HM-HWC-009",
        "producer": "naqsh-e-jahan-carpet",
        "title_fa": "قالیچه‌ی محرابی اصفهان",
        "title_en": "Isfahan prayer-niche rug",
        "description_fa": (
            "قالیچه‌ای کوچک با طرح محرابی، گلدان و درخت زندگی روی زمینه‌ی لاجوردی. "
            "ابعادش برای سجاده یا آویختن روی دیوار مناسب است. رنگرزی با نیل و اسپرک در کارگاهی در جلفا انجام شده است."
        ),
        "description_en": (
            "A small prayer-niche rug with a vase and tree of life on a lapis-blue field. Its size suits a prayer "
            "mat or hanging on a wall. The yarn was dyed with indigo and weld in a dyehouse in Jolfa."
        ),
        "price": 54_000_000,
        "stock": 1,
        "attributes": {"knot_density": 80, "width_cm": 70, "length_cm": 110, "material": "کرک و ابریشم، چله‌ی ابریشم"},
        "look": "square",
        "images": 1,
    },
]

TABLEAU_CARPETS = [
    {
        "upc": "HM-TAB-001",
        "producer": "maryam-tableau",
        "title_fa": "تابلو فرش منظره‌ی سبلان",
        "title_en": "Mount Sabalan landscape tableau",
        "description_fa": (
            "قله‌ی برفی سبلان در بهار، با دشتی پر از گل و روستایی در دامنه‌ی کوه. "
            "مریم نقشه‌ی این تابلو را از روی عکسی کشیده که خودش در جاده‌ی سرعین گرفته است. "
            "تابلو بی‌قاب عرضه می‌شود تا قاب را به سلیقه‌ی خود انتخاب کنید."
        ),
        "description_en": (
            "The snowy peak of Sabalan in spring, above a meadow of flowers and a village on its slopes. Maryam drew "
            "the cartoon from a photo she took herself on the road to Sarein. Sold unframed so you can choose a frame "
            "to suit your room."
        ),
        "price": 18_500_000,
        "stock": 1,
        "attributes": {"knot_density": 60, "width_cm": 60, "height_cm": 90, "material": "پشم و ابریشم، چله‌ی پنبه"},
        "look": "landscape",
        "images": 2,
    },
    {
        "upc": "HM-TAB-002",
        "producer": "maryam-tableau",
        "title_fa": "تابلو فرش گل و مرغ",
        "title_en": "Bird-and-flower tableau",
        "description_fa": (
            "تابلویی در سنت نگارگری گل و مرغ: بلبلی بر شاخه‌ی گل سرخ روی زمینه‌ی مشکی. "
            "سایه‌روشن گلبرگ‌ها با چهارده رنگ نخ بافته شده است. اندازه‌اش برای راهرو یا بالای میز تحریر مناسب است."
        ),
        "description_en": (
            "A tableau in the Persian bird-and-flower tradition: a nightingale on a rose branch against a black "
            "ground. The shading of the petals uses fourteen colours of yarn. Sized for a hallway or above a desk."
        ),
        "price": 16_000_000,
        "stock": 2,
        "attributes": {"knot_density": 70, "width_cm": 50, "height_cm": 70, "material": "پشم و ابریشم، چله‌ی پنبه"},
        "look": "birds",
        "images": 1,
    },
    {
        "upc": "HM-TAB-003",
        "producer": "maryam-tableau",
        "title_fa": "تابلو فرش چهره از روی عکس شما",
        "title_en": "Portrait tableau from your photo",
        "description_fa": (
            "از روی عکسی که می‌فرستید نقشه‌ی گره‌به‌گره آماده می‌شود و پیش از بافت برای تأیید شما فرستاده می‌شود. "
            "عکس‌های روشن با پس‌زمینه‌ی ساده بهترین نتیجه را می‌دهند. بافت پس از تأیید نقشه حدود شش هفته طول می‌کشد."
        ),
        "description_en": (
            "A knot-by-knot cartoon is drawn from the photo you send and shown to you for approval before weaving "
            "starts. Bright photos with a plain background give the best result. Weaving takes about six weeks once "
            "you approve the cartoon."
        ),
        "price": 24_000_000,
        "stock": 2,
        "lead_time_days": 45,
        "attributes": {"knot_density": 80, "width_cm": 40, "height_cm": 50, "material": "پشم و ابریشم، چله‌ی پنبه"},
        "look": "portrait",
        "images": 1,
    },
    {
        "upc": "HM-TAB-004",
        "producer": "sabalan-carpet-house",
        "maker": "maryam-tableau",
        "title_fa": "تابلو فرش بقعه‌ی شیخ صفی‌الدین اردبیلی",
        "title_en": "Sheikh Safi shrine tableau",
        "description_fa": (
            "گنبد و سردر بقعه‌ی شیخ صفی‌الدین اردبیلی، از آثار ثبت‌شده در فهرست میراث جهانی، با کاشی‌های فیروزه‌ای. "
            "این تابلو را مریم رستمی در شبکه‌ی خانه فرش سبلان بافته است. "
            "شستشو، پرداخت و بسته‌بندی آن در خانه فرش سبلان انجام شده است."
        ),
        "description_en": (
            "The dome and portal of the Sheikh Safi al-Din shrine in Ardabil, a World Heritage site, in turquoise "
            "tilework. It was woven by Maryam Rostami in the Sabalan Carpet House network. "
            "Sabalan Carpet House washed, finished and packed it."
        ),
        "price": 32_000_000,
        "stock": 1,
        "attributes": {"knot_density": 65, "width_cm": 70, "height_cm": 100, "material": "پشم و ابریشم، چله‌ی پنبه"},
        "look": "dome",
        "images": 2,
    },
    {
        "upc": "HM-TAB-005",
        "producer": "sabalan-carpet-house",
        "maker": "maryam-tableau",
        "title_fa": "تابلو فرش دریاچه‌ی شورابیل",
        "title_en": "Lake Shorabil tableau",
        "description_fa": (
            "دریاچه‌ی شورابیل اردبیل در غروب پاییز، با بازتاب درختان روی آب. "
            "رنگ‌های گرم نارنجی و قهوه‌ای‌اش به فضای خانه گرما می‌دهد. بافت مریم رستمی، عرضه‌شده از سوی خانه فرش سبلان."
        ),
        "description_en": (
            "Ardabil's Lake Shorabil at an autumn sunset, the trees reflected in the water. Its warm oranges and "
            "browns bring warmth to a room. Woven by Maryam Rostami and sold by Sabalan Carpet House."
        ),
        "price": 14_500_000,
        "stock": 2,
        "attributes": {"knot_density": 55, "width_cm": 60, "height_cm": 80, "material": "پشم، چله‌ی پنبه"},
        "look": "landscape",
        "images": 1,
    },
    {
        "upc": "HM-TAB-006",
        "producer": "naqsh-e-jahan-carpet",
        "title_fa": "تابلو فرش میدان نقش جهان",
        "title_en": "Naqsh-e Jahan Square tableau",
        "description_fa": (
            "میدان نقش جهان با گنبد مسجد شیخ لطف‌الله و سردر عالی‌قاپو، بافته‌شده با ابریشم در رنگ‌های لاجوردی و طلایی. "
            "ریزبافتی تابلو جزئیات کاشی‌ها را به‌خوبی نشان می‌دهد. "
            "شناسنامه‌ای با تعداد گره و نام بافنده همراه تابلوست."
        ),
        "description_en": (
            "Isfahan's Naqsh-e Jahan Square with the dome of the Sheikh Lotfollah mosque and the Ali Qapu gateway, "
            "knotted in silk in lapis and gold. Its fine weave brings out much of the tilework's detail. "
            "Comes with a record of its knot count and weaver."
        ),
        "price": 58_000_000,
        "stock": 1,
        "attributes": {"knot_density": 90, "width_cm": 80, "height_cm": 120, "material": "کرک و ابریشم، چله‌ی ابریشم"},
        "look": "dome",
        "images": 2,
    },
    {
        "upc": "HM-TAB-007",
        "producer": "naqsh-e-jahan-carpet",
        "title_fa": "تابلو فرش گلدان و پرنده، مینیاتور اصفهان",
        "title_en": "Isfahan miniature vase-and-birds tableau",
        "description_fa": (
            "گلدانی از گل‌های شاه‌عباسی و دو پرنده به سبک نگارگری صفوی. "
            "حاشیه‌ی باریک اسلیمی دور تابلو را قاب گرفته است. اندازه‌ی کوچکش آن را هدیه‌ای مناسب می‌کند."
        ),
        "description_en": (
            "A vase of shah abbasi blossoms with two birds, in the style of Safavid miniatures. A narrow arabesque "
            "border frames the picture. Its small size makes it an easy gift."
        ),
        "price": 21_000_000,
        "stock": 2,
        "attributes": {"knot_density": 75, "width_cm": 40, "height_cm": 60, "material": "کرک و ابریشم، چله‌ی پنبه"},
        "look": "birds",
        "images": 1,
    },
]

KILIMS = [
    {
        "upc": "HM-KLM-001",
        "producer": "namin-kilim",
        "title_fa": "گلیم نمین با نقش لوزی پله‌ای",
        "title_en": "Namin stepped-diamond kilim",
        "description_fa": (
            "گلیمی دورو با ردیف لوزی‌های پله‌ای که گلیم‌بافان اردبیل به آن «شاخ قوچ» می‌گویند. "
            "پشمش از گوسفندان همین منطقه و رنگ‌هایش از روناس و پوست گردوست. "
            "چون دورو بافته شده، هر دو رویش قابل استفاده است."
        ),
        "description_en": (
            "A reversible kilim with rows of stepped diamonds, known among Ardabil weavers as the 'ram's horn'. "
            "The wool comes from local sheep and the colours from madder and walnut husk. Being reversible, either "
            "side can face up."
        ),
        "price": 18_000_000,
        "stock": 1,
        "attributes": {"width_cm": 150, "length_cm": 220, "material": "پشم محلی با رنگ روناس و پوست گردو"},
        "images": 2,
    },
    {
        "upc": "HM-KLM-002",
        "producer": "namin-kilim",
        "title_fa": "کناره‌ی گلیم نمین",
        "title_en": "Namin kilim runner",
        "description_fa": (
            "کناره‌ای بلند و باریک برای راهرو، با نوارهای پهن قرمز و سرمه‌ای و ردیفی از نقش‌های قلاب‌دار. "
            "بافتش سفت و محکم است و با جاروبرقی به‌راحتی تمیز می‌شود. لبه‌هایش با دست شیرازه‌دوزی شده است."
        ),
        "description_en": (
            "A long, narrow runner for a hallway, in broad red and navy bands with a row of hooked motifs. "
            "The weave is tight and sturdy and easy to vacuum. Its edges are overcast by hand."
        ),
        "price": 12_500_000,
        "stock": 2,
        "attributes": {"width_cm": 80, "length_cm": 300, "material": "پشم محلی، چله‌ی پشم"},
        "look": "runner",
        "images": 1,
    },
    {
        "upc": "HM-KLM-003",
        "producer": "namin-kilim",
        "title_fa": "روکش پشتی گلیمی، یک جفت",
        "title_en": "Kilim cushion covers, pair",
        "description_fa": (
            "یک جفت روکش پشتی که با همان پشم و رنگ‌های گلیم‌های بزرگ بافته شده است. "
            "پشت روکش‌ها پارچه‌ی کتان ضخیم و زیپ‌دار است. بالش داخل همراه آن نیست."
        ),
        "description_en": (
            "A pair of cushion covers woven in the same wool and colours as the big kilims. The backs are heavy "
            "cotton with a zip. Cushion inserts are not included."
        ),
        "price": 6_500_000,
        "stock": 6,
        "attributes": {"width_cm": 50, "length_cm": 50, "material": "پشم محلی، پشت کتان"},
        "look": "cushion",
        "images": 1,
    },
    {
        "upc": "HM-KLM-004",
        "producer": "sabalan-carpet-house",
        "maker": "namin-kilim",
        "title_fa": "گلیم بزرگ اردبیل با ترنج‌های تو در تو",
        "title_en": "Large Ardabil kilim with nested diamonds",
        "description_fa": (
            "گلیم بزرگ شش‌متری با ترنج‌های لوزی تو در تو در رنگ‌های قرمز، کرم و سرمه‌ای. "
            "این گلیم را خواهران گلیم‌باف نمین به سفارش خانه فرش سبلان بافته‌اند. برای پذیرایی یا نشیمن بزرگ مناسب است."
        ),
        "description_en": (
            "A large six-square-metre kilim with nested diamond medallions in red, cream and navy. Woven by the "
            "Namin kilim sisters for Sabalan Carpet House. Suited to a large living or reception room."
        ),
        "price": 36_000_000,
        "stock": 1,
        "attributes": {"width_cm": 200, "length_cm": 300, "material": "پشم محلی، چله‌ی پشم"},
        "images": 2,
    },
    {
        "upc": "HM-KLM-005",
        "producer": "sabalan-carpet-house",
        "maker": "namin-kilim",
        "title_fa": "گلیم با رنگ‌های انتخابی شما",
        "title_en": "Kilim in colours of your choice",
        "description_fa": (
            "گلیمی ۱۲۰ در ۱۸۰ که پس از سفارش و با رنگ‌هایی که خودتان انتخاب می‌کنید بافته می‌شود. "
            "نمونه‌ی نخ‌ها پیش از شروع بافت برایتان فرستاده می‌شود. "
            "بافت در کارگاه خانگی یکی از اعضای شبکه و بسته‌بندی در خانه فرش سبلان انجام می‌شود."
        ),
        "description_en": (
            "A 120 × 180 cm kilim woven after you order it, in colours you choose. Yarn samples are sent to you "
            "before weaving starts. It is woven in a network member's home workshop and packed at Sabalan Carpet House."
        ),
        "price": 15_000_000,
        "stock": 3,
        "lead_time_days": 50,
        "attributes": {"width_cm": 120, "length_cm": 180, "material": "پشم محلی، چله‌ی پشم"},
        "images": 1,
    },
    {
        "upc": "HM-KLM-006",
        "producer": "firuzabad-gabbeh",
        "title_fa": "گلیم قشقایی با نقش مرغی",
        "title_en": "Qashqai kilim with bird motifs",
        "description_fa": (
            "گلیمی قشقایی با ردیف‌هایی از مرغ‌های کوچک و شانه، نقش‌هایی که زنان ایل روی گلیم‌های جهیزیه می‌بافتند. "
            "زمینه‌ی نارنجی روشنش با پوست انار و اسپرک رنگ شده است. "
            "چله‌ی پشمی آن را از گلیم‌های ماشینی سنگین‌تر و بادوام‌تر می‌کند."
        ),
        "description_en": (
            "A Qashqai kilim with rows of little birds and combs, motifs the tribe's women once wove into dowry "
            "kilims. Its bright orange ground is dyed with pomegranate rind and weld. The wool warp makes it heavier "
            "and longer-lasting than machine-made kilims."
        ),
        "price": 22_000_000,
        "stock": 1,
        "attributes": {"width_cm": 140, "length_cm": 210, "material": "پشم دست‌ریس با رنگ گیاهی"},
        "images": 2,
    },
    {
        "upc": "HM-KLM-007",
        "producer": "firuzabad-gabbeh",
        "title_fa": "خورجین گلیمی قشقایی",
        "title_en": "Qashqai kilim saddlebag",
        "description_fa": (
            "خورجینی دوقلو از آن‌ها که عشایر برای بار زدن روی اسب و قاطر می‌بافتند "
            "و امروز جایش روی دیوار یا کنار مبل است. "
            "روی هر جیب نقش متفاوتی بافته شده و دهانه‌ها با بندهای پشمی بسته می‌شوند. "
            "هنوز هم برای نگه‌داشتن مجله یا پتو به کار می‌آید."
        ),
        "description_en": (
            "A double saddlebag of the kind the nomads wove to load onto horses and mules, now at home on a wall or "
            "beside a sofa. Each pocket carries a different design, and the openings close with woollen loops. "
            "It still works for holding magazines or a blanket."
        ),
        "price": 7_800_000,
        "stock": 3,
        "attributes": {"width_cm": 45, "length_cm": 110, "material": "پشم دست‌ریس، پشت گلیمی"},
        "look": "saddlebag",
        "images": 1,
    },
    {
        "upc": "HM-KLM-008",
        "producer": "firuzabad-gabbeh",
        "title_fa": "سفره‌ی گلیمی عشایری",
        "title_en": "Nomad kilim sofreh",
        "description_fa": (
            "سفره‌ی گلیمی ریزبافت که در ایل برای پهن کردن نان و غذا روی زمین به کار می‌رفت. "
            "حاشیه‌اش نقش دندانه‌ای سفید روی زمینه‌ی قهوه‌ای دارد. امروز بیشتر رومیزی یا روانداز نیمکت است."
        ),
        "description_en": (
            "A finely woven kilim sofreh, the spread the tribe laid on the ground for bread and meals. Its border has "
            "white sawtooth motifs on a brown ground. Today it mostly serves as a table cover or a bench throw."
        ),
        "price": 9_500_000,
        "stock": 2,
        "attributes": {"width_cm": 100, "length_cm": 140, "material": "پشم دست‌ریس، چله‌ی پشم"},
        "images": 1,
    },
]

PRODUCTS = {
    "hand_woven_carpet": HAND_WOVEN_CARPETS,
    "tableau_carpet": TABLEAU_CARPETS,
    "kilim": KILIMS,
}
