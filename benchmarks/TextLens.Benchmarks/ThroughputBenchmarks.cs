using BenchmarkDotNet.Attributes;

namespace TextLens.Benchmarks;

/// <summary>How many cores multi-document processing may use.</summary>
public enum Cores
{
    /// <summary><c>MaxDegreeOfParallelism = 1</c> (sequential).</summary>
    One,

    /// <summary><c>MaxDegreeOfParallelism = Environment.ProcessorCount</c>.</summary>
    All,
}

/// <summary>
/// Multi-document throughput: <see cref="Documents"/> copies of the article through
/// <c>Pipeline.Process(IEnumerable&lt;string&gt;)</c> (ordered, streaming) with one core and with all cores.
/// </summary>
[MemoryDiagnoser]
public class ThroughputBenchmarks
{
    /// <summary>Documents per operation.</summary>
    public const int Documents = 32;

    private Pipeline _nlp = null!;
    private string[] _docs = [];

    /// <summary>Degree of parallelism (named, not numbered, so the baseline is the same on every machine).</summary>
    [Params(Cores.One, Cores.All)]
    public Cores Cores { get; set; }

    /// <summary>Builds the pipeline with the requested parallelism and warms it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _nlp = Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = Cores == Cores.One ? 1 : Environment.ProcessorCount });
        _docs = Corpora.ArticleDocuments(Documents);
        _nlp.Process(Corpora.Article);
    }

    /// <summary>Processes all documents and returns their total token count.</summary>
    [Benchmark]
    [TokensPerOperation(Corpus.Article, Copies = Documents)]
    public long ProcessDocuments()
    {
        long tokens = 0;
        foreach (var doc in _nlp.Process(_docs)) tokens += doc.Tokens.Count;
        return tokens;
    }
}
