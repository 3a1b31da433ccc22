using BenchmarkDotNet.Attributes;

namespace TextLens.Benchmarks;

/// <summary>
/// The full English pipeline (<c>Pipeline.CreateEnglish().Process</c>) on the article, on the ~1 MB corpus of article
/// copies and, when ../shared is present, on the sample of real policy commentaries (<see cref="Corpus.PolicySample"/>).
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private Pipeline _nlp = null!;
    private string _text = "";

    /// <summary>The input text.</summary>
    [ParamsSource(nameof(Corpora))]
    public Corpus Corpus { get; set; }

    /// <summary>The corpora this machine has.</summary>
    public static IEnumerable<Corpus> Corpora => TextLens.Benchmarks.Corpora.Available(Corpus.Article, Corpus.Policy1MB, Corpus.PolicySample);

    /// <summary>Builds the pipeline (models load here, not in the measurement) and warms it once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _nlp = Pipeline.CreateEnglish();
        _text = TextLens.Benchmarks.Corpora.Get(Corpus);
        _nlp.Process(TextLens.Benchmarks.Corpora.Article);
    }

    /// <summary>Processes the whole text into a frozen document.</summary>
    [Benchmark]
    public Document Process() => _nlp.Process(_text);
}
