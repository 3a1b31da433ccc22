namespace TextLens;

/// <summary>The three-way sentiment label.</summary>
public enum SentimentLabel : sbyte
{
    /// <summary>Negative tone.</summary>
    Negative = -1,
    /// <summary>Neutral or mixed tone.</summary>
    Neutral = 0,
    /// <summary>Positive tone.</summary>
    Positive = 1,
}

/// <summary>The sentiment of a piece of text.</summary>
/// <param name="Start">UTF-16 offset of the scored text.</param>
/// <param name="End">UTF-16 offset just past the scored text.</param>
/// <param name="Compound">Normalised score in -1..+1.</param>
/// <param name="Label">The label derived from the score.</param>
public sealed record SentimentScore(int Start, int End, double Compound, SentimentLabel Label);

/// <summary>Sentiment of a whole document and of its sentences.</summary>
/// <param name="Document">The document's overall score.</param>
/// <param name="Sentences">One score per sentence, in sentence order.</param>
public sealed record DocumentSentiment(SentimentScore Document, IReadOnlyList<SentimentScore> Sentences);
