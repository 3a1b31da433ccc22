using System.Collections.Frozen;
using TextLens.Models;

namespace TextLens.Stance;

/// <summary>Stance classes a word can signal (bit flags; a word may have several).</summary>
[Flags]
internal enum StanceWordClass : ushort
{
    None = 0,
    Hedge = 1 << 0,
    Booster = 1 << 1,
    Attitude = 1 << 2,
    Intention = 1 << 3,
    Refusal = 1 << 4,
    Deontic = 1 << 5,
    Belief = 1 << 6,
    Feeling = 1 << 7,
    Condition = 1 << 8,
}

/// <summary>
/// The stance word-class lexicon (embedded <c>data/lexicons/stance_words.csv</c>: <c>word, class, source</c>): single
/// words and the stance classes they signal, after Hyland's metadiscourse categories and the modal, intention and refusal
/// verbs of English grammars. The stance model reads a token's classes as features, so a cue word that the training
/// documents never showed still looks like its class. Immutable and thread-safe.
/// </summary>
internal sealed class StanceWordClasses
{
    internal const string ResourcePath = "lexicons/stance_words.csv";

    private static readonly Lazy<StanceWordClasses> LazyDefault = new(
        () => Read(EmbeddedData.ReadText(ResourcePath), EmbeddedData.DisplayName(ResourcePath)), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, StanceWordClass>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private StanceWordClasses(Dictionary<string, StanceWordClass> words)
    {
        Count = words.Count;
        _lookup = words.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The built-in lexicon.</summary>
    public static StanceWordClasses Default => LazyDefault.Value;

    /// <summary>Number of distinct words.</summary>
    public int Count { get; }

    /// <summary>The classes of a lower-case word (<see cref="StanceWordClass.None"/> when unknown).</summary>
    public StanceWordClass Of(ReadOnlySpan<char> lowerWord) => _lookup.TryGetValue(lowerWord, out var c) ? c : StanceWordClass.None;

    /// <summary>Parses the CSV text; malformed rows throw a <see cref="DataFileException"/> naming the line.</summary>
    public static StanceWordClasses Read(string text, string name)
    {
        var words = new Dictionary<string, StanceWordClass>(StringComparer.Ordinal);
        foreach (var row in CsvTable.Read(text, name, "word", "class"))
        {
            var word = row.Required("word").Trim();
            if (word.Length == 0 || word.Any(char.IsWhiteSpace)) throw row.Error($"column 'word' must be one word, got '{word}'");
            if (word.Any(char.IsUpper)) throw row.Error($"column 'word' must be lower case, got '{word}'");
            var cls = row.Enum<StanceWordClass>("class");
            if (cls == StanceWordClass.None) throw row.Error("column 'class' must name a class");
            // "as-long-as", "of-course": fixed expressions are matched by the cue lexicon; the class still marks their words
            words[word] = words.GetValueOrDefault(word) | cls;
        }
        if (words.Count == 0) throw new DataFileException(name, 0, "the word-class lexicon is empty");
        return new StanceWordClasses(words);
    }
}

