namespace TextLens.Tests.Entities;

/// <summary>Gazetteer, built-in rules and resolver, without the statistical model (exact spans).</summary>
public class EntityRuleTests
{
    private static readonly TextLens.Pipeline RulesOnly = new TextLens.Pipeline().Add(new SentenceSplitter()).Add(new EntityRecognizer(EntityRuler.Empty, (EntityModel?)null));

    private static List<string> Entities(string text, TextLens.Pipeline? nlp = null) =>
        (nlp ?? RulesOnly).Process(text).Entities.Select(e => $"{e.Label}:{e.Text}@{e.Start}").ToList();

    private static string At(string text, string label, string part, int occurrence = 0)
    {
        int i = -1;
        for (int k = 0; k <= occurrence; k++) i = text.IndexOf(part, i + 1, StringComparison.Ordinal);
        Assert.That(i, Is.GreaterThanOrEqualTo(0), part);
        return $"{label}:{part}@{i}";
    }

    [TestCase("The talks opened on 4th April 2023 in Vienna.", "4th April 2023")]
    [TestCase("The talks opened on 1Rd April 2023 in Vienna.", "1Rd April 2023")] // a mis-cased ordinal once crashed int.Parse
    public void OrdinalDays(string text, string date) =>
        Assert.That(Entities(text).Where(e => e.StartsWith("DATE:", StringComparison.Ordinal)), Is.EqualTo(new[] { At(text, "DATE", date) }));

    [Test]
    public void CountriesCapitalsDemonymsAndPossessives()
    {
        const string text = "Kazakhstan's president met Uzbek officials in Tashkent, while Kyrgyz diplomats stayed in Bishkek.";
        Assert.That(Entities(text), Is.EqualTo(new[]
        {
            At(text, "GPE", "Kazakhstan"), At(text, "NORP", "Uzbek"), At(text, "GPE", "Tashkent"), At(text, "NORP", "Kyrgyz"), At(text, "GPE", "Bishkek"),
        }));
    }

    [Test]
    public void HyphenatedTokensYieldTheirPlaces()
    {
        const string text = "The Serbia-Kosovo dialogue resumed at a Brussels-based institute.";
        Assert.That(Entities(text), Is.EqualTo(new[] { At(text, "GPE", "Serbia"), At(text, "GPE", "Kosovo"), At(text, "GPE", "Brussels") }));
    }

    [Test]
    public void LongestMatchWinsAndCaseMatters()
    {
        const string text = "The Gulf Cooperation Council and the Gulf states told us that the US and the EU disagree.";
        Assert.That(Entities(text), Is.EqualTo(new[]
        {
            At(text, "ORG", "Gulf Cooperation Council"), At(text, "LOC", "Gulf", 1), At(text, "GPE", "US"), At(text, "ORG", "EU"),
        }));
    }

    [Test]
    public void RegionsAndRegionExtension()
    {
        const string text = "Stability in the Western Balkans and the Donbas region matters for Central Asian states.";
        Assert.That(Entities(text), Is.EqualTo(new[]
        {
            At(text, "LOC", "Western Balkans"), At(text, "LOC", "Donbas region"), At(text, "NORP", "Central Asian"),
        }));
    }

    [Test]
    public void AcronymsTheGazetteerDoesNotKnowAreOrganisationsThroughoutTheDocument()
    {
        // an invented acronym, named once as an organisation: one acronym, one label
        const string text = "The Caspian Freight Council (CFRC) met in Aktau. Later CFRC raised fees, and CFRC members complained.";
        var ents = Entities(text, TextLens.Pipeline.CreateEnglish());
        Assert.That(ents.Where(e => e.Contains("CFRC", StringComparison.Ordinal)),
            Is.EqualTo(new[] { At(text, "ORG", "CFRC", 0), At(text, "ORG", "CFRC", 1), At(text, "ORG", "CFRC", 2) }));
    }

