using TextLens.Entities;
using TextLens.Tagging;
using TextLens.Train;

namespace TextLens.Tests.Entities;

/// <summary>Web and forum English (lower-case places, review titles, greetings, abbreviations) and the silver-label helpers of `ner` training.</summary>
public class EntityWebTextTests
{
    private static readonly TextLens.Pipeline RulesOnly = new TextLens.Pipeline().Add(new SentenceSplitter()).Add(new EntityRecognizer(EntityRuler.Empty, (EntityModel?)null));

    private static List<string> Entities(string text, TextLens.Pipeline? nlp = null) =>
        (nlp ?? RulesOnly).Process(text).Entities.Select(e => $"{e.Label}:{e.Text}@{e.Start}").ToList();

    [Test]
    public void LowerCaseNamesAreFoundInWebText()
    {
        const string text = "i moved from mexico to san francisco and now i miss delaware";
        Assert.That(Entities(text), Is.EqualTo(new[] { "GPE:mexico@13", "GPE:san francisco@23", "GPE:delaware@52" }));
    }

    [Test]
    public void LowerCaseCompaniesAreFoundInWebText()
    {
        Assert.That(Entities("i asked google and then checked on paypal"), Is.EqualTo(new[] { "ORG:google@8", "ORG:paypal@35" }));
    }

    [Test]
    public void ShopNamedAfterItsOwnerKeepsTheApostropheS()
    {
        // model span "Kenneally" (PERSON) after "at", followed by 's and no noun: a restaurant, LOC "Kenneally's"
        var u = EntityUnits.FromTokens(["dinner", "at", "Kenneally's", "tonight"]); // units: dinner at Kenneally ' s tonight
        var model = new EntityCandidate(2, 3, EntityLabel.Person, EntitySource.Model, EntityCandidate.ModelRank, 0.8);
        var resolved = EntityResolver.Resolve(u, [model], Gazetteer.Default);
        Assert.That(resolved.Select(c => (c.UnitStart, c.UnitEnd, c.Label.Name)), Is.EqualTo(new[] { (2, 5, "LOC") }));
        // a possessive before a noun stays a person without "'s"
        u = EntityUnits.FromTokens(["dinner", "at", "Kenneally's", "house"]);
        resolved = EntityResolver.Resolve(u, [model], Gazetteer.Default);
        Assert.That(resolved.Select(c => (c.UnitStart, c.UnitEnd, c.Label.Name)), Is.EqualTo(new[] { (2, 3, "PERSON") }));
    }

    [Test]
    public void LowerCasePlaceNamesThatAreOrdinaryWordsAreNotPlaces()
    {
        Assert.That(Entities("we had turkey at a nice place in the male ward"), Is.Empty);
        Assert.That(Entities("book at www.mexico-travel.com or mail info@peru"), Is.Not.Contains("GPE:mexico@11").And.Not.Contains("GPE:peru@40"));
        Assert.That(Entities("see /2005-03-09-nasa-search_x.htm?q=france").Where(e => !e.StartsWith("DATE:", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void StatesCitiesAndCompaniesAreInTheGazetteer()
    {
        const string text = "She left Google for a job in Palo Alto, then moved to Queensland.";
        Assert.That(Entities(text), Is.EqualTo(new[] { "ORG:Google@9", "GPE:Palo Alto@29", "GPE:Queensland@54" }));
    }

    [Test]
    public void ReviewTitlesAndChatWordsStartNoName()
    {
        var nlp = TextLens.Pipeline.CreateEnglish();
        Assert.That(Entities("Great Service", nlp), Is.Empty);
        Assert.That(Entities("Poor Customer Service", nlp), Is.Empty);
        Assert.That(Entities("WOW", nlp), Is.Empty);
    }

    [Test]
    public void GivenNamesAreAModelFeatureNotEntities()
    {
        var names = Gazetteer.GivenNames;
        Assert.That(names.Contains("Jim"), Is.True);
        Assert.That(names.Contains("Will"), Is.False); // an ordinary word
        Assert.That(Entities("Jim"), Is.Empty);       // rules and gazetteer alone: not an entity
        var u = EntityUnits.FromTokens(["Thanks", "Jim", "!"]);
        var codes = NerModel.GazetteerCodes(u, Gazetteer.Default);
        Assert.That(codes, Is.EqualTo(new byte[] { 0, 11, 0 }));
    }

    [Test]
    public void ModelSpansKeepTheirClosingAbbreviationPeriodAndLoseGreetings()
    {
        var u = EntityUnits.FromTokens(["at", "Enron", "Corp.", "today"]); // units: at Enron Corp . today
        int s = 1, e = 3;
        Assert.That(NerModel.TrimToName(u, ref s, ref e, person: false), Is.True);
        Assert.That((s, e), Is.EqualTo((1, 4)));
        u = EntityUnits.FromTokens(["Hi", "Vladi", ","]);
        s = 0;
        e = 3;
        Assert.That(NerModel.TrimToName(u, ref s, ref e, person: true), Is.True);
        Assert.That((s, e), Is.EqualTo((1, 2)));
        u = EntityUnits.FromTokens(["the", "SX40", "and", "34"]); // product codes and numbers are no names
        (s, e) = (1, 2);
        Assert.That(NerModel.TrimToName(u, ref s, ref e, person: false), Is.False);
        (s, e) = (3, 4);
        Assert.That(NerModel.TrimToName(u, ref s, ref e, person: false), Is.False);
        u = EntityUnits.FromTokens(["closed", "Sundays"]); // weekdays are no names
        (s, e) = (1, 2);
        Assert.That(NerModel.TrimToName(u, ref s, ref e, person: true), Is.False);
        u = EntityUnits.FromTokens(["met", "Bayramov", "."]);
        s = 1;
        e = 3;
        Assert.That(NerModel.TrimToName(u, ref s, ref e, person: true), Is.True);
        Assert.That((s, e), Is.EqualTo((1, 2)));
    }

    private static ConlluWord W(string form, string upos, int head, string deprel) => new(form, form, upos, "_", -1, -1, true) { Head = head, Deprel = deprel };

    [Test]
    public void SilverSpansAreCorrectedWithTheGoldParse()
    {
        // "John Smith visited the city": a span needs a proper noun and grows over flat name links
        ConlluWord[] words = [W("John", "PROPN", 3, "nsubj"), W("Smith", "PROPN", 1, "flat"), W("visited", "VERB", 0, "root"), W("the", "DET", 5, "det"), W("city", "NOUN", 3, "obj")];
        Assert.That(NerSilver.Constrain(words, ["B-PERSON", "O", "O", "O", "B-LOC"]), Is.EqualTo(new[] { "B-PERSON", "I-PERSON", "O", "O", "O" }));
        Assert.That(NerSilver.Spans(["B-ORG", "I-ORG", "O", "B-LOC"]), Is.EqualTo(new[] { (0, 2, "ORG"), (3, 4, "LOC") }));
    }

    [Test]
    public void TeacherFeaturesDescribeTheNameAndItsGovernor()
    {
        // "in Tampa Bay": the name's head is Bay (Tampa is a compound of it), governed by "live" through "in"
        ConlluWord[] words = [W("I", "PRON", 2, "nsubj"), W("live", "VERB", 0, "root"), W("in", "ADP", 5, "case"), W("Tampa", "PROPN", 5, "compound"), W("Bay", "PROPN", 2, "obl")];
        var f = NerSilver.TeacherFeatures(words);
        Assert.That(f[3], Is.EqualTo(new[] { "x=_", "d=compound", "hd=obl", "gv=live", "gd=obl|live", "in-name", "case=in" }));
    }
}
