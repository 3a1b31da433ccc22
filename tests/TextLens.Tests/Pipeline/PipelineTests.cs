namespace TextLens.Tests.Pipeline;

public class PipelineTests
{
    [Test]
    public void NullTextThrows()
    {
        var nlp = TextLens.Pipeline.CreateEnglish();
        Assert.Throws<ArgumentNullException>(() => nlp.Process((string)null!));
    }

    [Test]
    public void DocumentKeepsTextAndIsFrozen()
    {
        var nlp = TextLens.Pipeline.CreateEnglish();
        var doc = nlp.Process("Baku and Yerevan talk.", "x");
        Assert.Multiple(() =>
        {
            Assert.That(doc.Text, Is.EqualTo("Baku and Yerevan talk."));
            Assert.That(doc.Id, Is.EqualTo("x"));
            Assert.That(doc.IsFrozen, Is.True);
            Assert.That(doc.Tokens[0].Text, Is.EqualTo("Baku"));
        });
        Assert.Throws<InvalidOperationException>(() => doc.SetExtension("k", 1));
    }
}
