using System.Collections.Immutable;

namespace TextLens;

/// <summary>
/// Turns text into an annotated <see cref="Document"/>: the tokenizer, then each enabled component in order
/// (spaCy's <c>Language</c>). Processing is thread-safe; configure the pipeline before sharing it.
/// </summary>
/// <example>
/// <code>
/// var nlp = Pipeline.CreateEnglish();
/// Document doc = nlp.Process("Azerbaijan will not sign until Armenia changes its constitution.");
/// foreach (var cue in doc.StanceCues) Console.WriteLine($"{cue.Type} {cue.Text} ({cue.Holder})");
/// </code>
/// </example>
public sealed class Pipeline
{
    private ImmutableArray<Entry> _components = [];

    private readonly record struct Entry(IPipelineComponent Component, bool Enabled);

    /// <summary>Creates an empty pipeline (tokenizer only) with the given tokenizer.</summary>
    /// <param name="tokenizer">The tokenizer; defaults to <see cref="Tokenizer.Default"/>.</param>
    /// <param name="options">Processing options.</param>
    public Pipeline(Tokenizer? tokenizer = null, PipelineOptions? options = null)
    {
        Tokenizer = tokenizer ?? Tokenizer.Default;
        Options = options ?? new PipelineOptions();
        if (Options.MaxDegreeOfParallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "MaxDegreeOfParallelism must be at least 1.");
    }

    /// <summary>Creates the standard English pipeline with every built-in component and model.</summary>
    /// <param name="options">Processing options.</param>
    public static Pipeline CreateEnglish(PipelineOptions? options = null)
    {
        var nlp = new Pipeline(Tokenizer.Default, options);
        nlp.Add(new SentenceSplitter());
        nlp.Add(PosTagger.Default, after: "sentences");
        nlp.Add(Lemmatizer.Default, after: "tagger");
        nlp.Add(new EntityRecognizer());
        nlp.Add(new StanceDetector());
        nlp.Add(new SentimentAnalyzer(model: SentimentModel.Shipped));
        return nlp;
    }

    /// <summary>The tokenizer that starts every document.</summary>
    public Tokenizer Tokenizer { get; }

    /// <summary>Processing options.</summary>
    public PipelineOptions Options { get; }

    /// <summary>Names of all components, enabled or not, in processing order.</summary>
    public IReadOnlyList<string> ComponentNames => _components.Select(e => e.Component.Name).ToArray();

    /// <summary>Names of the enabled components, in processing order.</summary>
    public IReadOnlyList<string> EnabledComponentNames => _components.Where(e => e.Enabled).Select(e => e.Component.Name).ToArray();

    /// <summary>Returns the component with the given name.</summary>
    /// <param name="name">The component's name.</param>
    /// <exception cref="KeyNotFoundException">No component has that name.</exception>
    public IPipelineComponent GetComponent(string name) => _components[IndexOf(name)].Component;

    /// <summary>Adds a component at the end, or before/after a named one.</summary>
    /// <param name="component">The component; its name must be unique in this pipeline.</param>
    /// <param name="before">Insert before the component with this name.</param>
    /// <param name="after">Insert after the component with this name.</param>
    /// <returns>This pipeline, for chaining.</returns>
    public Pipeline Add(IPipelineComponent component, string? before = null, string? after = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentException.ThrowIfNullOrWhiteSpace(component.Name, nameof(component));
        if (before is not null && after is not null) throw new ArgumentException("Give either before or after, not both.");
        if (_components.Any(e => e.Component.Name == component.Name))
            throw new ArgumentException($"A component named '{component.Name}' is already in the pipeline.", nameof(component));
        int at = before is not null ? IndexOf(before) : after is not null ? IndexOf(after) + 1 : _components.Length;
        _components = _components.Insert(at, new Entry(component, true));
        return this;
    }

    /// <summary>Replaces the component that has the same name as <paramref name="component"/>.</summary>
    /// <param name="component">The new component.</param>
    /// <returns>This pipeline, for chaining.</returns>
    public Pipeline Replace(IPipelineComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        int i = IndexOf(component.Name);
        _components = _components.SetItem(i, new Entry(component, _components[i].Enabled));
        return this;
    }

