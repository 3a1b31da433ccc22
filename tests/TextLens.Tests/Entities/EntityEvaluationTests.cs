using System.Text.Json;

namespace TextLens.Tests.Entities;

/// <summary>Evaluations against ../shared (skipped when it is absent) and on our own policy-commentary texts.</summary>
public class EntityEvaluationTests
{
    [Test]
    public void HuseynovArticleStrictAndLenientF1()
    {
        var gold = TestPaths.RequireShared("eval/public/gold/huseynov-2025-04-17.json");
        var text = File.ReadAllText(TestPaths.RequireShared("eval/public/texts/huseynov-2025-04-17.txt"));
        using var json = JsonDocument.Parse(File.ReadAllText(gold));
        var g = json.RootElement.GetProperty("entities").EnumerateArray()
            .Select(e => (Start: e.GetProperty("start").GetInt32(), End: e.GetProperty("end").GetInt32(), Label: e.GetProperty("label").GetString()!)).ToList();
        var doc = TextLens.Pipeline.CreateEnglish().Process(text, "huseynov-2025-04-17");
        var s = doc.Entities.Select(e => (e.Start, e.End, Label: e.Label.Name)).ToList();
        int strict = s.Count(x => g.Contains(x));
        int lenientSys = s.Count(x => g.Any(y => y.Label == x.Label && y.Start < x.End && x.Start < y.End));
        int lenientGold = g.Count(x => s.Any(y => y.Label == x.Label && y.Start < x.End && x.Start < y.End));
        double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
        double strictF1 = F((double)strict / s.Count, (double)strict / g.Count);
        double lenientF1 = F((double)lenientSys / s.Count, (double)lenientGold / g.Count);
        TestContext.Out.WriteLine($"strict F1 {strictF1:F3}, lenient F1 {lenientF1:F3} ({s.Count} predicted, {g.Count} gold)");
        Assert.That(strictF1, Is.GreaterThanOrEqualTo(0.90));
        Assert.That(lenientF1, Is.GreaterThanOrEqualTo(0.95));
    }

    /// <summary>A commentary we wrote ourselves about another region, with hand-made expected entities.</summary>
    [Test]
    public void OwnCommentaryOnCentralAsia()
    {
        const string text =
            "Water Diplomacy in Central Asia Needs a New Push\n\n3 MARCH 2025\n\n" +
            "The Tashkent International Investment Forum, held on March 10-12, showed that Uzbekistan and Tajikistan are ready to cooperate. " +
            "President Shavkat Mirziyoyev and his Tajik counterpart agreed to revive the Rogun talks. " +
            "According to Dilnoza Karimova, Director of the Central Asian Water Institute, the Amu Darya basin will need decades of joint management. " +
            "The European Union and the Asian Development Bank have promised funds, but Russian and Chinese interests complicate matters. " +
            "A final agreement is unlikely before the end of this year.";
        var nlp = TextLens.Pipeline.CreateEnglish();
        var got = nlp.Process(text).Entities.Select(e => $"{e.Label}:{e.Text}").ToList();
        TestContext.Out.WriteLine(string.Join("; ", got));
        Assert.That(got, Is.SupersetOf(new[]
        {
            "LOC:Central Asia", "DATE:3 MARCH 2025", "EVENT:Tashkent International Investment Forum", "DATE:March 10-12",
            "GPE:Uzbekistan", "GPE:Tajikistan", "PERSON:Shavkat Mirziyoyev", "NORP:Tajik", "PERSON:Dilnoza Karimova",
            "ORG:Central Asian Water Institute", "DATE:decades", "ORG:European Union", "ORG:Asian Development Bank",
            "NORP:Russian", "NORP:Chinese", "DATE:the end of this year",
        }));
    }

    [Test]
    public void OwnCommentaryOnTheSahel()
    {
        const string text =
            "Since the coup in July 2023, Niger has turned away from France. Prime Minister Ali Lamine Zeine told reporters in Niamey " +
            "that the Alliance of Sahel States would defend its members. Mali's Abdoulaye Diop, the foreign minister, said ECOWAS had failed. " +
            "Diop later met officials of the African Union in Addis Ababa on 14 February.";
        var got = TextLens.Pipeline.CreateEnglish().Process(text).Entities.Select(e => $"{e.Label}:{e.Text}").ToList();
        TestContext.Out.WriteLine(string.Join("; ", got));
        Assert.That(got, Is.SupersetOf(new[]
        {
            "DATE:July 2023", "GPE:Niger", "GPE:France", "PERSON:Ali Lamine Zeine", "GPE:Niamey", "ORG:Alliance of Sahel States",
            "GPE:Mali", "PERSON:Abdoulaye Diop", "PERSON:Diop", "ORG:African Union", "GPE:Addis Ababa", "DATE:14 February",
        }));
    }
}
