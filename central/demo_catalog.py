"""Deterministic demo catalog for a Chinese omni-channel retail chain.

Demos and benchmarks need a shelf that looks real (well-known brands, shelf prices in
fen, scannable GS1 barcodes) yet is exactly reproducible, so a bug seen on one machine
replays on another and benchmark runs compare like with like.  Each product therefore
comes from its index plus a ``random.Random(seed)`` drawing a fixed number of values per
product -- never ``hash()``, global random state or the requested count -- which makes
the stream prefix-stable: ``demo_products(200_000)`` starts with the 2,000 demo products.
Barcodes are a bijection of the index, not random, so they never collide.
"""

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DemoProduct:
    """One sellable item; frozen so demo fixtures cannot be mutated between tests."""

    sku: str
    barcode: str
    name: str
    name_en: str
    category: str
    brand: str
    unit: str
    price: int  # fen (CNY minor units); integers keep money arithmetic exact


# Compact "|"-separated data.  Line: "品牌|Brand|品名|Product|base price in fen[|unit]";
# variant or size: "中文|English|price factor in percent[|unit]".  A variant starting
# with "×" is a pack count glued to the size ("500ml×12"), as printed on cases.
# Category: (name, default unit, shelf-share weight, lines, variants, sizes).
_Category = tuple[str, str, int, tuple[str, ...], tuple[str, ...], tuple[str, ...]]
# Expanded item: (name, name_en, brand, unit, price in fen * 10_000, barcode prefix digit).
_Combo = tuple[str, str, str, str, int, int]
_SCENTS = ("清爽型|Fresh|100", "柠檬香|Lemon|100", "薄荷型|Mint|100", "樱花香|Sakura|100")
_HOME_SCENTS = ("薰衣草|Lavender|100", "柠檬|Lemon|100", "清新|Fresh|100", "茉莉|Jasmine|100")
_BOTTLES = ("330ml罐装|330ml Can|85|罐", "500ml|500ml|100", "1L|1L|170", "1.5L|1.5L|220")

