namespace TextLens.Tests.Pipeline;

/// <summary>The ordered, bounded parallel map behind <c>Pipeline.Process(IEnumerable…)</c> and the CLI's <c>-p</c>.</summary>
public class OrderedParallelTests
{
    [Test]
    public void YieldsInInputOrderWhateverTheFinishingOrder()
    {
        // later items finish first: item i sleeps (20 - i % 20) ms
        var results = OrderedParallel.Select(Enumerable.Range(0, 60), i => { Thread.Sleep(20 - i % 20); return i * i; }, 4, CancellationToken.None).ToList();
        Assert.That(results, Is.EqualTo(Enumerable.Range(0, 60).Select(i => i * i)));
    }

    [Test]
    public void ReadsAtMostTwiceTheDegreeAheadOfABlockedItem()
    {
        const int dop = 3;
        int pulled = 0, finished = 0;
        using var firstStarted = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        IEnumerable<int> Source()
        {
            for (int i = 0; i < 1000; i++) { Interlocked.Increment(ref pulled); yield return i; }
        }
        int Map(int i)
        {
            if (i == 0) { firstStarted.Set(); release.Wait(); }
            else Interlocked.Increment(ref finished);
            return i;
        }
        var consumer = Task.Run(() => OrderedParallel.Select(Source(), Map, dop, CancellationToken.None).Count());
        Assert.That(firstStarted.Wait(TimeSpan.FromSeconds(30)), Is.True);
        // items 1 .. 2*dop-1 run while item 0 blocks; the consumer waits on item 0 and pulls nothing more
        SpinWait.SpinUntil(() => Volatile.Read(ref finished) == 2 * dop - 1, TimeSpan.FromSeconds(30));
        Assert.Multiple(() =>
        {
            Assert.That(Volatile.Read(ref finished), Is.EqualTo(2 * dop - 1));
            Assert.That(Volatile.Read(ref pulled), Is.EqualTo(2 * dop));
        });
        release.Set();
        Assert.That(consumer.Wait(TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(consumer.Result, Is.EqualTo(1000));
    }

    [Test]
    public void ExceptionFromTheMapSurfacesUnwrappedAfterEarlierResults()
    {
        var seen = new List<int>();
        var ex = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var r in OrderedParallel.Select(Enumerable.Range(0, 20), i => i == 5 ? throw new InvalidOperationException("item 5") : i, 2, CancellationToken.None))
                seen.Add(r);
        });
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Is.EqualTo("item 5"));
            Assert.That(seen, Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
        });
    }

    [Test]
    public void CancellationStopsWithinTheWindow()
    {
        using var cts = new CancellationTokenSource();
        int pulled = 0, yielded = 0;
        IEnumerable<int> Source()
        {
            for (int i = 0; i < 100_000; i++) { Interlocked.Increment(ref pulled); yield return i; }
        }
        Assert.That(() =>
        {
            foreach (var _ in OrderedParallel.Select(Source(), i => i, 2, cts.Token))
                if (++yielded == 10) cts.Cancel();
        }, Throws.InstanceOf<OperationCanceledException>());
        Assert.Multiple(() =>
        {
            Assert.That(yielded, Is.EqualTo(10));
            Assert.That(pulled, Is.LessThanOrEqualTo(10 + 2 * 2 + 1));
        });
    }

    [Test]
    public void RejectsNullsAndANonPositiveDegree()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentNullException>(() => OrderedParallel.Select<int, int>(null!, i => i, 2, CancellationToken.None));
            Assert.Throws<ArgumentNullException>(() => OrderedParallel.Select<int, int>([1], null!, 2, CancellationToken.None));
            Assert.Throws<ArgumentOutOfRangeException>(() => OrderedParallel.Select([1], i => i, 0, CancellationToken.None));
        });
    }
}
