namespace TextLens.Reliability;

/// <summary>Batch processing stops promptly when its token is cancelled mid-stream.</summary>
public class CancellationTests
{
    private const int Total = 1_000_000;

    private static IEnumerable<string> Texts(Action<int> onPull)
    {
        for (int i = 0; i < Total; i++)
        {
            onPull(i);
            yield return $"Document {i}. Azerbaijan will not sign until Armenia changes its constitution.";
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(8)]
    public void CancelMidStreamStopsEnumeration(int parallelism)
    {
        var nlp = TextLens.Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = parallelism });
        using var cts = new CancellationTokenSource();
        int pulled = 0, received = 0;
        var ex = Assert.Catch<OperationCanceledException>(() =>
        {
            foreach (var doc in nlp.Process(Texts(_ => Interlocked.Increment(ref pulled)), cts.Token))
            {
                if (++received == 50) cts.Cancel();
            }
        });
        Assert.That(ex, Is.Not.Null);
        // "Promptly": no document is delivered after cancellation and the source is read at most 2 × parallelism (+1) ahead.
        Assert.That(received, Is.EqualTo(50), "documents delivered");
        Assert.That(Volatile.Read(ref pulled), Is.LessThanOrEqualTo(50 + 2 * parallelism + 1), "texts pulled from the source");
    }

    [Test]
    public void AlreadyCancelledTokenThrowsBeforeWork()
    {
        var nlp = TextLens.Pipeline.CreateEnglish();
        var token = new CancellationToken(canceled: true);
        Assert.Throws<OperationCanceledException>(() => nlp.Process("Some text.", "x", token));
        int pulled = 0;
        Assert.Catch<OperationCanceledException>(() => nlp.Process(Texts(_ => pulled++), token).ToList());
        Assert.That(pulled, Is.LessThanOrEqualTo(1));
    }

    [Test]
    public void CancellationReachesComponents()
    {
        // A component that cancels the token while processing: the pipeline stops before the next stage.
        using var cts = new CancellationTokenSource();
        var nlp = new TextLens.Pipeline().Add(new CancellingComponent(cts)).Add(new FailIfRunComponent());
        Assert.Throws<OperationCanceledException>(() => nlp.Process("text", "x", cts.Token));
    }

    private sealed class CancellingComponent(CancellationTokenSource cts) : IPipelineComponent
    {
        public string Name => "cancel";
        public void Process(Document document, CancellationToken cancellationToken) => cts.Cancel();
    }

    private sealed class FailIfRunComponent : IPipelineComponent
    {
        public string Name => "fail";
        public void Process(Document document, CancellationToken cancellationToken) => throw new AssertionException("ran after cancellation");
    }
}
