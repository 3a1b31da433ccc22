namespace TextLens.Benchmarks;

/// <summary>
/// The workload tools/instr-gate.sh runs under valgrind's callgrind (see docs/benchmark-gates.md). The full pipeline
/// first runs over warm-up documents uninstrumented (start-up, JIT, model loads, first-call caches: fast and not
/// counted); then callgrind starts instrumenting, and each stage runs over all the measured documents with the
/// counters zeroed before it and dumped after it, so every dump holds exactly one stage's instructions.
/// Single-threaded (MaxDegreeOfParallelism 1); outside valgrind the requests do nothing and it simply runs.
/// </summary>
/// <remarks>
/// Usage: <c>TextLens.Benchmarks --instructions article|policy [--slow STAGE:N]</c>. <c>--slow</c> adds N rounds
/// of fixed busy work per token after STAGE on each measured document: the deliberately slowed stage the gate's
/// own test replays.
/// </remarks>
public static class InstructionRun
{
    /// <summary>Measured copies of the article (after one warm-up copy).</summary>
    public const int ArticleCopies = 40;

    /// <summary>Policy sample: the first this many documents are the warm-up...</summary>
    public const int PolicyWarmup = 5;

    /// <summary>...and the next this many are measured (unseen by the warm-up: the tagger's and recogniser's cold paths).</summary>
    public const int PolicyMeasured = 15;

    /// <summary>Runs the workload; <paramref name="args"/> start with <c>--instructions</c>. Returns the exit code.</summary>
    public static int Run(string[] args)
    {
        if (args.Length < 2) return Fail("usage: --instructions article|policy [--slow STAGE:N]");
        string input = args[1];
        string? slowStage = null;
        int slowRounds = 0;
        if (args.Length == 4 && args[2] == "--slow" && args[3].Split(':') is [var s, var n] && int.TryParse(n, out slowRounds) && slowRounds > 0) slowStage = s;
        else if (args.Length > 2) return Fail($"unknown arguments: {string.Join(' ', args[2..])}");

        string[] warmup, measured;
        switch (input)
        {
            case "article":
                warmup = [Corpora.Article];
                measured = Corpora.ArticleDocuments(ArticleCopies);
                break;
            case "policy":
                var files = Corpora.PolicySampleFiles(PolicyWarmup + PolicyMeasured);
                if (files is null) return Fail($"the policy sample needs {Corpora.PolicyTextsFolder} (../shared)");
                warmup = files[..PolicyWarmup].Select(File.ReadAllText).ToArray();
                measured = files[PolicyWarmup..].Select(File.ReadAllText).ToArray();
                break;
            default:
                return Fail($"unknown input '{input}' (article or policy)");
        }

        var nlp = Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = 1 });
        var stages = nlp.EnabledComponentNames;
        if (slowStage is not null && slowStage != "tokenizer" && !stages.Contains(slowStage)) return Fail($"unknown stage to slow '{slowStage}'");

        long check = 0;
        foreach (var text in warmup) check += nlp.Process(text, "warmup").Tokens.Count;

        Valgrind.StartInstrumentation();
        var docs = new Document[measured.Length];
        SettleHeap();
        bool noGc = GC.TryStartNoGCRegion(NoGcBytes);
        Valgrind.Zero();
        for (int d = 0; d < measured.Length; d++)
        {
            docs[d] = nlp.Tokenizer.Tokenize(measured[d], "d" + d);
            if (slowStage == "tokenizer") check += BusyWork(docs[d].Tokens.Count, slowRounds);
        }
        Valgrind.Dump("stage tokenizer");
        foreach (var name in stages)
        {
            var component = nlp.GetComponent(name);
            Valgrind.Zero();
            foreach (var doc in docs)
            {
                component.Process(doc, CancellationToken.None);
                if (name == slowStage) check += BusyWork(doc.Tokens.Count, slowRounds);
            }
            Valgrind.Dump("stage " + name);
        }
        if (noGc && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        else return Fail($"a garbage collection ran during the counted stages (more than {NoGcBytes:N0} bytes allocated?): the counts are not comparable");
        foreach (var doc in docs) check += doc.Tokens.Count;
        Console.WriteLine($"instructions workload: {input}, {measured.Length} measured documents, valgrind {Valgrind.IsRunning}, check {check}");
        return 0;
    }

    /// <summary>The counted stages allocate ~10-20 MB; they run in a no-GC region this large.</summary>
    private const long NoGcBytes = 200L << 20;

    /// <summary>
    /// Collects before the counted stages, which then run in a no-GC region: without it a collection fell inside a
    /// stage or not depending on what start-up had allocated, and moved single stages by up to 3.4 % between
    /// unchanged runs. (Collecting before every stage instead made the small stages jitter by ~1 %: each compaction
    /// leaves gen0 laid out a little differently.)
    /// </summary>
    private static void SettleHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>Fixed integer work, <paramref name="rounds"/> steps per token (a deliberate slowdown for the gate's test).</summary>
    private static long BusyWork(int tokens, int rounds)
    {
        ulong x = 0x9E3779B97F4A7C15;
        for (long i = 0, n = (long)tokens * rounds; i < n; i++) x = (x ^ (ulong)i) * 0x100000001B3;
        return (long)(x & 1);
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"instructions workload: {message}");
        return 2;
    }
}
