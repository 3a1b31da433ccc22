namespace TextLens;

/// <summary>
/// A processing stage that adds an annotation layer to a <see cref="Document"/> (spaCy's pipeline
/// component). Implementations must be thread-safe: one instance processes many documents at once.
/// </summary>
public interface IPipelineComponent
{
    /// <summary>The component's unique name in a pipeline, such as <c>tagger</c> or <c>entities</c>.</summary>
    string Name { get; }

    /// <summary>Adds this component's annotations to <paramref name="document"/>.</summary>
    /// <param name="document">A document that earlier components have already processed.</param>
    /// <param name="cancellationToken">Signals that processing should stop.</param>
    void Process(Document document, CancellationToken cancellationToken);
}