_CATEGORIES: tuple[_Category, ...] = (
    ("饮料", "瓶", 3, (
        "农夫山泉|Nongfu Spring|东方树叶 茉莉花茶|Oriental Leaf Jasmine Tea|500",
        "元气森林|Genki Forest|白桃味苏打气泡水|White Peach Sparkling Water|550",
        "农夫山泉|Nongfu Spring|天然饮用水|Natural Water|200", "百事|Pepsi|可乐|Cola|350",
        "红牛|Red Bull|维生素功能饮料|Energy Drink|650", "可口可乐|Coca-Cola|零度|Zero Sugar|350",
        "康师傅|Master Kong|冰红茶|Iced Black Tea|300", "怡宝|C'estbon|纯净水|Purified Water|200",
        "脉动|Mizone|青柠口味|Lime Vitamin Drink|450", "百事|Pepsi|无糖可乐|Zero Sugar Cola|350",
        "雪碧|Sprite|柠檬味汽水|Lemon-Lime Soda|350", "美年达|Mirinda|橙味汽水|Orange Soda|350",
        "王老吉|Wong Lo Kat|凉茶|Herbal Tea|450", "统一|Uni-President|绿茶|Green Tea|300",
        "可口可乐|Coca-Cola|经典|Classic|350"),
     ("||100", "×6| x6|560|组", "×12| x12|1080|箱", "×24| x24|2050|箱"),
     _BOTTLES),
    ("休闲零食", "袋", 3, (
        "品客|Pringles|薯片 酸乳酪洋葱味|Sour Cream & Onion Crisps|990",
        "费列罗|Ferrero|榛果威化巧克力|Hazelnut Wafer Chocolate|3990",
        "乐事|Lay's|薯片 墨西哥鸡汁番茄味|Mexican Tomato Chips|700",
        "良品铺子|Bestore|高蛋白肉脯|High-protein Pork Jerky|1990",
        "三只松鼠|Three Squirrels|每日坚果|Daily Mixed Nuts|2990",
        "奥利奥|Oreo|原味夹心饼干|Original Sandwich Cookies|790",
        "德芙|Dove|丝滑牛奶巧克力|Silky Milk Chocolate|1590",
        "洽洽|ChaCha|焦糖瓜子|Caramel Sunflower Seeds|890",
        "卫龙|Weilong|大面筋辣条|Spicy Gluten Strips|500", "好丽友|Orion|巧克力派|Choco Pie|1190",
        "乐事|Lay's|薯片 原味|Classic Potato Chips|700", "旺旺|Want Want|雪饼|Rice Crackers|600",
        "盼盼|Panpan|法式小面包|French Mini Bread|990", "旺旺|Want Want|仙贝|Senbei Crackers|600",
        "卫龙|Weilong|魔芋爽 香辣味|Spicy Konjac|600",
        "乐事|Lay's|薯片 黄瓜味|Cucumber Chips|700"),
     ("||100", "×2| x2|190|组", "×3| x3|280|组", "×5| x5|460|组"),
     ("40g|40g|60", "75g|75g|100", "135g|135g|160", "200g|200g|220")),
    ("乳制品", "盒", 2, (
        "伊利|Yili|安慕希 希腊风味酸奶|Ambrosial Greek Yogurt|550",
        "君乐宝|Junlebao|简醇 零蔗糖酸奶|Zero-sucrose Yogurt|550", "旺仔|Want Want|牛奶|Milk|450",
        "蒙牛|Mengniu|特仑苏 有机纯牛奶|Deluxe Organic Milk|650",
        "蒙牛|Mengniu|真果粒 草莓味|Strawberry Fruit Milk|350", "伊利|Yili|纯牛奶|Pure Milk|300",
        "卡士|Classykiss|餐后一小时酸奶|After-meal Yogurt|700",
        "光明|Bright Dairy|优倍鲜牛奶|Youbei Fresh Milk|500", "蒙牛|Mengniu|纯牛奶|Pure Milk|300",
        "伊利|Yili|金典 有机纯牛奶|Satine Organic Milk|600"),
     ("||100", "×6| x6|570|提", "×12| x12|1100|提", "×24| x24|2100|箱"),
     ("200ml|200ml|85", "250ml|250ml|100", "500ml|500ml|180", "950ml|950ml|320")),
    ("方便食品", "袋", 2, (
        "自嗨锅|Zihaiguo|麻辣牛肉自热火锅|Spicy Beef Self-heating Hotpot|2490",
        "康师傅|Master Kong|老坛酸菜牛肉面|Pickled Cabbage Beef Noodles|450",
        "统一|Uni-President|老坛酸菜牛肉面|Pickled Cabbage Beef Noodles|450",
        "今麦郎|Jinmailang|一菜一面 香辣牛肉面|Spicy Beef Noodles|400",
        "统一|Uni-President|汤达人 日式豚骨拉面|Tonkotsu Ramen|650",
        "康师傅|Master Kong|红烧牛肉面|Braised Beef Noodles|450",
        "日清|Nissin|合味道 海鲜风味杯面|Cup Noodle Seafood|700",
        "白象|Baixiang|汤好喝 老母鸡汤面|Hen Soup Noodles|450",
        "好欢螺|Haohuanluo|螺蛳粉|Luosifen Rice Noodles|1290",
        "李子柒|Li Ziqi|柳州螺蛳粉|Liuzhou Luosifen|1390"),
     ("||100", "×3| x3|290|组", "×5| x5|470|组", "×12| x12|1100|箱"),
     ("袋装|Bag|100", "加量装|Extra Portion|120", "桶装|Cup|130|桶", "大桶装|Large Cup|150|桶")),
    ("粮油调味", "瓶", 2, (
        "十月稻田|Shiyue Daotian|五常稻花香大米|Wuchang Fragrant Rice|5990|袋",
        "金龙鱼|Arawana|黄金比例调和油|Blended Cooking Oil|5990|桶",
        "李锦记|Lee Kum Kee|草菇老抽|Mushroom Dark Soy Sauce|1390",
        "鲁花|Luhua|5S压榨花生油|5S Pressed Peanut Oil|7990|桶",
        "千禾|Qianhe|零添加酱油|Zero-additive Soy Sauce|1990",
        "老干妈|Lao Gan Ma|风味豆豉|Black Bean Chili|1090",
        "海天|Haday|金标生抽|Premium Light Soy Sauce|1290",
        "福临门|Fortune|东北大米|Northeast Rice|3990|袋", "海天|Haday|上等蚝油|Oyster Sauce|1190",
        "加加|Jiajia|味极鲜酱油|Seasoned Soy Sauce|990",
        "恒顺|Hengshun|镇江香醋|Zhenjiang Vinegar|990",
        "太太乐|Totole|鸡精|Chicken Bouillon|990|袋"),
     ("||100", "×2| x2|190|组", "×3| x3|280|组"),
     ("便携装|Compact|60", "标准装|Regular|100", "家庭装|Family Size|180", "量贩装|Bulk Size|260")),
    ("个人护理", "瓶", 2, (
        "海飞丝|Head & Shoulders|去屑洗发水|Anti-dandruff Shampoo|4490",
        "清扬|Clear|男士控油洗发水|Men's Oil Control Shampoo|4590",
        "阿道夫|Adolph|精油护发素|Essential Oil Conditioner|5990",
        "威露士|Walch|抑菌洗手液|Antibacterial Hand Wash|1690",
        "多芬|Dove|滋养美肤沐浴乳|Nourishing Body Wash|3990",
        "潘婷|Pantene|乳液修护洗发露|Repair Shampoo|4290",
        "力士|Lux|香氛沐浴露|Fragrance Body Wash|3490", "舒肤佳|Safeguard|沐浴露|Body Wash|2990",
        "飘柔|Rejoice|柔顺洗发水|Smooth Shampoo|2990", "六神|Liushen|花露水|Floral Water|1290"),
     _SCENTS,
     ("200ml|200ml|60", "400ml|400ml|100", "750ml|750ml|165", "1L|1L|210")),
    ("口腔护理", "支", 2, (
        "冷酸灵|Lengsuanling|抗敏感牙膏|Anti-sensitivity Toothpaste|990",
        "高露洁|Colgate|防蛀牙膏|Cavity Protection Toothpaste|1190",
        "舒适达|Sensodyne|抗敏感牙膏|Sensitive Toothpaste|3490",
        "黑人|Darlie|双重薄荷牙膏|Double Mint Toothpaste|1290",
        "中华|Zhonghua|健齿白牙膏|Whitening Toothpaste|890",
        "佳洁士|Crest|3D炫白牙膏|3D White Toothpaste|1590",
        "参半|Banban|益生菌牙膏|Probiotic Toothpaste|3990",
        "狮王|Lion|齿力佳酵素牙膏|Enzyme Toothpaste|2490",
        "云南白药|Yunnan Baiyao|牙膏|Toothpaste|2990"),
     ("薄荷|Mint|100", "留兰香|Spearmint|100", "清新茶香|Fresh Tea|100", "冰柠|Icy Lemon|100"),
     ("90g|90g|80", "120g|120g|100", "140g|140g|115", "180g|180g|140")),
    ("家庭清洁", "瓶", 2, (
        "蓝月亮|Bluemoon|深层洁净洗衣液|Deep Clean Laundry Liquid|2990",
        "威猛先生|Mr Muscle|厨房重油污净|Kitchen Degreaser|1990",
        "汰渍|Tide|全效洗衣粉|All-in-one Washing Powder|1990|袋",
        "超能|Chaoneng|天然皂粉|Natural Soap Powder|2490|袋",
        "威猛先生|Mr Muscle|洁厕液|Toilet Cleaner|1290", "奥妙|OMO|洗衣凝珠|Laundry Pods|4990|盒",
        "滴露|Dettol|衣物除菌液|Laundry Sanitizer|4990", "白猫|White Cat|洗洁精|Dish Soap|990",
        "立白|Liby|茶籽洗洁精|Tea Seed Dish Soap|1290"),
     _HOME_SCENTS,
     ("500g|500g|60", "1kg|1kg|100", "2kg|2kg|180", "3kg|3kg|250")),
    ("纸品", "提", 2, (
        "维达|Vinda|超韧抽纸|Super Tough Facial Tissue|2290", "维达|Vinda|卷纸|Toilet Rolls|2990",
        "得宝|Tempo|加厚抽纸|Extra Thick Facial Tissue|3490",
        "清风|Breeze|原木纯品抽纸|Virgin Pulp Tissue|1990", "洁柔|C&S|手帕纸|Pocket Tissue|1290",
        "心相印|Hearttex|茶语抽纸|Tea Facial Tissue|1990",
        "斑布|Babo|竹浆本色抽纸|Bamboo Pulp Tissue|2690",
        "洁柔|C&S|Face系列抽纸|Face Facial Tissue|2490",
        "心相印|Hearttex|厨房用纸|Kitchen Towels|1590"),
     ("3层|3-Ply|100", "4层|4-Ply|115", "无香款|Unscented|100", "淡香款|Lightly Scented|105"),
     ("6包|6 Packs|100", "10包|10 Packs|160", "18包|18 Packs|270", "24包整箱|Case of 24|340|箱")),
    ("美妆护肤", "瓶", 1, (
        "欧莱雅|L'Oreal Paris|复颜玻尿酸精华|Revitalift Hyaluronic Serum|25990",
        "兰蔻|Lancome|小黑瓶精华肌底液|Advanced Genifique Serum|69900",
        "薇诺娜|Winona|舒敏保湿特护霜|Soothing Repair Cream|16890",
        "自然堂|Chando|雪域精粹面霜|Himalayan Essence Cream|9990",
        "玉兰油|Olay|小白瓶精华|Luminous Niacinamide Serum|22990",
        "珀莱雅|Proya|双抗精华液|Dual Antioxidant Serum|22990",
        "百雀羚|Pechoin|帧颜淡纹霜|Anti-wrinkle Cream|12990",
        "大宝|Dabao|SOD蜜|SOD Moisturizing Lotion|1990"),
     ("||100", "滋润型|Rich|100", "清爽型|Light|100", "×2| x2|190|组"),
     ("30ml|30ml|70", "50ml|50ml|100", "100ml|100ml|170")),
    ("彩妆", "支", 1, (
        "雅诗兰黛|Estee Lauder|DW持妆粉底液|Double Wear Foundation|39900|瓶",
        "毛戈平|Mao Geping|光感美肤粉膏|Luminous Cream Foundation|29900|盒",
        "美宝莲|Maybelline|FIT ME粉底液|Fit Me Foundation|11900|瓶",
        "完美日记|Perfect Diary|小细跟口红|Slim Lipstick|7990",
        "花西子|Florasis|空气蜜粉|Air Setting Powder|14900|盒",
        "卡姿兰|Carslan|大眼睛睫毛膏|Big Eyes Mascara|9900",
        "橘朵|Judydoll|哑光唇釉|Matte Lip Glaze|4990",
        "魅可|MAC|子弹头口红|Bullet Lipstick|19900"),
     ("01号|Shade 01|100", "02号|Shade 02|100", "03号|Shade 03|100", "05号|Shade 05|100"),
     ("迷你装|Mini|60", "||100", "礼盒装|Gift Box|130|盒")),
    ("服装", "件", 2, (
        "波司登|Bosideng|轻薄羽绒服|Lightweight Down Jacket|69900",
        "优衣库|Uniqlo|纯棉圆领T恤|Cotton Crew Neck T-shirt|7900",
        "李宁|Li-Ning|速干运动T恤|Quick-dry Sports T-shirt|12900",
        "太平鸟|Peacebird|直筒牛仔裤|Straight Jeans|35900|条",
        "特步|Xtep|针织运动裤|Knit Track Pants|15900|条",
        "海澜之家|HLA|商务衬衫|Business Shirt|16800", "李宁|Li-Ning|运动外套|Sports Jacket|29900",
        "安踏|Anta|连帽卫衣|Hooded Sweatshirt|21900", "安踏|Anta|运动短裤|Sports Shorts|9900|条",
        "森马|Semir|休闲夹克|Casual Jacket|25900"),
     ("黑色|Black|100", "白色|White|100", "灰色|Grey|100", "藏青色|Navy|100"),
     ("M|M|100", "L|L|100", "XL|XL|100", "XXL|XXL|105")),
    ("家用电器", "台", 1, (
        "格力|Gree|变频空调挂机|Inverter Air Conditioner|329900|套",
        "海尔|Haier|十字对开门冰箱|French-door Refrigerator|399900",
        "海尔|Haier|滚筒洗衣机|Front-load Washing Machine|259900",
        "美的|Midea|变频微波炉|Inverter Microwave Oven|59900",
        "苏泊尔|Supor|智能电饭煲|Smart Rice Cooker|29900",
        "九阳|Joyoung|破壁豆浆机|Soymilk Maker|39900", "美的|Midea|电热水壶|Electric Kettle|9900",
        "小米|Xiaomi|扫地机器人|Robot Vacuum|199900", "小米|Xiaomi|空气净化器|Air Purifier|89900"),
     ("标准版|Standard|100", "智能版|Smart|125", "Pro版|Pro|160"),
     ("白色|White|100", "银色|Silver|100", "星空灰|Space Grey|105")),
    ("数码配件", "个", 2, (
        "漫步者|Edifier|真无线蓝牙耳机|True Wireless Earbuds|19900|副",
        "华为|Huawei|FreeBuds 无线耳机|FreeBuds Earphones|49900|副",
        "倍思|Baseus|氮化镓快充充电器|GaN Fast Charger|6990",
        "绿联|Ugreen|Type-C数据线|USB-C Cable|2990|条", "公牛|Bull|USB插座|USB Power Strip|5990",
        "小米|Xiaomi|蓝牙音箱|Bluetooth Speaker|14900", "小米|Xiaomi|智能手环|Smart Band|24900",
        "罗技|Logitech|无线鼠标|Wireless Mouse|9900", "小米|Xiaomi|充电宝|Power Bank|12900"),
     ("黑色|Black|100", "白色|White|100", "蓝色|Blue|100", "粉色|Pink|100"),
     ("标准款|Standard|100", "升级款|Plus|130", "Pro款|Pro|170", "礼盒套装|Gift Set|200|套")),
    ("母婴", "包", 1, (
        "帮宝适|Pampers|一级帮纸尿裤|Premium Care Diapers|16900",
        "babycare|Babycare|皇室弱酸拉拉裤|Royal Pull-ups|14900",
        "好奇|Huggies|铂金装拉拉裤|Platinum Pull-ups|11900",
        "好奇|Huggies|心钻装纸尿裤|Diamond Diapers|12900",
        "花王|Kao|妙而舒纸尿裤|Merries Diapers|9900",
        "大王|Goo.N|天使纸尿裤|Angel Diapers|13900"),
     ("S码|Size S|100", "M码|Size M|100", "L码|Size L|100", "XL码|Size XL|100"),
     ("单包装|Single Pack|100", "两包装|Twin Pack|190|组", "整箱|Case|360|箱")),
    ("酒类", "瓶", 2, (
        "张裕|Changyu|解百纳干红葡萄酒|Cabernet Dry Red Wine|7990",
        "雪花|Snow|勇闯天涯啤酒|Brave the World Beer|500", "哈尔滨|Harbin|冰纯啤酒|Ice Beer|500",
        "牛栏山|Niulanshan|陈酿二锅头|Aged Erguotou|1500", "百威|Budweiser|啤酒|Lager|750",
        "江小白|Jiang Xiaobai|高粱酒|Sorghum Liquor|5990",
        "泸州老窖|Luzhou Laojiao|特曲|Tequ Baijiu|19900",
        "洋河|Yanghe|海之蓝|Ocean Blue Baijiu|14900", "青岛|Tsingtao|经典啤酒|Classic Beer|600",
        "汾酒|Fenjiu|青花20|Qinghua 20 Baijiu|39900"),
     ("||100", "礼盒装|Gift Box|115|盒", "×2| x2|195|组", "×6| x6|560|箱"),
     ("330ml|330ml|70", "500ml|500ml|100", "750ml|750ml|145", "1L|1L|190")),
)