    [Test]
    public void PluralAndDefinedAcronymsAreNoNames()
    {
        const string text = "Sales of plug-in hybrid vehicles (PHVs) rose, and PHVs now outsell small diesel (SDV) cars. The SDV market shrank.";
        var ents = Entities(text, TextLens.Pipeline.CreateEnglish());
        Assert.That(ents.Where(e => e.Contains("PHV", StringComparison.Ordinal) || e.Contains("SDV", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void AcronymsOfCommonNounsAreNoOrganisations()
    {
        const string text = "GDP fell while GDP growth in Georgia slowed; the UAV fleet grew and JDAM kits arrived.";
        var ents = Entities(text, TextLens.Pipeline.CreateEnglish());
        Assert.That(ents.Where(e => e.Contains("GDP", StringComparison.Ordinal) || e.Contains("UAV", StringComparison.Ordinal) || e.Contains("JDAM", StringComparison.Ordinal)), Is.Empty);
    }

    [TestCase("Nobody believed the Charter would hold.", "Charter")]
    [TestCase("Every faction feared this Leviathan and its appetite.", "Leviathan")]
    public void AOneWordNameAfterADefiniteDeterminerIsNoPerson(string text, string word) =>
        Assert.That(Entities(text, TextLens.Pipeline.CreateEnglish()), Does.Not.Contain(At(text, "PERSON", word)));

    [TestCase("The plan was drafted under Maria da Costa in Lisbon.", "Maria da Costa")]
    [TestCase("Talks were led by Khalid bin Rashed last week.", "Khalid bin Rashed")]
    [TestCase("The report cites Pieter van Dijk at length.", "Pieter van Dijk")]
    public void NameParticlesStayInsideThePerson(string text, string person) =>
        Assert.That(Entities(text, TextLens.Pipeline.CreateEnglish()), Does.Contain(At(text, "PERSON", person)));

    [Test]
    public void BylineBeforeABarNamesItsAuthors()
    {
        const string text = "Why Grain Corridors Matter\nOrla Brennick and Tamsin Vey | 2025.02.14\nThe corridor reopened.";
        var ents = Entities(text);
        Assert.That(ents, Does.Contain(At(text, "PERSON", "Orla Brennick")));
        Assert.That(ents, Does.Contain(At(text, "PERSON", "Tamsin Vey")));
        Assert.That(ents, Does.Contain(At(text, "DATE", "2025.02.14")));
    }

    [TestCase("Brovik officials declined to comment on the merger.", "Brovik")]
    [TestCase("Shares of Talmaro fell 4 percent on Friday.", "Talmaro")]
    [TestCase("Ines Roth, chief executive of Quillon, stepped down.", "Quillon")]
    [TestCase("Dravena said in a statement that the plant would close.", "Dravena")]
    [TestCase("Analysts bought shares of Marseille after the takeover.", "Marseille")] // a club or company named after a city
    public void OrganisationContextsMakeAnOrg(string text, string org) =>
        Assert.That(Entities(text, TextLens.Pipeline.CreateEnglish()), Does.Contain(At(text, "ORG", org)));

    [TestCase("Local officials declined to comment.")]
    [TestCase("The chief executive of Ukraine's gas company resigned.")]
    [TestCase("Harlow said in a statement that he would resign.")]
    [TestCase("A spokesperson for Orlenko's company declined to comment.")]
    public void OrganisationContextsLeaveOtherNamesAlone(string text) =>
        Assert.That(Entities(text, TextLens.Pipeline.CreateEnglish()).Where(e => e.StartsWith("ORG:", StringComparison.Ordinal)), Is.Empty);

    [Test]
    public void ATitleWordAtTheEndOfANameIsTheSurname()
    {
        const string text = "Prime Minister Jane Major arrived in Kingston.";
        Assert.That(Entities(text), Does.Contain(At(text, "PERSON", "Jane Major")));
    }

    [Test]
    public void MayAfterAGivenNameIsASurname()
    {
        const string text = "Former Prime Minister Theresa May met the envoy in May 2019.";
        Assert.That(Entities(text), Does.Contain(At(text, "PERSON", "Theresa May")));
        Assert.That(Entities(text), Does.Contain(At(text, "DATE", "May 2019")));
    }

    [Test]
    public void NamesOnLinesInCapitalsAndInDatelines()
    {
        const string text = "TBILISI 2025-06-02\nGEORGIA AND ARMENIA REOPEN RAIL LINK TO BATUMI\nAZERBAIJAN, 3 June - Officials in Tbilisi agreed.";
        Assert.That(Entities(text), Is.EqualTo(new[]
        {
            At(text, "GPE", "TBILISI"), At(text, "DATE", "2025-06-02"), At(text, "GPE", "GEORGIA"), At(text, "GPE", "ARMENIA"),
            At(text, "GPE", "BATUMI"), At(text, "GPE", "AZERBAIJAN"), At(text, "DATE", "3 June"), At(text, "GPE", "Tbilisi"),
        }));
    }

    [Test]
    public void ACapitalisedWordInMixedCaseTextIsNotLookedUpCaseInsensitively()
    {
        // "NICE" in a sentence written in lower case is an acronym, not the French city
        const string text = "The NICE guidance changed in spring.";
        Assert.That(Entities(text).Where(e => e.StartsWith("GPE:", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void AcronymsWrittenAsWordsAndBritishParties()
    {
        const string text = "Nato and Opec met as Labour and the Tories argued over Unesco funding.";
        Assert.That(Entities(text), Is.EqualTo(new[]
        {
            At(text, "ORG", "Nato"), At(text, "ORG", "Opec"), At(text, "ORG", "Labour"), At(text, "ORG", "Tories"), At(text, "ORG", "Unesco"),
        }));
    }

    [Test]
    public void NamedOperationsAreEvents()
    {
        const string text = "After Operation Iron Shield ended, the army regrouped.";
        Assert.That(Entities(text), Does.Contain(At(text, "EVENT", "Operation Iron Shield")));
    }

    [TestCase("The envoy moved into an office on Kelvin Street last year.", "Kelvin Street")]
    [TestCase("Russia published its Foreign Policy Concept last spring.", "Policy Concept")]
    public void StreetsAndCapitalisedCommonPhrasesAreNoPersons(string text, string phrase) =>
        Assert.That(Entities(text, TextLens.Pipeline.CreateEnglish()), Does.Not.Contain(At(text, "PERSON", phrase)));

    [Test]
    public void PluralTitleStaysOutOfThePerson()
    {
        const string text = "The meeting between Presidents Aliyev and Pashinyan ended early.";
        var ents = Entities(text, TextLens.Pipeline.CreateEnglish());
        Assert.That(ents, Does.Contain(At(text, "PERSON", "Aliyev")));
        Assert.That(ents.Any(e => e.Contains("Presidents", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public void AModelSpanTheGazetteerSplitsIntoTwoNamesIsTwoEntities()
    {
        // the model, seeing "Christian" as a given name, proposes one place "Christian Armenia" with high confidence
        const string text = "In the 1990s, Christian Armenia and Muslim Azerbaijan fought over Karabakh.";
        Assert.That(Entities(text, TextLens.Pipeline.CreateEnglish()), Is.EqualTo(new[]
        {
            At(text, "DATE", "the 1990s"), At(text, "NORP", "Christian"), At(text, "GPE", "Armenia"), At(text, "NORP", "Muslim"),
            At(text, "GPE", "Azerbaijan"), At(text, "LOC", "Karabakh"),
        }));
    }

    [Test]
    public void AHeadlineRunStartsAfterItsLastFunctionWord()
    {
        const string text = "Five Lessons From the Washington Summit\n\nLessons of the Antalya Diplomacy Forum";
        Assert.That(Entities(text), Is.EqualTo(new[] { At(text, "EVENT", "Washington Summit"), At(text, "EVENT", "Antalya Diplomacy Forum") }));
    }

    [Test]
    public void LocationHeadWordsMakeALocation()
    {
        const string text = "SOCAR plans to expand the Southern Gas Corridor and to explore the Sea of Azov.";
        var expected = new[] { At(text, "ORG", "SOCAR"), At(text, "LOC", "Southern Gas Corridor"), At(text, "LOC", "Sea of Azov") };
        Assert.That(Entities(text, TextLens.Pipeline.CreateEnglish()), Is.EqualTo(expected));
    }

    [Test]
    public void SeatsOfGovernmentAreOrganisations()
    {
        const string text = "Downing Street and the Élysée stayed silent, while Capitol Hill remains divided.";
        var expected = new[] { At(text, "ORG", "Downing Street"), At(text, "ORG", "Élysée"), At(text, "ORG", "Capitol Hill") };
        Assert.Multiple(() =>
        {
            Assert.That(Entities(text), Is.EqualTo(expected));
            Assert.That(Entities(text, TextLens.Pipeline.CreateEnglish()), Is.EqualTo(expected), "the model's PERSON \"Capitol Hill\" loses");
        });
    }

    [Test]
    public void CorridorExtendsAPlaceAndChurchHeadsAnOrganisation()
    {
        const string text = "The Armenian Apostolic Church opposed reopening the Lachin corridor.";
        Assert.That(Entities(text), Is.EqualTo(new[] { At(text, "ORG", "Armenian Apostolic Church"), At(text, "LOC", "Lachin corridor") }));
    }

    [Test]
    public void MonthAbbreviationsMiddleInitialsAndEnumeratingOrdinals()
    {
        const string text = "By Dr. Anna K. Smith\n\nPublished: 12 Feb. 2026\n\n- Second, the vote is set for Sept. 20 in Yerevan. Jan Kowalski disagrees.";
        var expected = new[]
        {
            At(text, "PERSON", "Anna K. Smith"), At(text, "DATE", "12 Feb. 2026"), At(text, "DATE", "Sept. 20"), At(text, "GPE", "Yerevan"),
            At(text, "PERSON", "Jan Kowalski"), // "Jan" alone is no month
        };
        Assert.That(Entities(text, TextLens.Pipeline.CreateEnglish()), Is.EqualTo(expected));
    }

    [Test]
    public void AForeignNameWithASurnameEndingBeforeAVerbIsAPerson()
    {
        const string text = "Nikol Pashinyan has bet his future on peace. Meanwhile Elchin Amirbayov insists on a package deal. " +
            "Global Witness has published a report. Critic Bob Peskov was not impressed.";
        var persons = TextLens.Pipeline.CreateEnglish().Process(text).Entities.Where(e => e.Label == EntityLabel.Person).Select(e => e.Text);
        Assert.That(persons, Is.EqualTo(new[] { "Nikol Pashinyan", "Elchin Amirbayov", "Bob Peskov" }));
    }

    [Test]
    public void APersonMentionedTwiceTakesTheGivenNamesBeforeAMention()
    {
        const string text = "Erdoğan, Kallas and the Politics of Patience\n\nRecep Tayyip Erdoğan spoke in Ankara. " +
            "Kaja Kallas, the EU's top diplomat, welcomed it. Critic Peskov was not impressed.";
        var persons = TextLens.Pipeline.CreateEnglish().Process(text).Entities.Where(e => e.Label == EntityLabel.Person).Select(e => e.Text);
        // "Peskov" is mentioned once: the capitalised word before it is left alone
        Assert.That(persons, Is.EqualTo(new[] { "Erdoğan", "Kallas", "Recep Tayyip Erdoğan", "Kaja Kallas", "Peskov" }));
    }

    [Test]
    public void NothingInsideTheNameOfALawOrRouteIsAnEntity()
    {
        // OntoNotes would call these LAW or FAC, labels TextLens does not use: "Independence", "Kars", "Trump" and the first
        // "Washington" are inside such names, not entities of their own; "the Armenian Constitution" keeps its nationality
        const string text = "Yerevan must amend the 1990 Declaration of Independence. The Treaty of Kars still stands, and the Trump Route for " +
            "International Peace and Prosperity runs through Syunik. The Washington Declaration was signed in Washington. The Armenian Constitution is older.";
        var withModel = TextLens.Pipeline.CreateEnglish();
        var expected = new[]
        {
            At(text, "GPE", "Yerevan"), At(text, "DATE", "1990"), At(text, "GPE", "Syunik"),
            At(text, "GPE", "Washington", 1), At(text, "NORP", "Armenian"),
        };
        Assert.Multiple(() =>
        {
            Assert.That(Entities(text), Is.EqualTo(expected));
            Assert.That(Entities(text, withModel), Is.EqualTo(expected));
        });
    }

    [TestCase("Yesterday, the talks ended in Geneva.", "Yesterday")]
    [TestCase("Trade grew in the first half of 2025 and fell later.", "the first half of 2025")]
    [TestCase("The conflict shaped the 21st century more than any treaty.", "the 21st century")]
    [TestCase("A memo dated 12/05/2025 leaked to the press.", "12/05/2025")]
    [TestCase("A memo dated 2025-05-12 leaked to the press.", "2025-05-12")]
    [TestCase("The talks ended on 17 April 2025 in Geneva.", "17 April 2025")]
    [TestCase("The summit was held on April 11-13 this spring.", "April 11-13")]
    [TestCase("Parliament voted in December 2024.", "December 2024")]
    [TestCase("A deal is unlikely by the end of this year.", "the end of this year")]
    [TestCase("Even 80 years later the wounds remain.", "80 years later")]
    [TestCase("It will take decades, not months.", "decades")]
    [TestCase("Trade grew in 2024 despite sanctions.", "2024")]
    [TestCase("The ministers met on March 3, 2023 in Astana.", "March 3, 2023")]
    [TestCase("Relations improved over the past two decades.", "the past two decades")]
    [TestCase("Mira Holt | 2024.11.05\nThe report landed quietly.", "2024.11.05")]
    [TestCase("The ceasefire held from 1994 to 2020 with breaks.", "1994 to 2020")]
    [TestCase("The pipeline opened on 9th May 2006 near Tbilisi.", "9th May 2006")]
    [TestCase("Trade collapsed in the early 1990s after independence.", "the early 1990s")]
    [TestCase("A decade later, the border reopened.", "A decade later")]
    [TestCase("Earlier this month the envoy resigned.", "Earlier this month")]
    [TestCase("Three years on, the talks have stalled.", "Three years on")]
    [TestCase("Exports doubled in the first six months of 2023.", "the first six months of 2023")]
    public void Dates(string text, string date)
    {
        Assert.That(Entities(text), Does.Contain(At(text, "DATE", date)));
    }

    [Test]
    public void MayIsADateOnlyInDateContext()
    {
        Assert.That(Entities("Leaders may meet again.").Where(e => e.StartsWith("DATE", StringComparison.Ordinal)), Is.Empty);
        const string text = "Leaders met in May and on 5 May 2024.";
        Assert.That(Entities(text), Is.EqualTo(new[] { At(text, "DATE", "May"), At(text, "DATE", "5 May 2024") }));
    }

    [Test]
    public void EventsByHeadWordAndPattern()
    {
        const string text = "After the Munich Security Conference and COP29, memories of World War II and the Cold War returned.";
        Assert.That(Entities(text), Is.EqualTo(new[]
        {
            At(text, "EVENT", "Munich Security Conference"), At(text, "EVENT", "COP29"), At(text, "EVENT", "World War II"), At(text, "EVENT", "Cold War"),
        }));
    }

    [Test]
    public void OrganisationsByHeadWordWithBracketedAcronym()
    {
        const string text = "Analysts at the Tbilisi-based Institute for Development of Freedom of Information (IDFI) and Ilia State University disagreed.";
        Assert.That(Entities(text), Is.EqualTo(new[]
        {
            At(text, "GPE", "Tbilisi"), At(text, "ORG", "Institute for Development of Freedom of Information"), At(text, "ORG", "IDFI"),
            At(text, "ORG", "Ilia State University"),
        }));
    }

    [Test]
    public void PersonsAfterTitlesInContextAndPropagated()
    {
        const string text = "President Kassym-Jomart Tokayev spoke first. According to Marta Kos, the plan works. Tokayev agreed.";
        Assert.That(Entities(text), Is.EqualTo(new[]
        {
            At(text, "PERSON", "Kassym-Jomart Tokayev"), At(text, "PERSON", "Marta Kos"), At(text, "PERSON", "Tokayev", 1),
        }));
    }

    [Test]
    public void WebSiteNamesAreOrganisations()
    {
        const string text = "The views do not reflect the position of eurasianet.org or its partners.";
        Assert.That(Entities(text), Is.EqualTo(new[] { At(text, "ORG", "eurasianet.org") }));
    }

    [Test]
    public void EntitiesAreOrderedNonOverlappingAndExact()
    {
        const string text = "On 9 May 2025 Moscow hosted Xi Jinping; Russia's Vladimir Putin thanked China and the SCO.";
        var doc = RulesOnly.Process(text);
        int last = 0;
        foreach (var e in doc.Entities)
        {
            Assert.That(e.Start, Is.GreaterThanOrEqualTo(last));
            Assert.That(e.Text, Is.EqualTo(text[e.Start..e.End]));
            Assert.That(e.TokenStart, Is.LessThan(e.TokenEnd));
            last = e.End;
        }
        Assert.That(doc.Entities.Select(e => e.Text), Is.EqualTo(new[] { "9 May 2025", "Moscow", "Russia", "Vladimir Putin", "China", "SCO" }));
    }

    [Test]
    public void HostileTextDoesNotThrow()
    {
        string text = string.Concat(Enumerable.Repeat("Of The And ( ) - 's 2024 - May May ", 2000)) + new string('A', 5000);
        Assert.DoesNotThrow(() => RulesOnly.Process(text));
        Assert.That(RulesOnly.Process("").Entities, Is.Empty);
        // many distinct persons: propagation stays linear (indexed by first name part)
        var names = string.Concat(Enumerable.Range(0, 3000).Select(i => $"President Xa{i:x}q Yb{i:x}r spoke. "));
        Assert.That(RulesOnly.Process(names).Entities, Has.Count.EqualTo(3000));
    }
}
