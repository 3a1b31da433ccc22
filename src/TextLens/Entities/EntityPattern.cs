namespace TextLens;

/// <summary>
/// A user rule for the entity recogniser (spaCy's <c>EntityRuler</c> pattern): either a phrase such as
/// <c>"Washington Agreement"</c> or a token pattern in <see cref="TokenPattern"/> syntax such as
/// <c>[is_title]+ Treaty</c>. Any label works, built-in (<c>GPE</c>) or new (<c>TREATY</c>), without retraining.
/// </summary>
public sealed record EntityPattern
{
    private EntityPattern(string label, string? phrase, TokenPattern? tokens, bool ignoreCase)
    {
        Label = label;
        Phrase = phrase;
        Tokens = tokens;
        IgnoreCase = ignoreCase;
    }

    /// <summary>The label given to matches.</summary>
    public string Label { get; }

    /// <summary>The phrase to match, or null for a token pattern.</summary>
    public string? Phrase { get; }

    /// <summary>The token pattern, or null for a phrase.</summary>
    public TokenPattern? Tokens { get; }

    /// <summary>True when a phrase matches regardless of letter case.</summary>
    public bool IgnoreCase { get; }

    /// <summary>A phrase pattern: the exact words (letter case respected unless <paramref name="ignoreCase"/>).</summary>
    /// <param name="label">The entity label, e.g. <c>TREATY</c>.</param>
    /// <param name="phrase">The words to find, e.g. <c>Washington Agreement</c>.</param>
    /// <param name="ignoreCase">Match regardless of letter case.</param>
    /// <exception cref="ArgumentException">The label or phrase is empty, or the phrase has no words.</exception>
    public static EntityPattern ForPhrase(string label, string phrase, bool ignoreCase = false)
    {
        CheckLabel(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(phrase);
        if (!phrase.Any(char.IsLetterOrDigit)) throw new ArgumentException("The phrase has no letters or digits.", nameof(phrase));
        return new EntityPattern(label.Trim(), phrase.Trim(), null, ignoreCase);
    }

    /// <summary>A token pattern (syntax: <see cref="TokenPattern"/>).</summary>
    /// <param name="label">The entity label.</param>
    /// <param name="pattern">The pattern text, e.g. <c>[is_title]+ Treaty</c>.</param>
    /// <exception cref="ArgumentException">The label is empty or the pattern is malformed.</exception>
    public static EntityPattern ForTokens(string label, string pattern)
    {
        CheckLabel(label);
        ArgumentNullException.ThrowIfNull(pattern);
        return new EntityPattern(label.Trim(), null, TokenPattern.Parse(pattern), false);
    }

    /// <summary>A compiled token pattern.</summary>
    /// <param name="label">The entity label.</param>
    /// <param name="pattern">The pattern.</param>
    public static EntityPattern ForTokens(string label, TokenPattern pattern)
    {
        CheckLabel(label);
        ArgumentNullException.ThrowIfNull(pattern);
        return new EntityPattern(label.Trim(), null, pattern, false);
    }

    internal static EntityPattern FromParsed(string label, TokenPattern pattern) => new(label, null, pattern, false);

    private static void CheckLabel(string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        foreach (char c in label.Trim())
            if (char.IsWhiteSpace(c) || char.IsControl(c)) throw new ArgumentException($"Entity label '{label}' contains white space.", nameof(label));
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Label}: {Phrase ?? Tokens!.Source}";
}