def _expand(category: _Category) -> tuple[_Combo, ...]:
    """Precompute every distinct shelf item once, so generation is just index arithmetic."""
    _, default_unit, _, lines, variants, sizes = category
    combos: list[_Combo] = []
    for s_zh, s_en, s_pct, *s_unit in (s.split("|") for s in sizes):
        for v_zh, v_en, v_pct, *v_unit in (v.split("|") for v in variants):
            for brand, brand_en, product, product_en, base, *l_unit in (
                line.split("|") for line in lines
            ):
                if v_zh.startswith("×"):
                    zh = (brand, product, s_zh + v_zh)
                    en = (brand_en, product_en, (s_en + v_en).strip())
                else:
                    zh = (brand, product, v_zh, s_zh)
                    en = (brand_en, product_en, v_en, s_en)
                unit = (v_unit + s_unit + l_unit + [default_unit])[0]
                # Same brand -> same 69x prefix, like a real GS1 company prefix.
                digit = sum(map(ord, brand)) % 10
                combos.append((" ".join(filter(None, zh)), " ".join(filter(None, en)), brand,
                               unit, int(base) * int(v_pct) * int(s_pct), digit))
    return tuple(combos)


_NAMES = tuple(c[0] for c in _CATEGORIES)
_WEIGHTS = tuple(c[2] for c in _CATEGORIES)
_COMBOS = tuple(_expand(c) for c in _CATEGORIES)
# Walk each category with a stride coprime to its size (a bijection), so neighbouring
# products differ in brand, variant and size instead of marching through one axis.
_STRIDES = tuple(
    next(s for s in range(n * 618 // 1000, n) if math.gcd(s, n) == 1) for n in map(len, _COMBOS)
)
# Round-robin pattern of (category, rank in period): popular categories get more
# shelf slots, yet every category shows up within the first few dozen products.
_SLOTS = tuple(
    (c, rnd) for rnd in range(max(_WEIGHTS)) for c, w in enumerate(_WEIGHTS) if w > rnd
)
# Weighted digit sum (weights 1,3,1,3) of every 4-digit block, for a table-driven check digit.
_W4 = tuple(n // 1000 + 3 * (n // 100 % 10) + n // 10 % 10 + 3 * (n % 10) for n in range(10_000))
_BODY_SPACE = 1_000_000_000  # 9 barcode digits after the "69x" prefix
_BODY_MUL = 618_033_989  # coprime to 10**9, so index -> body is a bijection (no collisions)
_BODY_ADD = 271_828_182
_MAX_COUNT = _BODY_SPACE


def ean13_check_digit(first12: str) -> str:
    """Return the GS1 mod-10 check digit, so demo barcodes scan on real POS hardware.

    Kept public so tests and import tools validate barcodes with the same rule.
    """
    if len(first12) != 12 or not first12.isascii() or not first12.isdigit():
        raise ValueError(f"expected 12 ASCII digits, got {first12!r}")
    total = sum(int(d) * (3 if k % 2 else 1) for k, d in enumerate(first12))
    return str(-total % 10)


def demo_products(count: int, seed: int = 2026) -> Iterator[DemoProduct]:
    """Yield ``count`` demo products, identical for the same ``seed`` on every run.

    A lazy generator with constant memory, so benchmarks can stream a million rows;
    prefix-stable, so any smaller catalog is an exact subset of a larger one.
    Arguments are checked here, eagerly, rather than on the first ``next()``.
    """
    if count < 0 or count > _MAX_COUNT:
        raise ValueError(f"count must be between 0 and {_MAX_COUNT}, got {count}")
    return _generate(count, seed)


def _generate(count: int, seed: int) -> Iterator[DemoProduct]:
    rand = random.Random(seed).random  # two draws per product keep the prefix stable
    # The seed rotates each category's starting point: another seed, another shelf.
    offsets = tuple(int(rand() * len(combos)) for combos in _COMBOS)
    period = len(_SLOTS)
    for i in range(count):
        q, p = divmod(i, period)
        c, rank = _SLOTS[p]
        combos = _COMBOS[c]
        size = len(combos)
        j = q * _WEIGHTS[c] + rank  # position of this product within its category
        name, name_en, brand, unit, scaled, digit = combos[(j * _STRIDES[c] + offsets[c]) % size]
        if j >= size:  # combinations exhausted: repeat them as a distinct style
            name = f"{name} 款式 {j // size + 1}"
            name_en = f"{name_en} Style {j // size + 1}"
        raw = scaled * (0.92 + 0.16 * rand()) / 10_000
        if raw >= 10_000:  # from ¥100 up shelves show whole yuan, often ending in 9
            yuan = int(raw / 100 + 0.5)
            if rand() < 0.5:
                yuan += 9 - yuan % 10
            price = yuan * 100
        else:  # below ¥100: whole 10 fen, roughly a third ending in .90
            price = max(int(raw / 10 + 0.5) * 10, 10)
            if rand() < 0.3:
                price += 90 - price % 100
        body = (i * _BODY_MUL + _BODY_ADD) % _BODY_SPACE
        weighted = 33 + digit + 3 * (body // 100_000_000)  # 33 = 6*1 + 9*3 for "69"
        check = -(weighted + _W4[body // 10_000 % 10_000] + _W4[body % 10_000]) % 10
        yield DemoProduct(f"SKU{i + 1:07d}", f"69{digit}{body:09d}{check}", name, name_en,
                          _NAMES[c], brand, unit, price)
