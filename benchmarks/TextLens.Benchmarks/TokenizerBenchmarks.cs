using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TextLens.Benchmarks;

/// <summary>
/// The tokenizer, and the tokenizer plus the sentence splitter, on the Huseynov article and on a ~1 MB corpus
/// (the article repeated). Extra columns: million tokens per second and MB (UTF-8) per second.
/// <c>dotnet run -c Release --project benchmarks/TextLens.Benchmarks -- --filter '*Tokenizer*' --job short --inProcess</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class TokenizerBenchmarks
{
    /// <summary>The article as it ships in <c>data/</c>.</summary>
    public const string Article = "article";

    /// <summary>The article repeated (blank line between copies) to about 1 MB of text.</summary>
    public const string Corpus1MB = "article-1MB";

    private static readonly ConcurrentDictionary<string, (string Text, int Tokens, long Utf8Bytes)> Inputs = new();

    private string _text = "";
    private TextLens.Pipeline _tokenizeAndSplit = null!;

    /// <summary>Which text to process.</summary>
    [Params(Article, Corpus1MB)]
    public string Input { get; set; } = Article;

    /// <summary>Loads the text once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _text = Load(Input).Text;
        _tokenizeAndSplit = new TextLens.Pipeline().Add(new SentenceSplitter());
    }

    /// <summary>Tokens only, into the token array (no document).</summary>
    [Benchmark]
    public int TokenArray() => Tokenizer.Default.TokenizeToArray(_text).Length;

    /// <summary>The public <see cref="Tokenizer.Tokenize(string)"/>: tokens plus the document (normalised and lower-cased text copies).</summary>
    [Benchmark]
    public int Tokenize() => Tokenizer.Default.Tokenize(_text).Tokens.Count;

    /// <summary>Tokenizer plus sentence splitter (and paragraphs) through a pipeline.</summary>
    [Benchmark]
    public int TokenizeAndSplit() => _tokenizeAndSplit.Process(_text).Sentences.Count;

    private static (string Text, int Tokens, long Utf8Bytes) Load(string input) => Inputs.GetOrAdd(input, static name =>
    {
        string article = File.ReadAllText(FindArticle());
        string text = article;
        if (name == Corpus1MB)
        {
            var sb = new StringBuilder(1_010_000);
            while (Encoding.UTF8.GetByteCount(sb.ToString()) < 1_000_000) sb.Append(article).Append("\n\n");
            text = sb.ToString();
        }
        return (text, Tokenizer.Default.TokenizeToArray(text).Length, Encoding.UTF8.GetByteCount(text));
    });

    private static string FindArticle()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, "data", "huseynov-2025-04-17.txt");
                if (File.Exists(path)) return path;
            }
        throw new FileNotFoundException("data/huseynov-2025-04-17.txt not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Adds the throughput columns to this class's summary.</summary>
    public sealed class ThroughputConfig : ManualConfig
    {
        /// <summary>Creates the config.</summary>
        public ThroughputConfig() => AddColumn(new ThroughputColumn(megaTokens: true), new ThroughputColumn(megaTokens: false));
    }

    /// <summary>Million tokens per second, or MB (UTF-8) per second, from the mean time per operation.</summary>
    public sealed class ThroughputColumn(bool megaTokens) : IColumn
    {
        /// <inheritdoc/>
        public string Id => megaTokens ? "TokenizerBenchmarks.MTokPerSec" : "TokenizerBenchmarks.MBPerSec";

        /// <inheritdoc/>
        public string ColumnName => megaTokens ? "Mtokens/s" : "MB/s";

        /// <inheritdoc/>
        public bool AlwaysShow => true;

        /// <inheritdoc/>
        public ColumnCategory Category => ColumnCategory.Custom;

        /// <inheritdoc/>
        public int PriorityInCategory => megaTokens ? 10 : 11;

        /// <inheritdoc/>
        public bool IsNumeric => true;

        /// <inheritdoc/>
        public UnitType UnitType => UnitType.Dimensionless;

        /// <inheritdoc/>
        public string Legend => megaTokens ? "Million tokens per second (tokens in the input / mean time)" : "Megabytes of UTF-8 input per second";

        /// <inheritdoc/>
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        /// <inheritdoc/>
        public bool IsAvailable(Summary summary) => true;

        /// <inheritdoc/>
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        /// <inheritdoc/>
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (benchmarkCase.Descriptor.Type != typeof(TokenizerBenchmarks)) return "-";
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean; // nanoseconds per operation
            if (mean is null or <= 0 || benchmarkCase.Parameters["Input"] is not string input) return "-";
            var (_, tokens, bytes) = Load(input);
            double seconds = mean.Value / 1e9;
            double value = megaTokens ? tokens / seconds / 1e6 : bytes / seconds / 1e6;
            return value.ToString("F2", CultureInfo.InvariantCulture);
        }
    }
}
