namespace TextLens;

/// <summary>What kind of text a <see cref="Token"/> covers.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters (any script), possibly with inner hyphens or apostrophes, or a clitic such as <c>'s</c> or <c>n't</c>.</summary>
    Word,
    /// <summary>A number: digits with optional separators, decimals or sign (<c>1,500.75</c>, <c>-5</c>, <c>10:30</c>); <c>%</c> and currency signs are separate <see cref="Symbol"/> tokens.</summary>
    Number,
    /// <summary>Letters and digits mixed, such as <c>COP29</c> or <c>S-400</c>.</summary>
    Alphanumeric,
    /// <summary>Punctuation: full stops, commas, quotes, brackets, dashes, ellipses.</summary>
    Punctuation,
    /// <summary>Symbols such as currency signs, <c>%</c>, <c>&amp;</c>, <c>#</c> or mathematical signs.</summary>
    Symbol,
    /// <summary>A web address or domain name, such as <c>https://example.org/a</c> or <c>commonsplace.eu</c>.</summary>
    Url,
    /// <summary>An e-mail address.</summary>
    Email,
    /// <summary>An emoji or pictograph, including modifier and joiner sequences.</summary>
    Emoji,
    /// <summary>Anything else: control characters, lone surrogates, unassigned code points.</summary>
    Other,
}
