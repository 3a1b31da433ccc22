namespace TextLens;

/// <summary>
/// Settings of the lexicon sentiment scorer. The defaults were chosen on TextLens's own training sentences
/// (<c>data/training/sentiment.csv</c>), not on any evaluation article.
/// </summary>
public sealed record SentimentOptions
{
    /// <summary>A sentence whose compound score is at least this is <see cref="SentimentLabel.Positive"/>. Default 0.15.</summary>
    public double PositiveThreshold { get; init; } = 0.15;

    /// <summary>A sentence whose compound score is at most minus this is <see cref="SentimentLabel.Negative"/>. Default 0.15.</summary>
    public double NegativeThreshold { get; init; } = 0.15;

    /// <summary>VADER's normalisation constant: compound = sum / sqrt(sum² + alpha). Default 15.</summary>
    public double Alpha { get; init; } = 15;

    /// <summary>How many tokens before a phrase a negator still reaches (same clause only). Default 4.</summary>
    public int NegationScope { get; init; } = 4;

    /// <summary>How many tokens before a phrase an intensifier or dampener still reaches (same clause only). Default 3.</summary>
    public int BoosterScope { get; init; } = 3;

    /// <summary>
    /// Valence of a negator with no sentiment phrase in its scope ("Azerbaijan will not sign"). Default 0: a negator that
    /// negates nothing carries no tone by itself (the trained sentence model still sees it as a feature).
    /// </summary>
    public double UnpairedNegationValence { get; init; }

    /// <summary>
    /// Largest magnitude (VADER scale) a negated positive phrase takes: "isn't the best option" (best = 3.2) becomes −1, a
    /// mild reservation, not −2.4. Negated negatives ("no escalation") keep the negator's factor. Default 1.
    /// </summary>
    public double MaxNegatedValence { get; init; } = 1;

    /// <summary>How many tokens after a phrase a negator with nothing to negate after it still reaches back (same clause). Default 8.</summary>
    public int PostNegationScope { get; init; } = 8;

    /// <summary>Factor for an evaluative sentence adverb set off by commas ("Unfortunately, …"). Default 2.</summary>
    public double SentenceAdverbFactor { get; init; } = 2;

    /// <summary>Factor for text inside quotation marks (kept apart as reported speech). Default 0.5.</summary>
    public double QuoteFactor { get; init; } = 0.5;

    /// <summary>Factor applied to a sentence for each hedge stance cue it contains. Default 0.85.</summary>
    public double HedgeFactor { get; init; } = 0.85;

    /// <summary>Hedges never soften a sentence below this factor. Default 0.6.</summary>
    public double MinHedgeFactor { get; init; } = 0.6;

    /// <summary>
    /// With a classifier, the share of its score in the blended compound: 0 = lexicon only, 1 = classifier only. Default 0.5.
    /// </summary>
    public double ClassifierWeight { get; init; } = 0.5;

    internal SentimentLabel LabelOf(double compound) =>
        compound >= PositiveThreshold ? SentimentLabel.Positive : compound <= -NegativeThreshold ? SentimentLabel.Negative : SentimentLabel.Neutral;

    internal void Validate()
    {
        if (!(PositiveThreshold > 0 && PositiveThreshold < 1) || !(NegativeThreshold > 0 && NegativeThreshold < 1))
            throw new ArgumentOutOfRangeException(nameof(PositiveThreshold), "Thresholds must lie strictly between 0 and 1.");
        if (!(Alpha > 0)) throw new ArgumentOutOfRangeException(nameof(Alpha), "Alpha must be positive.");
        if (!(MaxNegatedValence > 0)) throw new ArgumentOutOfRangeException(nameof(MaxNegatedValence), "MaxNegatedValence must be positive.");
        if (NegationScope < 1 || BoosterScope < 1) throw new ArgumentOutOfRangeException(nameof(NegationScope), "Scopes must be at least 1 token.");
        if (!(ClassifierWeight >= 0 && ClassifierWeight <= 1)) throw new ArgumentOutOfRangeException(nameof(ClassifierWeight), "ClassifierWeight must lie in 0..1.");
        if (!(HedgeFactor >= 0 && HedgeFactor <= 1) || !(MinHedgeFactor >= 0 && MinHedgeFactor <= 1) || !(QuoteFactor >= 0 && QuoteFactor <= 1))
            throw new ArgumentOutOfRangeException(nameof(HedgeFactor), "HedgeFactor, MinHedgeFactor and QuoteFactor must lie in 0..1.");
    }
}
