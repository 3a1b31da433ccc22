using System.Collections.Concurrent;
using System.Text;

namespace TextLens.Benchmarks;

/// <summary>The texts every benchmark runs on. Use it as a <c>[Params]</c> value so the tokens/s column can find the token count.</summary>
public enum Corpus
{
    /// <summary>The Huseynov article (data/huseynov-2025-04-17.txt), about 7 KB.</summary>
    Article,

    /// <summary>A policy-style corpus of about 1 MB (1,000,000+ chars): copies of the article with paragraph order rotated per copy.</summary>
    Policy1MB,

    /// <summary>
    /// Real, varied text: ten commentaries of ../shared/corpora/policy-commentaries/texts (every sixth file in ordinal
    /// name order from the first; ~208 KB, ~31k words), joined by blank lines. Read at run time, never copied into the
    /// repository; benchmarks offer it only when ../shared is present (see <see cref="Corpora.Available"/>).
    /// </summary>
    PolicySample,
}

/// <summary>Loads the benchmark corpora from the repository's <c>data/</c> folder once and caches their token counts.</summary>
public static class Corpora
{
    /// <summary>Minimum length in UTF-16 chars of <see cref="Corpus.Policy1MB"/>.</summary>
    public const int PolicyCorpusChars = 1_000_000;

    /// <summary>The repository root (the folder that holds TextLens.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    private static readonly Lazy<string> LazyArticle = new(() => File.ReadAllText(Path.Combine(RepoRoot, "data", "huseynov-2025-04-17.txt")));
    private static readonly Lazy<string> LazyPolicy = new(() => BuildPolicyCorpus(Article, PolicyCorpusChars));
    private static readonly Lazy<string?> LazyPolicySample = new(() => PolicySampleFiles() is { } files ? string.Join("\n\n", files.Select(File.ReadAllText)) : null);
    private static readonly ConcurrentDictionary<Corpus, int> TokenCounts = new();
    private static readonly ConcurrentDictionary<Corpus, int> WordCounts = new();

    /// <summary>Documents in <see cref="Corpus.PolicySample"/>.</summary>
    public const int PolicySampleDocuments = 10;

    /// <summary>The folder the policy sample is read from: ../shared/corpora/policy-commentaries/texts beside the repository.</summary>
    public static string PolicyTextsFolder => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpora", "policy-commentaries", "texts"));

    /// <summary>
    /// The files of <see cref="Corpus.PolicySample"/>: every sixth *.txt of <see cref="PolicyTextsFolder"/> in ordinal
    /// name order, starting with the first, the first <paramref name="count"/> of them; null when the folder is absent
    /// or holds too few files.
    /// </summary>
    public static string[]? PolicySampleFiles(int count = PolicySampleDocuments)
    {
        if (!Directory.Exists(PolicyTextsFolder)) return null;
        var files = Directory.GetFiles(PolicyTextsFolder, "*.txt").Order(StringComparer.Ordinal).Where((_, i) => i % 6 == 0).Take(count).ToArray();
        return files.Length == count ? files : null;
    }

    /// <summary>The corpora of <paramref name="wanted"/> that can be read here (the policy sample needs ../shared); for <c>[ParamsSource]</c>.</summary>
    public static IEnumerable<Corpus> Available(params Corpus[] wanted) =>
        wanted.Where(c => c != Corpus.PolicySample || LazyPolicySample.Value is not null);

    /// <summary>The Huseynov article.</summary>
    public static string Article => LazyArticle.Value;

    /// <summary>The ~1 MB policy-style corpus.</summary>
    public static string Policy1MB => LazyPolicy.Value;

    /// <summary>The text of a corpus.</summary>
    public static string Get(Corpus corpus) => corpus switch
    {
        Corpus.Article => Article,
        Corpus.Policy1MB => Policy1MB,
        Corpus.PolicySample => LazyPolicySample.Value ?? throw new InvalidOperationException($"The policy sample needs {PolicyTextsFolder} (../shared), which is absent: offer it through Corpora.Available."),
        _ => throw new ArgumentOutOfRangeException(nameof(corpus), corpus, null),
    };

    /// <summary>The number of tokens the default tokenizer finds in a corpus (computed once, then cached).</summary>
    public static int TokenCount(Corpus corpus) =>
        TokenCounts.GetOrAdd(corpus, c => Tokenizer.Default.Tokenize(Get(c)).Tokens.Count);

    /// <summary>The number of words in a corpus, counted like <c>wc -w</c> (runs of non-white-space); cached.</summary>
    public static int WordCount(Corpus corpus) => WordCounts.GetOrAdd(corpus, c => CountWords(Get(c)));

    internal static int CountWords(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char ch in text)
        {
            bool space = char.IsWhiteSpace(ch);
            if (!space && !inWord) words++;
            inWord = !space;
        }
        return words;
    }

    /// <summary><paramref name="count"/> copies of the article as separate documents (for multi-document throughput).</summary>
    public static string[] ArticleDocuments(int count)
    {
        var docs = new string[count];
        for (int i = 0; i < count; i++) docs[i] = new string(Article.AsSpan()); // distinct instances, identical text
        return docs;
    }

    /// <summary>
    /// Concatenates copies of <paramref name="article"/> until the result has at least <paramref name="minChars"/> chars.
    /// Copy k starts at paragraph k (mod paragraph count), so paragraph neighbours vary; deterministic.
    /// </summary>
    internal static string BuildPolicyCorpus(string article, int minChars)
    {
        var paragraphs = article.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sb = new StringBuilder(minChars + article.Length * 2);
        for (int copy = 0; sb.Length < minChars; copy++)
        {
            for (int p = 0; p < paragraphs.Length; p++)
            {
                sb.Append(paragraphs[(p + copy) % paragraphs.Length]);
                sb.Append("\n\n");
            }
        }
        return sb.ToString();
    }

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "TextLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("TextLens.sln not found above " + AppContext.BaseDirectory + " or the current directory.");
    }
}
