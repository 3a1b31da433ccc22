using TextLens.Entities;

namespace TextLens;

/// <summary>
/// The named-entity stage (component name <c>entities</c>): a statistical recogniser (averaged perceptron over
/// BILOU tags), a world gazetteer (countries, demonyms, capitals and cities, regions, international organisations),
/// built-in rules (dates, events, organisation names, persons after titles) and the user's own
/// <see cref="EntityRuler"/> patterns, merged by a deterministic resolver into ordered, non-overlapping
/// <see cref="Document.Entities"/>. Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var nlp = Pipeline.CreateEnglish()
///     .AddEntityPatterns([EntityPattern.ForTokens("TREATY", "[is_title]+ Treaty")]);
/// foreach (var e in nlp.Process(text).Entities) Console.WriteLine($"{e.Label} {e.Text} ({e.Source})");
/// </code>
/// </example>
public sealed class EntityRecognizer : IPipelineComponent
{
    /// <summary>The component's name in a pipeline.</summary>
    public const string ComponentName = "entities";

    private readonly NerModel? _model;

    /// <summary>Creates the recogniser with the built-in model, gazetteer and rules, and no user patterns.</summary>
    public EntityRecognizer() : this(EntityRuler.Empty, useModel: true) { }

    /// <summary>Creates the recogniser with the given user rules.</summary>
    /// <param name="ruler">User patterns.</param>
    /// <param name="useModel">False to run without the statistical model (gazetteer and rules only).</param>
    public EntityRecognizer(EntityRuler ruler, bool useModel = true)
    {
        ArgumentNullException.ThrowIfNull(ruler);
        Ruler = ruler;
        _model = useModel ? NerModel.Default : null;
        _ = Gazetteer.Default;
    }

    /// <summary>Creates the recogniser with the given user rules and statistical model (null = gazetteer and rules only).</summary>
    /// <param name="ruler">User patterns.</param>
    /// <param name="model">The statistical model, e.g. one trained with <see cref="EntityModel.Train"/>.</param>
    public EntityRecognizer(EntityRuler ruler, EntityModel? model)
    {
        ArgumentNullException.ThrowIfNull(ruler);
        Ruler = ruler;
        _model = model?.Inner;
        _ = Gazetteer.Default;
    }

    /// <inheritdoc/>
    public string Name => ComponentName;

    /// <summary>The user's patterns.</summary>
    public EntityRuler Ruler { get; }

    /// <summary>True when a statistical model runs.</summary>
    public bool UsesModel => _model is not null;

    /// <summary>Returns a recogniser with the given patterns added to its ruler.</summary>
    /// <param name="patterns">The patterns.</param>
    public EntityRecognizer WithPatterns(IEnumerable<EntityPattern> patterns) => new(Ruler.Add(patterns), _model is null ? null : new EntityModel(_model));

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetEntities(Recognize(document));
    }

    internal IReadOnlyList<Entity> Recognize(Document document)
    {
        var units = EntityUnits.From(document);
        if (units.Count == 0) return [];
        var candidates = new List<EntityCandidate>(64);
        var gazetteer = Gazetteer.Default;
        BuiltInRules.Find(units, gazetteer, candidates);
        _model?.Predict(document, units, gazetteer, candidates);
        Ruler.Find(document, units, candidates);
        var resolved = EntityResolver.Resolve(units, candidates, gazetteer);
        var result = new Entity[resolved.Count];
        for (int i = 0; i < resolved.Count; i++)
        {
            var c = resolved[i];
            int start = units.Start[c.UnitStart], end = units.End(c.UnitEnd - 1);
            result[i] = new Entity(c.Label, start, end, units.Token[c.UnitStart], units.Token[c.UnitEnd - 1] + 1,
                document.Text.Substring(start, end - start), c.Source, c.Confidence);
        }
        return result;
    }
}

/// <summary>Pipeline helpers for entity rules.</summary>
public static class EntityPipelineExtensions
{
    /// <summary>
    /// Adds user entity patterns to the pipeline's <c>entities</c> component (spaCy's <c>nlp.add_pipe("entity_ruler")</c>);
    /// the built-in labels keep working. Configure the pipeline before sharing it between threads.
    /// </summary>
    /// <param name="nlp">The pipeline; it must contain an <see cref="EntityRecognizer"/> named <c>entities</c>.</param>
    /// <param name="patterns">The patterns.</param>
    /// <returns>The pipeline, for chaining.</returns>
    /// <exception cref="KeyNotFoundException">The pipeline has no <c>entities</c> component.</exception>
    /// <exception cref="InvalidOperationException">The <c>entities</c> component is not an <see cref="EntityRecognizer"/>.</exception>
    public static Pipeline AddEntityPatterns(this Pipeline nlp, IEnumerable<EntityPattern> patterns)
    {
        ArgumentNullException.ThrowIfNull(nlp);
        ArgumentNullException.ThrowIfNull(patterns);
        if (nlp.GetComponent(EntityRecognizer.ComponentName) is not EntityRecognizer recognizer)
            throw new InvalidOperationException($"The '{EntityRecognizer.ComponentName}' component is not an {nameof(EntityRecognizer)}.");
        return nlp.Replace(recognizer.WithPatterns(patterns));
    }

    /// <summary>Adds the entity patterns of a CSV or JSON file (format: <see cref="EntityRuler.LoadPatterns"/>).</summary>
    /// <param name="nlp">The pipeline.</param>
    /// <param name="path">The pattern file.</param>
    /// <returns>The pipeline, for chaining.</returns>
    /// <exception cref="DataFileException">A pattern is malformed; the message names the file and line.</exception>
    public static Pipeline AddEntityPatterns(this Pipeline nlp, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return nlp.AddEntityPatterns(EntityRuler.LoadPatterns(path));
    }
}
