namespace TextLens;

/// <summary>Universal Dependencies part-of-speech tags (UPOS).</summary>
public enum UPos : byte
{
    /// <summary>Not tagged.</summary>
    None = 0,
    /// <summary>Adjective.</summary>
    Adj,
    /// <summary>Adposition.</summary>
    Adp,
    /// <summary>Adverb.</summary>
    Adv,
    /// <summary>Auxiliary.</summary>
    Aux,
    /// <summary>Coordinating conjunction.</summary>
    Cconj,
    /// <summary>Determiner.</summary>
    Det,
    /// <summary>Interjection.</summary>
    Intj,
    /// <summary>Noun.</summary>
    Noun,
    /// <summary>Numeral.</summary>
    Num,
    /// <summary>Particle.</summary>
    Part,
    /// <summary>Pronoun.</summary>
    Pron,
    /// <summary>Proper noun.</summary>
    Propn,
    /// <summary>Punctuation.</summary>
    Punct,
    /// <summary>Subordinating conjunction.</summary>
    Sconj,
    /// <summary>Symbol.</summary>
    Sym,
    /// <summary>Verb.</summary>
    Verb,
    /// <summary>Other.</summary>
    X,
}
