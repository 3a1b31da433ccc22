using System.CommandLine;
using System.Globalization;
using System.Text;

namespace TextLens.Cli;

/// <summary>
/// Hidden <c>textlens gen-corpus</c>: writes N synthetic policy-commentary documents (for load tests and
/// benchmarks). Deterministic for a given seed; the sentences are built from templates, never copied from a corpus.
/// </summary>
internal static class CorpusGenCommand
{
    public static Command Create(CliIO io)
    {
        var count = new Option<int>("--count", "-n") { Description = "Number of documents.", DefaultValueFactory = _ => 1000 };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write doc-0001.txt … into.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42 };
        var cmd = new Command("gen-corpus", "Write a synthetic policy-style corpus (for load tests).") { count, output, seed };
        cmd.Hidden = true;
        cmd.SetAction(parse =>
        {
            int n = parse.GetValue(count);
            string dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            var gen = new CorpusGenerator(parse.GetValue(seed));
            int width = Math.Max(4, n.ToString(CultureInfo.InvariantCulture).Length);
            long chars = 0;
            for (int i = 1; i <= n; i++)
            {
                string text = gen.Document();
                chars += text.Length;
                AtomicFile.WriteAllText(Path.Combine(dir, $"doc-{i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')}.txt"), text);
            }
            io.Error.WriteLine($"textlens: wrote {n} documents ({chars:N0} characters) to {dir}");
            return 0;
        });
        return cmd;
    }
}

/// <summary>Template-based generator of policy-commentary-like text.</summary>
internal sealed class CorpusGenerator(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Countries = ["Armenia", "Azerbaijan", "Georgia", "Turkey", "Iran", "Russia", "France", "Germany", "Kazakhstan", "the United States", "the United Kingdom", "Ukraine", "Moldova", "Poland", "Greece"];
    private static readonly string[] Demonyms = ["Armenian", "Azerbaijani", "Georgian", "Turkish", "Iranian", "Russian", "French", "German", "European", "American"];
    private static readonly string[] People = ["Ilham Aliyev", "Nikol Pashinyan", "Jeyhun Bayramov", "Ararat Mirzoyan", "Emmanuel Macron", "Olaf Scholz", "Recep Tayyip Erdogan", "Kaja Kallas", "Antony Blinken", "Maria Novak", "David Reyes"];
    private static readonly string[] Orgs = ["the European Union", "NATO", "the United Nations", "the OSCE Minsk Group", "the World Bank", "the Council of Europe", "the Collective Security Treaty Organization", "the International Crisis Group"];
    private static readonly string[] Events = ["the Antalya Diplomacy Forum", "COP29", "the Munich Security Conference", "the Eastern Partnership Summit", "World War II", "the Second Karabakh War"];
    private static readonly string[] Regions = ["the South Caucasus", "Central Asia", "the Black Sea region", "the Middle East", "the Caspian basin", "Eastern Europe"];
    private static readonly string[] Dates = ["17 April 2025", "last year", "the end of this year", "March 2024", "the coming months", "April 11-13", "2023", "next spring"];
    private static readonly string[] Topics = ["the peace treaty", "the border delimitation process", "the transport corridor", "the energy agreement", "the normalisation talks", "the constitutional reform", "the trade deal", "the sanctions regime", "regional connectivity", "the humanitarian agenda"];

    private static readonly string[] Templates =
    [
        "{C} will not sign {T} until {C2} changes its position.",
        "{P} said on {D} that {C} is ready to continue {T}.",
        "It is high time for {C} and {C2} to conclude {T}.",
        "{O} should support {T} before the end of the year.",
        "Unfortunately, {C} has rejected the latest proposal on {T}.",
        "The {N} side seeks to strengthen its role in {R}.",
        "It is evident that {T} remains fragile and may collapse.",
        "{P} stressed that {C} must respect the agreements reached at {E}.",
        "Clearly, the talks in {R} have produced a major achievement for {C}.",
        "Analysts argue that {C2} is unlikely to accept {T} unless {O} offers guarantees.",
        "At {E}, {P} met representatives of {O} to discuss {T}.",
        "The good news is that {C} and {C2} agreed on {D} to resume {T}.",
        "{N} officials are not willing to compromise as long as the dispute continues.",
        "Importantly, {O} favors a gradual approach to {T} in {R}.",
        "It seems that {C} aims to diversify its partnerships beyond {R}.",
        "{C} certainly cannot ignore the growing influence of {C2} in {R}.",
        "There is a potential risk that {T} will be delayed until {D}.",
        "The importance of {T} for {R} cannot be overstated.",
        "{P} warned that {C} would hardly tolerate further provocations.",
        "According to {O}, trade between {C} and {C2} grew by {X} percent in {D}.",
    ];

    public string Document()
    {
        var sb = new StringBuilder();
        sb.Append("How ").Append(Pick(Countries).Replace("the ", "The ", StringComparison.Ordinal)).Append(" Sees ").Append(Title(Pick(Topics))).Append("\n\n");
        sb.Append("By ").Append(Pick(People)).Append(", ").Append(Pick(Dates)).Append("\n\n");
        int paragraphs = _random.Next(3, 7);
        for (int p = 0; p < paragraphs; p++)
        {
            int sentences = _random.Next(3, 7);
            for (int s = 0; s < sentences; s++)
            {
                if (s > 0) sb.Append(' ');
                sb.Append(Sentence());
            }
            sb.Append("\n\n");
        }
        return sb.ToString();
    }

    private string Sentence()
    {
        string template = Pick(Templates);
        string c = Pick(Countries), c2 = Pick(Countries);
        while (c2 == c) c2 = Pick(Countries);
        var s = template
            .Replace("{C2}", c2, StringComparison.Ordinal).Replace("{C}", c, StringComparison.Ordinal)
            .Replace("{P}", Pick(People), StringComparison.Ordinal).Replace("{O}", Pick(Orgs), StringComparison.Ordinal)
            .Replace("{E}", Pick(Events), StringComparison.Ordinal).Replace("{R}", Pick(Regions), StringComparison.Ordinal)
            .Replace("{D}", Pick(Dates), StringComparison.Ordinal).Replace("{T}", Pick(Topics), StringComparison.Ordinal)
            .Replace("{N}", Pick(Demonyms), StringComparison.Ordinal)
            .Replace("{X}", _random.Next(2, 40).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return char.ToUpperInvariant(s[0]) + s[1..];
    }

    private string Pick(string[] options) => options[_random.Next(options.Length)];

    private static string Title(string s) =>
        string.Join(' ', s.Split(' ').Select(w => w.Length > 3 || w == "the" ? char.ToUpperInvariant(w[0]) + w[1..] : w));
}