    /// <summary>Removes a component.</summary>
    /// <param name="name">The component's name.</param>
    /// <returns>This pipeline, for chaining.</returns>
    public Pipeline Remove(string name)
    {
        _components = _components.RemoveAt(IndexOf(name));
        return this;
    }

    /// <summary>Disables a component; it stays in place and can be enabled again.</summary>
    /// <param name="name">The component's name.</param>
    /// <returns>This pipeline, for chaining.</returns>
    public Pipeline Disable(string name) => SetEnabled(name, false);

    /// <summary>Enables a disabled component.</summary>
    /// <param name="name">The component's name.</param>
    /// <returns>This pipeline, for chaining.</returns>
    public Pipeline Enable(string name) => SetEnabled(name, true);

    /// <summary>Processes one text.</summary>
    /// <param name="text">The text; it is kept as it is.</param>
    /// <param name="id">The document's identifier; defaults to <c>doc</c>.</param>
    /// <returns>The frozen, fully annotated document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public Document Process(string text, string? id = null) => Process(text, id, CancellationToken.None);

    /// <summary>Processes one text, checking <paramref name="cancellationToken"/> between stages.</summary>
    /// <param name="text">The text; it is kept as it is.</param>
    /// <param name="id">The document's identifier; defaults to <c>doc</c>.</param>
    /// <param name="cancellationToken">Stops processing.</param>
    /// <returns>The frozen, fully annotated document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="OperationCanceledException">Cancellation was requested.</exception>
    public Document Process(string text, string? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        var components = _components; // snapshot: configuration changes never tear a running document
        var doc = Tokenizer.Tokenize(text, id ?? "doc");
        foreach (var entry in components)
        {
            if (!entry.Enabled) continue;
            cancellationToken.ThrowIfCancellationRequested();
            entry.Component.Process(doc, cancellationToken);
        }
        doc.Freeze();
        return doc;
    }

    /// <summary>
    /// Processes many texts on up to <see cref="PipelineOptions.MaxDegreeOfParallelism"/> threads and
    /// streams the documents back in input order. Documents are named <c>doc-1</c>, <c>doc-2</c>, ….
    /// </summary>
    /// <param name="texts">The texts; enumerated lazily.</param>
    /// <param name="cancellationToken">Stops processing; enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The documents, in the order of <paramref name="texts"/>.</returns>
    public IEnumerable<Document> Process(IEnumerable<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Process(texts.Select((t, i) => (t ?? throw new ArgumentNullException(nameof(texts), $"Text {i + 1} is null."), $"doc-{i + 1}")), cancellationToken);
    }

    /// <summary>Processes many (text, id) pairs in parallel and streams the documents back in input order.</summary>
    /// <param name="inputs">The texts with their identifiers; enumerated lazily.</param>
    /// <param name="cancellationToken">Stops processing; enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The documents, in input order.</returns>
    public IEnumerable<Document> Process(IEnumerable<(string Text, string Id)> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        int dop = Options.MaxDegreeOfParallelism;
        if (dop == 1) return Sequential(inputs, cancellationToken);
        return OrderedParallel.Select(inputs, input => Process(input.Text, input.Id, cancellationToken), Math.Min(dop, 512), cancellationToken);
    }

    private IEnumerable<Document> Sequential(IEnumerable<(string Text, string Id)> inputs, CancellationToken cancellationToken)
    {
        foreach (var (text, id) in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Process(text, id, cancellationToken);
        }
    }

    private Pipeline SetEnabled(string name, bool enabled)
    {
        int i = IndexOf(name);
        _components = _components.SetItem(i, _components[i] with { Enabled = enabled });
        return this;
    }

    private int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int i = 0; i < _components.Length; i++)
            if (_components[i].Component.Name == name) return i;
        throw new KeyNotFoundException($"No pipeline component named '{name}'. Components: {string.Join(", ", ComponentNames)}.");
    }
}
