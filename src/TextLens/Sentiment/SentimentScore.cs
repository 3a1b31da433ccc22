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

/// <summary>What changed the weight of a <see cref="SentimentContribution"/> (several can apply at once).</summary>
[Flags]
public enum SentimentModifiers
{
    /// <summary>The lexicon valence was used as it is.</summary>
    None = 0,
    /// <summary>A negator ("not", "no", "lack of", "hardly") in scope flipped and scaled the valence.</summary>
    Negated = 1,
    /// <summary>An intensifier ("significantly", "deeply") raised the magnitude.</summary>
    Intensified = 2,
    /// <summary>A dampener ("largely", "slightly", "relatively") lowered the magnitude.</summary>
    Dampened = 4,
    /// <summary>The phrase stands before a contrast word ("but", "however") and weighs less.</summary>
    BeforeContrast = 8,
    /// <summary>The phrase follows a contrast word, or lies outside a concessive clause, and weighs more.</summary>
    AfterContrast = 16,
    /// <summary>The phrase lies in a concessive clause ("although …", "despite …") and weighs less.</summary>
    Concessive = 32,
    /// <summary>The phrase lies in a modal or conditional clause ("would", "could", "if", "should") and weighs less.</summary>
    Irrealis = 64,
    /// <summary>The sentence carries hedges (stance cues of type <see cref="StanceCueType.Hedge"/>), which soften it.</summary>
    Hedged = 128,
    /// <summary>The phrase is quoted or reported speech ("…", "X said that …", "according to X"); it is kept apart and weighs less.</summary>
    Reported = 256,
    /// <summary>A negator with no sentiment phrase in its scope ("will not sign"): counted as mildly negative.</summary>
    UnpairedNegation = 512,
    /// <summary>An evaluative sentence adverb standing alone between commas ("Unfortunately, …"), which colours the whole sentence and weighs more.</summary>
    SentenceAdverb = 1024,
    /// <summary>The negator follows the phrase it negates in the same clause ("a breakthrough is hardly possible").</summary>
    PostNegated = 2048,
}

/// <summary>One phrase that contributed to a sentiment score, with its lexicon valence and the final weight after every heuristic.</summary>
/// <param name="Start">UTF-16 offset of the phrase in the document text.</param>
/// <param name="End">UTF-16 offset just past the phrase.</param>
/// <param name="Text">The phrase as written.</param>
/// <param name="Valence">The lexicon valence (VADER scale, -4..+4).</param>
/// <param name="Weight">The contribution to the raw sentence sum after negation, boosters, contrast, irrealis, hedges and reported speech.</param>
/// <param name="Modifiers">Which heuristics changed the weight.</param>
public sealed record SentimentContribution(int Start, int End, string Text, double Valence, double Weight, SentimentModifiers Modifiers);

/// <summary>The sentiment of a piece of text.</summary>
/// <param name="Start">UTF-16 offset of the scored text.</param>
/// <param name="End">UTF-16 offset just past the scored text.</param>
/// <param name="Compound">Normalised score in -1..+1.</param>
/// <param name="Label">The label derived from the score.</param>
public sealed record SentimentScore(int Start, int End, double Compound, SentimentLabel Label)
{
    /// <summary>The phrases that produced the score, in text order (empty for paragraph and document scores, which average sentences).</summary>
    public IReadOnlyList<SentimentContribution> Contributions { get; init; } = [];

    /// <summary>Normalised score (-1..+1) of the author's own voice only, without quoted or reported speech.</summary>
    public double AuthorCompound { get; init; }

    /// <summary>Normalised score (-1..+1) of quoted or reported speech only; 0 when there is none.</summary>
    public double ReportedCompound { get; init; }

    /// <summary>The lexicon scorer's compound before any blending with a trained classifier.</summary>
    public double LexiconCompound { get; init; }

    /// <summary>The trained classifier's score (P(positive) − P(negative)), or null when no classifier was used.</summary>
    public double? ClassifierScore { get; init; }
}

/// <summary>The mean tone of the sentences (or clauses) that mention an entity.</summary>
/// <param name="Text">The entity's longest mention as written. Mentions of one entity are grouped: the same text and
/// label, a gazetteer alias ("EU" with "European Union"), or a surname with the full name the document gives.</param>
/// <param name="EntityLabel">The entity's label.</param>
/// <param name="Mentions">How many mentions were averaged.</param>
/// <param name="Compound">Mean compound score (-1..+1) of the clauses mentioning the entity (the whole sentence when the clause carries no sentiment).</param>
/// <param name="Label">The label derived from <paramref name="Compound"/> with the sentence thresholds.</param>
public sealed record EntitySentiment(string Text, EntityLabel EntityLabel, int Mentions, double Compound, SentimentLabel Label);

/// <summary>Sentiment of a whole document and of its sentences.</summary>
/// <param name="Document">The document's overall score.</param>
/// <param name="Sentences">One score per sentence, in sentence order.</param>
public sealed record DocumentSentiment(SentimentScore Document, IReadOnlyList<SentimentScore> Sentences)
{
    /// <summary>One score per paragraph, in paragraph order (the mean of its sentences that carry sentiment).</summary>
    public IReadOnlyList<SentimentScore> Paragraphs { get; init; } = [];

    /// <summary>Tone towards each entity (dates excluded), ordered by first mention.</summary>
    public IReadOnlyList<EntitySentiment> Entities { get; init; } = [];
}
