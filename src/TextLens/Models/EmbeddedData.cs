using System.Reflection;

namespace TextLens.Models;

/// <summary>Opens the models and lexicons that ship inside the TextLens assembly (files under <c>data/</c> in the repository).</summary>
internal static class EmbeddedData
{
    private static readonly Assembly Assembly = typeof(EmbeddedData).Assembly;

    /// <summary>Opens <c>data/{relativePath}</c> as embedded in the assembly, e.g. <c>models/pos.bin</c>.</summary>
    public static Stream Open(string relativePath)
    {
        string name = "TextLens.Data/" + relativePath.Replace('\\', '/');
        return Assembly.GetManifestResourceStream(name)
            ?? throw new DataFileException(name, 0, "embedded resource not found in the TextLens assembly");
    }

    /// <summary>
    /// Reads an embedded model with <paramref name="read"/>, or returns null when the assembly ships without it (while the
    /// first one is being trained). A corrupt embedded model still throws.
    /// </summary>
    public static T? ReadOptional<T>(string relativePath, Func<Stream, string, T> read) where T : class
    {
        var stream = Assembly.GetManifestResourceStream("TextLens.Data/" + relativePath.Replace('\\', '/'));
        if (stream is null) return null;
        using (stream) return read(stream, DisplayName(relativePath));
    }

    /// <summary>Reads an embedded text file.</summary>
    public static string ReadText(string relativePath)
    {
        using var reader = new StreamReader(Open(relativePath));
        return reader.ReadToEnd();
    }

    /// <summary>Display name used in error messages for an embedded file.</summary>
    public static string DisplayName(string relativePath) => "TextLens.Data/" + relativePath;
}
