using BenchmarkDotNet.Attributes;

namespace TextLens.Benchmarks;

/// <summary>
/// Every stage of the English pipeline alone, on the article and, when ../shared is present, on real varied text
/// (<see cref="Corpus.PolicySample"/>): the document has been through the stages before it once, and each operation
/// runs only this stage's component (<see cref="StageInput"/>). Varied text is where the tagger meets unseen words and
/// the entity recogniser unseen names; the article alone flatters both. Words/s and tokens/s are in the summary.
/// Run: <c>dotnet run -c Release --project benchmarks/TextLens.Benchmarks -- --filter '*StageBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private Document _doc = null!;
    private IPipelineComponent _component = null!;

    /// <summary>The pipeline component timed.</summary>
    [Params("sentences", "tagger", "lemmatizer", "entities", "stance", "sentiment")]
    public string Stage { get; set; } = "";

    /// <summary>The input text.</summary>
    [ParamsSource(nameof(Corpora))]
    public Corpus Corpus { get; set; }

    /// <summary>The corpora this machine has.</summary>
    public static IEnumerable<Corpus> Corpora => TextLens.Benchmarks.Corpora.Available(Corpus.Article, Corpus.PolicySample);

    /// <summary>Runs the stages before <see cref="Stage"/> once, then the stage once (JIT and first-call caches out of the measurement).</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_doc, _component) = StageInput.Before(Corpus, Stage);
        _component.Process(_doc, CancellationToken.None);
    }

    /// <summary>Runs the stage on the whole document (components overwrite their own layer, so repeating is fine).</summary>
    [Benchmark]
    public Document Process()
    {
        _component.Process(_doc, CancellationToken.None);
        return _doc;
    }
}
