namespace TextLens.Reliability;

/// <summary>One shared pipeline, many threads: exactly the results of sequential processing.</summary>
public class ThreadSafetyTests
{
    private static List<(string Text, string Id)> Corpus()
    {
        var paragraphs = File.ReadAllText(TextLens.Tests.TestPaths.Article).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var docs = new List<(string, string)>();
        for (int i = 0; i < 64; i++)
        {
            // Different mixes of the article's paragraphs, so documents differ in length and content.
            var parts = Enumerable.Range(0, 1 + i % 5).Select(k => paragraphs[(i * 7 + k * 3) % paragraphs.Length]);
            docs.Add((string.Join("\n\n", parts), $"doc-{i}"));
        }
        docs.Add(("", "empty"));
        docs.Add(("Azerbaijan will not sign until Armenia changes its constitution.", "short"));
        return docs;
    }

    [Test]
    public void ParallelBatchEqualsSequential()
    {
        var docs = Corpus();
        var sequential = TextLens.Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = 1 });
        var expected = sequential.Process(docs).Select(d => d.ToJson()).ToArray();

        var shared = TextLens.Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = 8 });
        for (int round = 0; round < 3; round++)
        {
            var actual = shared.Process(docs).Select(d => d.ToJson()).ToArray();
            Assert.That(actual, Is.EqualTo(expected), $"round {round}");
        }
    }

    [Test]
    public void ManyThreadsCallingProcessEqualSequential()
    {
        var docs = Corpus();
        var nlp = TextLens.Pipeline.CreateEnglish();
        var expected = docs.Select(d => nlp.Process(d.Text, d.Id).ToJson()).ToArray();
        var actual = new string[docs.Count * 4];
        using var start = new ManualResetEventSlim(false);
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            start.Wait();
            for (int i = t; i < actual.Length; i += 8)
                actual[i] = nlp.Process(docs[i % docs.Count].Text, docs[i % docs.Count].Id).ToJson();
        })).ToList();
        threads.ForEach(t => t.Start());
        start.Set();
        threads.ForEach(t => t.Join());
        for (int i = 0; i < actual.Length; i++)
            Assert.That(actual[i], Is.EqualTo(expected[i % docs.Count]), $"document {i % docs.Count} on pass {i / docs.Count}");
    }

    [Test]
    public void FirstUseFromManyThreadsAtOnceIsSafe()
    {
        // Lazy model/lexicon loading raced by many threads on fresh pipelines.
        var text = File.ReadAllText(TextLens.Tests.TestPaths.Article);
        var results = new string[8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = TextLens.Pipeline.CreateEnglish().Process(text, "a").ToJson());
        Assert.That(results.Distinct().Count(), Is.EqualTo(1));
    }
}
