"""Old and variant kanji (旧字体・異体字) and the form a person usually types, for matching only.

The stored name is never changed (DESIGN.md): 髙橋 stays 髙橋. Only match keys fold, so that an
attendance report's 高橋 finds the registered 髙橋 and 齋藤 finds 斎藤.

Three tables, applied in this order:

* TABLE: resources/data/kanji_variants.tsv, built by tools/build_kanji_variants.py from
  KANJIDIC2 (EDRDG, CC BY-SA; its JIS variant links: 桒→桑, 逹→達, 劔→剣, 舩→船) and Unihan
  (Unicode: kZVariant, kCompatibilityVariant, and the 常用・人名用 lists of kJoyoKanji /
  kJinmeiyoKanji: 埜→野). Each variant goes to the one standard (常用・人名用) kanji it is
  linked to; standard kanji never fold, so 土/士 and 末/未 stay apart. Licences in
  resources/licenses/KANJIDIC2-LICENSE.txt and Unicode-LICENSE.txt.
* OPENCC: OpenCC's JPVariants.txt (traditional → Japanese shinjitai, 367 characters), from
  opencc-python-reimplemented 0.1.7 (https://github.com/BYVoid/OpenCC, Apache License 2.0, see
  resources/licenses/OpenCC-LICENSE.txt).
* NAMES, applied first: the variants common in family names that neither source links to one
  standard kanji — not in KANJIDIC2 (2022-08) or Unihan 15.0 (髙, 﨑, 𠮷, 栁, 靑, 淸, 𡈽, 﨔,
  𦚰, 驒), or linked to two (嵜, 碕: 崎 or 埼) — and 齊 → 斎 (齋藤/齊藤/斎藤 are one family
  name; the table alone would take 齊 to 斉). Each maps to the common form.
"""

from __future__ import annotations

from kenshu_desk.paths import resources_dir

OPENCC = str.maketrans(
    "乘亂亙亞佛來假傳僞價儉兒內兩剎剩劍劑勞勳勵勸勻區卷卻參吳咒啞單噓嚙嚴囑圈國圍圓圖團增墮壓壘壞壤壯壹壽奧奬妝孃學寢實寫寬寶將專對屆屬峯峽嶽巖巢帶廁廢廣廳彈彌彎彥徑從徵德恆悅惠惡惱慘應懷戀戰戲戶戾拂拔拜挾插揭搔搖搜摑擇擊擔據擴攝攪收效敕敘數斷晉晚晝暨曆曉曾會枡查條棧棱榆榮樂樓樞樣橫檢櫻權歐歡步歲歷歸殘殼毆每氣污沒涉淚淨淺渴潑溪溫溼滯滿潛澀澤濟濤濱濾瀧瀨灣焰燈燒營爐爭爲牀犧狀狹獨獵獸獻瓣產畫當疊疎痹瘦癡發皋盜盡碎祕祿禦禪禮禱稅稱稻穎穗穩穰竈竊粹糉絕絲經綠緖緣縣縱總繫繡繩繪繼續纔纖缺罐羣聯聰聲聽肅脣脫腦腳膽臟臺與舉舊舍荔莊莖菸萊萬蔣蔥薰藏藝藥蘆處虛號螢蟲蠟蠶蠻裝覺覽觀觸說謠證譯譽讀變讓豐豫貓貳賣賴贊贗踐輕輛轉辨辭辯遞遥遲邊鄉酢醉醱醫醬釀釋鋪錄錢鍊鐵鑄鑛閱關陷隨險隱雙雜雞霸靈靜顏顯餘騷驅驗驛髓體髮鬥鱉鷗鹼鹽麥麪麴黃黑默點黨齊齋齒齡龍龜",
    "乗乱亘亜仏来仮伝偽価倹児内両刹剰剣剤労勲励勧匀区巻却参呉呪唖単嘘噛厳嘱圏国囲円図団増堕圧塁壊壌壮壱寿奥奨粧嬢学寝実写寛宝将専対届属峰峡岳巌巣帯厠廃広庁弾弥弯彦径従徴徳恒悦恵悪悩惨応懐恋戦戯戸戻払抜拝挟挿掲掻揺捜掴択撃担拠拡摂撹収効勅叙数断晋晩昼曁暦暁曽会桝査条桟稜楡栄楽楼枢様横検桜権欧歓歩歳歴帰残殻殴毎気汚没渉涙浄浅渇溌渓温湿滞満潜渋沢済涛浜沪滝瀬湾焔灯焼営炉争為床犠状狭独猟獣献弁産画当畳疏痺痩痴発皐盗尽砕秘禄御禅礼祷税称稲頴穂穏穣竃窃粋粽絶糸経緑緒縁県縦総繋繍縄絵継続才繊欠缶群連聡声聴粛唇脱脳脚胆臓台与挙旧舎茘荘茎煙莱万蒋葱薫蔵芸薬芦処虚号蛍虫蝋蚕蛮装覚覧観触説謡証訳誉読変譲豊予猫弐売頼賛贋践軽輌転弁辞弁逓遙遅辺郷醋酔醗医醤醸釈舗録銭錬鉄鋳鉱閲関陥随険隠双雑鶏覇霊静顔顕余騒駆験駅髄体髪闘鼈鴎鹸塩麦麺麹黄黒黙点党斉斎歯齢竜亀",
)

NAMES = str.maketrans(
    {
        "髙": "高", "﨑": "崎", "嵜": "崎", "碕": "崎", "𠮷": "吉", "栁": "柳", "齊": "斎",
        "靑": "青", "淸": "清", "𡈽": "土", "﨔": "欅", "𦚰": "脇", "驒": "騨",
    }
)  # fmt: skip


def _read_table() -> dict[int, str]:
    path = resources_dir() / "data" / "kanji_variants.tsv"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        variant, common = line.split("\t")[:2]
        table[ord(variant)] = common
    return table


TABLE = _read_table()


def fold_variants(text: str) -> str:
    """The common form of every old or variant kanji in ``text`` (for match keys only)."""
    return text.translate(NAMES).translate(TABLE).translate(OPENCC)
