using BenchmarkDotNet.Attributes;
using TextLens;

namespace TextLens.Benchmarks;

/// <summary>
/// The entity stage alone (model + gazetteer + rules + resolver) on the Huseynov article, repeated ten times.
/// Tokens per second = article tokens × 10 / mean time.
/// </summary>
[MemoryDiagnoser]
public class EntityBenchmarks
{
    private Document _doc = null!;
    private EntityRecognizer _recognizer = null!;

    /// <summary>
    /// Tokens processed per invocation, filled in by <see cref="Setup"/>; the Tokens/s column reads this property
    /// (it must be called <c>TokenCount</c> or <c>TokensPerOperation</c>, see benchmarks/README.md).
    /// </summary>
    public int TokenCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(FindRepoRoot(), "data", "huseynov-2025-04-17.txt");
        var text = string.Join("\n\n", Enumerable.Repeat(File.ReadAllText(path), 10));
        _doc = new Pipeline().Add(new SentenceSplitter()).Add(PosTagger.Default).Process(text); // the entity stage runs after the tagger
        _recognizer = new EntityRecognizer();
        TokenCount = _doc.Tokens.Count;
        Console.WriteLine($"// entity benchmark document: {TokenCount} tokens");
    }

    [Benchmark]
    public int Recognize() => _recognizer.Recognize(_doc).Count;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TextLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("TextLens.sln not found.");
    }
}
