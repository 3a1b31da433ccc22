namespace TextLens;

/// <summary>The aggregates of a corpus report (<see cref="CorpusAggregator.Summarize"/>). Immutable.</summary>
public sealed record CorpusSummary
{
    /// <summary>Documents aggregated.</summary>
    public int Documents { get; init; }

    /// <summary>Documents dated by a DATE entity on their byline.</summary>
    public int DatedByByline { get; init; }

    /// <summary>Documents dated by a <c>yyyy-mm-dd</c> date in their file name.</summary>
    public int DatedByFileName { get; init; }

    /// <summary>Documents dated by their text file's last-write time.</summary>
    public int DatedByFileTime { get; init; }

    /// <summary>Documents without a date.</summary>
    public int Undated { get; init; }

    /// <summary>True when periods are years (dated documents span more than 24 months), false when months (<c>yyyy-mm</c>).</summary>
    public bool PeriodsAreYears { get; init; }

    /// <summary>Every period from the first dated document to the last, with its document count (0 for gaps).</summary>
    public IReadOnlyList<CorpusPeriod> Periods { get; init; } = [];

    /// <summary>Entity mentions (DATE excluded) over the corpus.</summary>
    public long EntityMentions { get; init; }

    /// <summary>Stance cues over the corpus.</summary>
    public long StanceCues { get; init; }

    /// <summary>The most mentioned entities of each label (PERSON, ORG, GPE, NORP, LOC, EVENT, then others).</summary>
    public IReadOnlyList<CorpusEntity> TopEntities { get; init; } = [];

    /// <summary>Every tracked entity, most mentioned first (the rows of <c>entities_by_period.csv</c>).</summary>
    public IReadOnlyList<CorpusEntity> AllEntities { get; init; } = [];

    /// <summary>The stance holders with the most cues (the author excluded): the rows of the actor × stance matrix.</summary>
    public IReadOnlyList<CorpusActor> Actors { get; init; } = [];

    /// <summary>Every tracked stance holder, most cues first (the rows of <c>actor_stance.csv</c>).</summary>
    public IReadOnlyList<CorpusActor> AllActors { get; init; } = [];

    /// <summary>The holders with the most REFUSAL cues, most first.</summary>
    public IReadOnlyList<CorpusActor> TopRefusers { get; init; } = [];

    /// <summary>Cues whose holder is the author, per type.</summary>
    public IReadOnlyList<CorpusTypeCount> AuthorCues { get; init; } = [];

    /// <summary>Cues whose holder is only a determiner or pronoun ("the", "they"): not attributed to any actor.</summary>
    public IReadOnlyList<CorpusTypeCount> UnresolvedHolderCues { get; init; } = [];

    /// <summary>Document sentiment distribution per group (source or folder).</summary>
    public IReadOnlyList<CorpusSentimentGroup> SentimentByGroup { get; init; } = [];

    /// <summary>Document sentiment distribution per year of the dated documents.</summary>
    public IReadOnlyList<CorpusSentimentGroup> SentimentByYear { get; init; } = [];

    /// <summary>The most negative documents (value: document sentiment).</summary>
    public IReadOnlyList<CorpusOutlier> MostNegative { get; init; } = [];

    /// <summary>The most hedged documents of at least 200 tokens (value: HEDGE cues per 1,000 tokens).</summary>
    public IReadOnlyList<CorpusOutlier> MostHedged { get; init; } = [];

    /// <summary>The documents with the most REFUSAL cues (value: refusals).</summary>
    public IReadOnlyList<CorpusOutlier> MostRefusals { get; init; } = [];
}

/// <summary>A period and the documents dated in it.</summary>
/// <param name="Name">The period: <c>yyyy</c> or <c>yyyy-mm</c>.</param>
/// <param name="Documents">Documents dated in the period.</param>
public sealed record CorpusPeriod(string Name, int Documents);

/// <summary>An entity over the corpus: mentions grouped as in <see cref="EntityTone"/> within a document, and across
/// documents by label and normalised canonical name ("EU" with "European Union").</summary>
/// <param name="Name">The name as first seen.</param>
/// <param name="Label">The entity label.</param>
/// <param name="Mentions">Mentions over the corpus.</param>
/// <param name="Documents">Documents that mention it.</param>
/// <param name="Tone">Mean over those documents of the tone toward it (<see cref="EntityTone.Tone"/>), -1..+1.</param>
/// <param name="Periods">Mentions and tone per period, for dated documents only; periods without a mention are left out.</param>
public sealed record CorpusEntity(string Name, EntityLabel Label, long Mentions, int Documents, double Tone, IReadOnlyList<CorpusEntityPeriod> Periods);

