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

/// <summary>A stance cue found in a document.</summary>
/// <param name="Type">The cue's type.</param>
/// <param name="Start">UTF-16 offset of the first character of the cue phrase.</param>
/// <param name="End">UTF-16 offset just past the cue phrase.</param>
/// <param name="TokenStart">Index of the first token of the cue phrase.</param>
/// <param name="TokenEnd">Index just past the last token of the cue phrase.</param>
/// <param name="Text">The cue phrase, equal to <c>doc.Text[Start..End]</c>.</param>
/// <param name="Holder">The actor whose stance it is, as written in the text, or <c>author</c>.</param>
public sealed record StanceCue(StanceCueType Type, int Start, int End, int TokenStart, int TokenEnd, string Text, string Holder);
