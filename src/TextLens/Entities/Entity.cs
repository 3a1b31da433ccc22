namespace TextLens;

/// <summary>
/// An entity label. The seven built-in labels follow OntoNotes; any other name can be used for
/// custom labels (for example <c>new EntityLabel("TREATY")</c>) without retraining.
/// </summary>
/// <param name="Name">The label's name as written in outputs, such as <c>GPE</c>.</param>
public readonly record struct EntityLabel(string Name)
{
    /// <summary>People, including fictional ones.</summary>
    public static readonly EntityLabel Person = new("PERSON");
    /// <summary>Nationalities, religious or political groups ("Armenian", "Western").</summary>
    public static readonly EntityLabel Norp = new("NORP");
    /// <summary>Organisations: agencies, institutions, companies.</summary>
    public static readonly EntityLabel Org = new("ORG");
    /// <summary>Geo-political entities: countries, cities, states.</summary>
    public static readonly EntityLabel Gpe = new("GPE");
    /// <summary>Non-GPE locations: regions, mountain ranges, bodies of water.</summary>
    public static readonly EntityLabel Loc = new("LOC");
    /// <summary>Named events: forums, summits, wars.</summary>
    public static readonly EntityLabel Event = new("EVENT");
    /// <summary>Absolute or relative dates and periods.</summary>
    public static readonly EntityLabel Date = new("DATE");

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>Which mechanism proposed an entity.</summary>
public enum EntitySource : byte
{
    /// <summary>The statistical recogniser.</summary>
    Model,
    /// <summary>A gazetteer (phrase list).</summary>
    Gazetteer,
    /// <summary>A rule (token pattern), built-in or user-supplied.</summary>
    Rule,
}

/// <summary>A named entity: a token range with a label and its character offsets.</summary>
/// <remarks>
/// Entities may cover part of a hyphenated token ("Baku" in "Baku-based", "Armenia" and "Azerbaijan" in
/// "Armenia-Azerbaijan"): <see cref="Start"/>/<see cref="End"/> are then exact, and the token range is the token(s)
/// that contain the entity.
/// </remarks>
/// <param name="Label">The entity's label.</param>
/// <param name="Start">UTF-16 offset of the first character.</param>
/// <param name="End">UTF-16 offset just past the last character.</param>
/// <param name="TokenStart">Index of the first token.</param>
/// <param name="TokenEnd">Index just past the last token.</param>
/// <param name="Text">The entity's text, equal to <c>doc.Text[Start..End]</c>.</param>
/// <param name="Source">Which mechanism found it.</param>
/// <param name="Confidence">The model's confidence in 0..1, or null for gazetteer and rule matches.</param>
public sealed record Entity(EntityLabel Label, int Start, int End, int TokenStart, int TokenEnd, string Text, EntitySource Source, double? Confidence);
