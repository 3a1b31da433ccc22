namespace TextLens.Tests.Pipeline;

public class PipelineTests
{
    private static readonly string[] Texts = Enumerable.Range(1, 40)
        .Select(i => $"Text {i}: Dr. Aliyev met U.S. officials on Jan. {i}. Talks lasted {i * 3} hours! Were they useful?\n\nNext {i}.")
        .ToArray();

    /// <summary>Records the order in which components run, as a document extension.</summary>
    private sealed class Recorder(string name) : IPipelineComponent
    {
        public string Name => name;

        public void Process(Document document, CancellationToken cancellationToken)
        {
            var trail = document.Extensions.TryGetValue("trail", out var t) ? (string)t + ">" + name : name;
            document.SetExtension("trail", trail);
        }
    }

    /// <summary>Cancels a token source when it sees a given document.</summary>
    private sealed class CancelAt(string id, CancellationTokenSource cts) : IPipelineComponent
    {
        public string Name => "cancel-at";

        public void Process(Document document, CancellationToken cancellationToken)
        {
            if (document.Id == id) cts.Cancel();
        }
    }

    private static string Fingerprint(Document d) =>
        d.Id + "|" + string.Join(",", d.Tokens.Select(t => $"{t.Start}:{t.End}:{t.Kind}")) + "|" + d.ToJson() + "|" +
        string.Join(",", d.Paragraphs.Select(p => $"{p.Start}:{p.End}:{p.SentenceStart}:{p.SentenceEnd}"));

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

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(7)]
    public void ManyTextsComeBackInInputOrderAndEqualSequentialResults(int dop)
    {
        var nlp = TextLens.Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = dop });
        var docs = nlp.Process(Texts).ToList();
        var expected = Texts.Select((t, i) => nlp.Process(t, $"doc-{i + 1}")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(docs.Select(d => d.Text), Is.EqualTo(Texts));
            Assert.That(docs.Select(d => d.Id), Is.EqualTo(Enumerable.Range(1, Texts.Length).Select(i => $"doc-{i}")));
            Assert.That(docs.Select(Fingerprint), Is.EqualTo(expected.Select(Fingerprint)));
            Assert.That(docs.All(d => d.IsFrozen && d.Sentences.Count == 4), Is.True);
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    public void TextsWithIdsKeepTheirIds(int dop)
    {
        var nlp = TextLens.Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = dop });
        var docs = nlp.Process(new[] { ("One.", "a"), ("Two.", "b"), ("Three.", "c") }).ToList();
        Assert.That(docs.Select(d => d.Id + "=" + d.Text), Is.EqualTo(new[] { "a=One.", "b=Two.", "c=Three." }));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void AlreadyCancelledTokenThrows(int dop)
    {
        var nlp = TextLens.Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = dop });
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Catch<OperationCanceledException>(() => nlp.Process(Texts, cts.Token).ToList());
        Assert.Catch<OperationCanceledException>(() => nlp.Process("Text.", "x", cts.Token));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void CancellationDuringProcessingStopsTheStream(int dop)
    {
        using var cts = new CancellationTokenSource();
        var nlp = TextLens.Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = dop }).Add(new CancelAt("doc-3", cts));
        var seen = new List<string>();
        Assert.Catch<OperationCanceledException>(() =>
        {
            foreach (var d in nlp.Process(Texts, cts.Token)) seen.Add(d.Id);
        });
        Assert.That(seen, Has.Count.LessThan(Texts.Length));
        Assert.That(seen, Is.EqualTo(Enumerable.Range(1, seen.Count).Select(i => $"doc-{i}")), "what came back came in order");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void NullTextInTheSequenceThrowsArgumentNullException(int dop)
    {
        var nlp = TextLens.Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = dop });
        Assert.Throws<ArgumentNullException>(() => nlp.Process(new[] { "a", null!, "c" }).ToList());
        Assert.Throws<ArgumentNullException>(() => nlp.Process((IEnumerable<string>)null!));
    }

    [Test]
    public void InvalidParallelismIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextLens.Pipeline(options: new PipelineOptions { MaxDegreeOfParallelism = 0 }));

    [Test]
    public void ComponentsCanBeDisabledAndEnabled()
    {
        var nlp = TextLens.Pipeline.CreateEnglish();
        Assert.That(nlp.ComponentNames, Is.EqualTo(new[] { "sentences" }));
        nlp.Disable("sentences");
        var doc = nlp.Process("One. Two.");
        Assert.Multiple(() =>
        {
            Assert.That(nlp.EnabledComponentNames, Is.Empty);
            Assert.That(nlp.ComponentNames, Is.EqualTo(new[] { "sentences" }));
            Assert.That(doc.Sentences, Is.Empty);
            Assert.That(doc.Tokens.Count, Is.EqualTo(4));
            Assert.That(doc.Tokens[0].SentenceIndex, Is.EqualTo(-1));
        });
        nlp.Enable("sentences");
        Assert.That(nlp.Process("One. Two.").Sentences, Has.Count.EqualTo(2));
    }

    [Test]
    public void CustomComponentsRunInTheirPlace()
    {
        var nlp = TextLens.Pipeline.CreateEnglish()
            .Add(new Recorder("last"))
            .Add(new Recorder("first"), before: "sentences")
            .Add(new Recorder("second"), after: "first")
            .Add(new Recorder("fourth"), after: "sentences");
        Assert.That(nlp.ComponentNames, Is.EqualTo(new[] { "first", "second", "sentences", "fourth", "last" }));
        Assert.That(nlp.Process("Hi.").Extensions["trail"], Is.EqualTo("first>second>fourth>last"));

        nlp.Disable("second").Remove("fourth").Replace(new Recorder("last"));
        Assert.Multiple(() =>
        {
            Assert.That(nlp.Process("Hi.").Extensions["trail"], Is.EqualTo("first>last"));
            Assert.That(nlp.GetComponent("first").Name, Is.EqualTo("first"));
            Assert.That(nlp.EnabledComponentNames, Is.EqualTo(new[] { "first", "sentences", "last" }));
        });
    }

    [Test]
    public void ComponentMisuseIsReported()
    {
        var nlp = TextLens.Pipeline.CreateEnglish();
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => nlp.Add(new SentenceSplitter()));
            Assert.Throws<ArgumentException>(() => nlp.Add(new Recorder("x"), before: "sentences", after: "sentences"));
            Assert.Throws<KeyNotFoundException>(() => nlp.Add(new Recorder("x"), before: "nope"));
            Assert.Throws<KeyNotFoundException>(() => nlp.Disable("nope"));
            Assert.Throws<KeyNotFoundException>(() => nlp.Remove("nope"));
            Assert.Throws<ArgumentNullException>(() => nlp.Add(null!));
        });
        Assert.That(nlp.ComponentNames, Is.EqualTo(new[] { "sentences" }));
    }

    [Test]
    public void CustomTokenizerIsUsed()
    {
        var nlp = new TextLens.Pipeline(Tokenizer.Default.WithSpecialCase("gimme", "gim", "me")).Add(new SentenceSplitter());
        Assert.That(nlp.Process("gimme peace.").Tokens.Select(t => t.Text), Is.EqualTo(new[] { "gim", "me", "peace", "." }));
    }
}
