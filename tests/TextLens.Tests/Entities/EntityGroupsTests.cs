using TextLens.Entities;

namespace TextLens.Tests.Entities;

public class EntityGroupsTests
{
    private static readonly IEqualityComparer<string> Names = EntityGroups.NormalisedComparer.Instance;

    [TestCase("O’Brien", "o'brien")]
    [TestCase("Nagorno–Karabakh", "Nagorno-Karabakh")]
    [TestCase("South  Caucasus", "south\tcaucasus")]
    [TestCase(" Baku ", "BAKU")]
    [TestCase("“Middle Corridor”", "\"middle corridor\"")]
    public void NamesDifferingInCaseQuotesDashesOrSpacingAreEqual(string a, string b)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Names.Equals(a, b), Is.True);
            Assert.That(Names.GetHashCode(a), Is.EqualTo(Names.GetHashCode(b)));
        });
    }

    [TestCase("Baku", "Bakuu")]
    [TestCase("South Caucasus", "SouthCaucasus")]
    [TestCase("Armenia", "Armenia-")]
    public void OtherNamesDiffer(string a, string b) => Assert.That(Names.Equals(a, b), Is.False);
}
