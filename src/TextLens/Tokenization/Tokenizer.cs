namespace TextLens;

/// <summary>
/// Splits text into tokens with exact offsets. Thread-safe and immutable.
/// </summary>
public sealed class Tokenizer
{
    /// <summary>The default English tokenizer.</summary>
    public static Tokenizer Default { get; } = new();

    /// <summary>Tokenizes <paramref name="text"/> into a new, unfrozen document.</summary>
    internal Document Tokenize(string text, string id)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new List<TokenData>(text.Length / 5 + 1);
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            int start = i;
            if (char.IsLetterOrDigit(text[i]))
            {
                while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
                buffer.Add(new TokenData(start, i - start, char.IsDigit(text[start]) ? TokenKind.Number : TokenKind.Word, false));
            }
            else
            {
                i += i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]) ? 2 : 1; // never split a surrogate pair
                buffer.Add(new TokenData(start, i - start, char.IsPunctuation(text[start]) ? TokenKind.Punctuation : TokenKind.Symbol, false));
            }
        }
        var tokens = buffer.ToArray();
        for (int t = 0; t < tokens.Length; t++)
            tokens[t].SpaceAfter = tokens[t].End < text.Length && char.IsWhiteSpace(text[tokens[t].End]);
        return new Document(text, id, tokens);
    }

    /// <summary>Tokenizes <paramref name="text"/> without running any pipeline component.</summary>
    /// <param name="text">The text.</param>
    /// <returns>A frozen document that has tokens only.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public Document Tokenize(string text)
    {
        var doc = Tokenize(text, "doc");
        doc.Freeze();
        return doc;
    }
}
