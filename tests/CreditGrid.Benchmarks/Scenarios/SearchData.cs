using CreditGrid.Core.Grid;
using CreditGrid.Core.Identifiers;

namespace CreditGrid.Benchmarks.Scenarios;

/// <summary>One generated subject_summary row; <see cref="Distinct"/> is where the name's own part (字号 or given name) sits.</summary>
public sealed record SearchSubject(
    string Kind, string Id, string Name, int? Score, string? Grade, int? Stars, string? Color, string? Street, bool Downgraded, string Handle, Range Distinct);

/// <summary>
/// Subjects with Chinese names as a district has them: enterprises (region + 字号 + trade + form), merchants on the
/// streets, persons and officials (surname + given name), institutions. Deterministic for a seed.
/// </summary>
public static class SearchData
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private const string Given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建国文辉力斌宇浩凯鹏飞俊峰波宁欣怡梓涵子轩浩然雨泽一诺思远佳琪晨曦梦瑶嘉怡志强海燕春梅秋菊冬雪天佑瑞祥福贵德胜永康";
    private const string Brand = "鑫华盛泰恒丰源达隆昌兴旺福瑞祥和通宏伟安顺金银玉宝德信诚义仁康健美佳优品锦绣齐鲁鲁中淄川博山临淄周村桓台高青沂源新星光明晨阳东方西城南湖北岭天一万众百家千禧";
    private static readonly string[] Regions = ["淄博", "张店", "山东", "齐鲁", "淄博市", "张店区"];
    private static readonly string[] Trades = ["商贸", "餐饮", "科技", "建材", "物流", "食品", "医药", "化工", "机械", "服装", "陶瓷", "电子", "印刷", "装饰", "汽修", "农业"];
    private static readonly string[] Forms = ["有限公司", "有限责任公司", "股份有限公司", "合作社", "经营部", "商行"];
    private static readonly string[] Shops = ["烧烤店", "面馆", "超市", "水果店", "茶馆", "药店", "饭店", "便利店", "理发店", "包子铺"];
    private static readonly string[] Institutions = ["中心", "学校", "医院", "协会", "居委会", "服务站"];
    public static readonly string[] Streets = ["水晶街", "共建街", "华光路", "人民路", "中心路"];
    private static readonly string[] GradeBands = ["AAA", "AA", "A+", "A", "A", "A", "A-", "A-", "B", "C"];

    public static IEnumerable<SearchSubject> Generate(int count, int seed)
    {
        var random = new Random(seed);
        char Pick(string pool) => pool[random.Next(pool.Length)];
        string Person() => Pick(Surnames) + (random.Next(3) == 0 ? Pick(Given).ToString() : $"{Pick(Given)}{Pick(Given)}");
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            var gradeIndex = random.Next(GradeBands.Length);
            var downgraded = random.Next(200) == 0;
            var grade = downgraded ? "D" : GradeBands[gradeIndex];
            var score = downgraded ? 400 : 1080 - gradeIndex * 30 + random.Next(20);
            // Identifiers spread over their digits (i·7919 mod 10⁸ is a bijection), as real codes are.
            var orgCode = (int)((i * 7919L + 12345) % 100_000_000);
            if (roll < 45 || roll >= 95 && roll < 98)
            {
                var region = Regions[random.Next(Regions.Length)];
                var brand = $"{Pick(Brand)}{Pick(Brand)}";
                var merchant = roll >= 95;
                var name = merchant ? brand + Shops[random.Next(Shops.Length)] : region + brand + Trades[random.Next(Trades.Length)] + Forms[random.Next(Forms.Length)];
                var distinct = merchant ? new Range(0, 2) : new Range(region.Length, region.Length + 2);
                var id = UnifiedSocialCreditCode.Complete($"91370303{orgCode:D8}");
                var color = downgraded ? "black" : random.Next(20) switch { < 10 => "red", < 17 => "blue", < 19 => "yellow", _ => "black" };
                yield return merchant
                    ? new SearchSubject("merchant", id, name, score, grade, null, color, Streets[random.Next(Streets.Length)], downgraded, SubjectHandle.New(), distinct)
                    : new SearchSubject("enterprise", id, name, score, grade, null, null, null, downgraded, SubjectHandle.New(), distinct);
            }
            else if (roll < 92 || roll >= 98)
            {
                // Birth dates spread over 55 years; 20,000 days × the sequence keeps every ID distinct.
                var born = new DateOnly(1950, 1, 1).AddDays(i % 20_000);
                var id = ResidentId.Complete($"370303{born:yyyyMMdd}{i / 20_000 % 1000:D3}");
                var name = Person();
                var official = roll >= 98;
                yield return official
                    ? new SearchSubject("official", id, name, 1000, null, 1 + random.Next(6), null, null, false, SubjectHandle.New(), new Range(1, name.Length))
                    : new SearchSubject("person", id, name, score, grade, null, null, null, downgraded, SubjectHandle.New(), new Range(1, name.Length));
            }
            else
            {
                var name = "张店区" + Pick(Brand) + Pick(Brand) + Institutions[random.Next(Institutions.Length)];
                var id = UnifiedSocialCreditCode.Complete($"12370303{orgCode:D8}");
                yield return new SearchSubject("institution", id, name, null, null, null, null, null, false, SubjectHandle.New(), new Range(3, 5));
            }
        }
    }
}