/// <summary>An entity in one period.</summary>
/// <param name="Period">The period (<c>yyyy</c> or <c>yyyy-mm</c>).</param>
/// <param name="Mentions">Mentions in the period's documents.</param>
/// <param name="Documents">Documents of the period that mention the entity.</param>
/// <param name="Tone">Mean tone toward the entity over those documents.</param>
public sealed record CorpusEntityPeriod(string Period, long Mentions, int Documents, double Tone);

/// <summary>A stance holder over the corpus, with its cues per type in the order of <see cref="CorpusAggregator.StanceTypes"/>.</summary>
/// <param name="Name">The holder, named as <see cref="EntityTone"/> names the entity it refers to (canonical gazetteer name,
/// a person's full name when the document gives it), or the holder text when it is not an entity.</param>
/// <param name="Label">The entity label, or empty when the holder is not an entity.</param>
/// <param name="Total">Cues of every type.</param>
/// <param name="Stances">One cell per cue type.</param>
public sealed record CorpusActor(string Name, string Label, long Total, IReadOnlyList<CorpusActorStance> Stances)
{
    /// <summary>The cell for one cue type.</summary>
    /// <param name="type">The cue type.</param>
    /// <returns>The cell (zero counts when the actor has no cue of that type).</returns>
    public CorpusActorStance this[StanceCueType type] => Stances[(int)type];
}

/// <summary>One cell of the actor × stance matrix.</summary>
/// <param name="Type">The cue type.</param>
/// <param name="Cues">Cues of this type held by the actor.</param>
/// <param name="Documents">Documents with at least one of them.</param>
/// <param name="Phrases">The most frequent cue phrases (lower case), most first.</param>
/// <param name="Targets">What the cues are about: the most frequent nouns (lemmas) and proper nouns of their targets.</param>
/// <param name="Examples">Up to three cues from the last documents added (one per document), with their document and target.</param>
public sealed record CorpusActorStance(StanceCueType Type, int Cues, int Documents, IReadOnlyList<CorpusCount> Phrases,
    IReadOnlyList<CorpusCount> Targets, IReadOnlyList<CorpusExample> Examples);

/// <summary>A string and how often it occurs.</summary>
/// <param name="Text">The string.</param>
/// <param name="Count">Occurrences.</param>
/// <param name="DocumentId">The last document it occurs in, or null.</param>
/// <param name="ReportHref">Link to that document's report, or null.</param>
public sealed record CorpusCount(string Text, int Count, string? DocumentId = null, string? ReportHref = null);

/// <summary>A cue type and a count.</summary>
/// <param name="Type">The cue type.</param>
/// <param name="Count">Cues.</param>
public sealed record CorpusTypeCount(StanceCueType Type, int Count);

/// <summary>One cue as an example, with where to read it.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="ReportHref">Link to the document's report, or null.</param>
/// <param name="Phrase">The cue as written.</param>
/// <param name="Target">Its target (what it is about), clipped to 120 characters; empty when none.</param>
public sealed record CorpusExample(string DocumentId, string? ReportHref, string Phrase, string Target);

/// <summary>The distribution of document sentiment in a group of documents.</summary>
/// <param name="Name">The group (source, folder or year).</param>
/// <param name="Documents">Documents with a sentiment score.</param>
/// <param name="Positive">Documents labelled positive.</param>
/// <param name="Neutral">Documents labelled neutral.</param>
/// <param name="Negative">Documents labelled negative.</param>
/// <param name="Mean">Mean document sentiment.</param>
/// <param name="Histogram">Documents per score bin: <see cref="Bins"/> equal bins from -1 to +1 (the last includes +1).</param>
public sealed record CorpusSentimentGroup(string Name, int Documents, int Positive, int Neutral, int Negative, double Mean, IReadOnlyList<int> Histogram)
{
    /// <summary>Number of histogram bins.</summary>
    public const int Bins = 10;
}

/// <summary>A document that stands out.</summary>
/// <param name="Document">Its figures.</param>
/// <param name="Value">The value it stands out by.</param>
public sealed record CorpusOutlier(CorpusDocumentRow Document, double Value);
