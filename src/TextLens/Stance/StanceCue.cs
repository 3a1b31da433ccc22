namespace TextLens;

/// <summary>The kinds of stance cue (see the evaluation schema).</summary>
public enum StanceCueType : byte
{
    /// <summary>An actor declines or rejects ("will not sign", "is not willing to").</summary>
    Refusal,
    /// <summary>A condition attached to a position ("until", "unless", "only if").</summary>
    Condition,
    /// <summary>An actor's intention, wish or plan ("seeks to", "favors", "is ready to").</summary>
    Commitment,
    /// <summary>Obligation, necessity or recommendation ("must", "should", "it is essential to").</summary>
    Deontic,
    /// <summary>Epistemic uncertainty ("likely", "may", "unclear").</summary>
    Hedge,
    /// <summary>Epistemic certainty or emphasis ("clearly", "it is evident that").</summary>
    Booster,
    /// <summary>An evaluation ("unfortunately", "importantly", "a major achievement").</summary>
    Attitude,
}

/// <summary>Whether a stance cue is asserted or negated toward its target.</summary>
public enum StancePolarity : byte
{
    /// <summary>The stance is asserted ("will sign", "should pursue", "clearly").</summary>
    Positive,
    /// <summary>The stance is negative toward its target: refusals and negated obligations ("will not sign", "should not").</summary>
    Negative,
}

/// <summary>A stretch of the document that a stance cue refers to (its holder or its target).</summary>
/// <param name="Start">UTF-16 offset of the first character.</param>
/// <param name="End">UTF-16 offset just past the last character.</param>
/// <param name="TokenStart">Index of the first token.</param>
/// <param name="TokenEnd">Index just past the last token.</param>
/// <param name="Text">The text, equal to <c>doc.Text[Start..End]</c>.</param>
public sealed record StanceSpan(int Start, int End, int TokenStart, int TokenEnd, string Text);

/// <summary>A stance cue found in a document.</summary>
/// <param name="Type">The cue's type.</param>
/// <param name="Start">UTF-16 offset of the first character of the cue phrase.</param>
/// <param name="End">UTF-16 offset just past the cue phrase.</param>
/// <param name="TokenStart">Index of the first token of the cue phrase.</param>
/// <param name="TokenEnd">Index just past the last token of the cue phrase.</param>
/// <param name="Text">The cue phrase, equal to <c>doc.Text[Start..End]</c>.</param>
/// <param name="Holder">The actor whose stance it is, as written in the text, or <c>author</c>.</param>
public sealed record StanceCue(StanceCueType Type, int Start, int End, int TokenStart, int TokenEnd, string Text, string Holder)
{
    /// <summary>The holder's name used when the writer speaks in their own voice.</summary>
    public const string Author = "author";

    /// <summary>Whether the stance is asserted or negated (refusals and "should not" are negative).</summary>
    public StancePolarity Polarity { get; init; }

    /// <summary>Where the holder is written in the text; null when the holder is the author or was resolved from an earlier sentence.</summary>
    public StanceSpan? HolderSpan { get; init; }

    /// <summary>What the stance is about, when the cue governs one: the verb phrase after a refusal, commitment or obligation, or the condition's clause.</summary>
    public StanceSpan? Target { get; init; }

    /// <summary>For a <see cref="StanceCueType.Condition"/>: the index in <see cref="Document.StanceCues"/> of the cue it conditions; otherwise null.</summary>
    public int? LinkedCue { get; init; }

    /// <summary>Index of the lexicon entry (pattern) that proposed the cue, or -1 for cues made by other means.</summary>
    public int RuleIndex { get; init; } = -1;
}
