namespace TextLens;

/// <summary>
/// An ordered, bounded parallel map: results stream back in input order while at most <c>2 × dop</c> inputs are read
/// ahead of the consumer. PLINQ's ordered merge read tens of thousands of inputs ahead behind one slow item, so memory
/// grew without bound and cancellation left the source draining. Used by <see cref="Pipeline.Process(IEnumerable{ValueTuple{string, string}}, CancellationToken)"/>
/// and by the command-line tool's per-file parallelism.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>Applies <paramref name="map"/> to every input on up to <paramref name="dop"/> threads; yields in input order.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled (thrown from the enumeration).</exception>
    /// <remarks>An exception thrown by <paramref name="map"/> surfaces, unwrapped, when its result is reached.
    /// Ending the enumeration early (break, exception, cancellation) waits for the work already started.</remarks>
    public static IEnumerable<TResult> Select<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, TResult> map, int dop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfLessThan(dop, 1);
        return Iterate(source, map, dop, cancellationToken);
    }

    private static IEnumerable<TResult> Iterate<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, TResult> map, int dop, CancellationToken cancellationToken)
    {
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, dop).ConcurrentScheduler;
        var window = new Queue<Task<TResult>>();
        int maxAhead = 2 * dop;
        using var items = source.GetEnumerator();
        try
        {
            while (true)
            {
                while (window.Count < maxAhead && items.MoveNext())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var item = items.Current;
                    window.Enqueue(Task.Factory.StartNew(() => map(item), cancellationToken, TaskCreationOptions.None, scheduler));
                }
                if (window.Count == 0) yield break;
                cancellationToken.ThrowIfCancellationRequested();
                yield return window.Dequeue().GetAwaiter().GetResult();
            }
        }
        finally
        {
            // Never leave work running after the enumeration ends (cancelled, failed or abandoned by the consumer).
            foreach (var task in window)
                try { task.Wait(CancellationToken.None); } catch (AggregateException) { }
        }
    }
}
