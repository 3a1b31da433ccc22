using BenchmarkDotNet.Attributes;

namespace TextLens.Benchmarks;

/// <summary>The sentence splitter alone (the "sentences" component) on pre-tokenized text.</summary>
[MemoryDiagnoser]
public class SentenceSplitterBenchmarks
{
    private Document _doc = null!;
    private IPipelineComponent _splitter = null!;

    /// <summary>The input text.</summary>
    [Params(Corpus.Article, Corpus.Policy1MB)]
    public Corpus Corpus { get; set; }

    /// <summary>Tokenizes the corpus once.</summary>
    [GlobalSetup]
    public void Setup() => (_doc, _splitter) = StageInput.Before(Corpus, "sentences");

    /// <summary>Splits the document into sentences and paragraphs.</summary>
    [Benchmark]
    public int Split()
    {
        _splitter.Process(_doc, CancellationToken.None);
        return _doc.Sentences.Count;
    }
}
