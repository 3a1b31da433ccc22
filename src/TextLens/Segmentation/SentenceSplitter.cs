namespace TextLens;

/// <summary>Splits a tokenized document into sentences and paragraphs. Thread-safe.</summary>
public sealed class SentenceSplitter : IPipelineComponent
{
    /// <inheritdoc/>
    public string Name => "sentences";

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.TokenStore;
        var sentences = new List<Sentence>();
        int start = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            char c = document.Text[tokens[i].Start];
            bool end = tokens[i].Length == 1 && (c == '.' || c == '!' || c == '?');
            if (end || i == tokens.Length - 1)
            {
                sentences.Add(document.NewSentence(sentences.Count, start, i + 1));
                start = i + 1;
            }
        }
        document.SetSentences(sentences.ToArray(), []);
    }
}
