namespace TextLens.Tagging;

/// <summary>
/// BILOU tag arithmetic shared by the sequence labellers (entities, stance cues): tag 0 is O, and type t (0-based)
/// has the tags 1 + 4t + {B = 0, I = 1, L = 2, U = 3}. Nothing here depends on the number of types.
/// </summary>
internal static class Bilou
{
    public const int B = 0, I = 1, L = 2, U = 3;

    /// <summary>Number of tags for <paramref name="typeCount"/> types (O included).</summary>
    public static int ClassCount(int typeCount) => 1 + 4 * typeCount;

    public static int TypeOf(int tag) => tag == 0 ? -1 : (tag - 1) / 4;
    public static int PartOf(int tag) => (tag - 1) % 4;
    public static int Tag(int type, int part) => 1 + 4 * type + part;

    /// <summary>True when the tag leaves a span open (B or I).</summary>
    public static bool IsOpen(int tag) => tag != 0 && PartOf(tag) is B or I;

    /// <summary>True when <paramref name="tag"/> may follow <paramref name="prev"/>.</summary>
    public static bool Allowed(int prev, int tag)
    {
        bool prevOpen = IsOpen(prev);
        if (tag == 0) return !prevOpen;
        int part = PartOf(tag);
        if (part is B or U) return !prevOpen;
        return prevOpen && TypeOf(prev) == TypeOf(tag); // I or L continue the open span
    }

    /// <summary>The tag of token <paramref name="i"/> of a span [<paramref name="start"/>, <paramref name="end"/>) of type <paramref name="type"/>.</summary>
    public static int TagIn(int type, int start, int end, int i) =>
        end - start == 1 ? Tag(type, U) : i == start ? Tag(type, B) : i == end - 1 ? Tag(type, L) : Tag(type, I);
}
