namespace TextLens.Benchmarks;

/// <summary>
/// Inputs for single-stage benchmarks: an unfrozen document that has been through every enabled component of the
/// English pipeline that comes before a given stage, so a benchmark can time only that stage's
/// <see cref="IPipelineComponent.Process"/> (components overwrite their own layer, so calling it repeatedly is fine).
/// </summary>
public static class StageInput
{
    /// <summary>
    /// Tokenizes <paramref name="corpus"/> and runs the enabled components of <paramref name="pipeline"/> (default:
    /// <c>Pipeline.CreateEnglish()</c>) that precede the component named <paramref name="stage"/>.
    /// </summary>
    /// <returns>The unfrozen document and the stage's component.</returns>
    /// <exception cref="KeyNotFoundException">The pipeline has no component named <paramref name="stage"/>.</exception>
    public static (Document Document, IPipelineComponent Component) Before(Corpus corpus, string stage, Pipeline? pipeline = null)
    {
        pipeline ??= Pipeline.CreateEnglish();
        var component = pipeline.GetComponent(stage);
        var doc = pipeline.Tokenizer.Tokenize(Corpora.Get(corpus), corpus.ToString());
        foreach (var name in pipeline.EnabledComponentNames)
        {
            if (name == stage) break;
            pipeline.GetComponent(name).Process(doc, CancellationToken.None);
        }
        return (doc, component);
    }
}
