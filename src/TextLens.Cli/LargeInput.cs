using System.Text;
using System.Text.Json;

namespace TextLens.Cli;

/// <summary>
/// Files too large to analyse as one string (hundreds of megabytes): read as a stream, processed in pieces cut at
/// paragraph boundaries (<see cref="PipelineChunkExtensions.ProcessChunks"/>) and written as one evaluation-schema JSON
/// file with offsets into the whole file. Memory stays bounded by a few pieces plus the compact annotation lists.
/// </summary>
internal static class LargeInput
{
    /// <summary>Files above this size are processed in pieces (an 8 MB file is ~180 MB of JSON with tokens).</summary>
    public static long ThresholdBytes { get; set; } = 8L << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsLarge(string path)
    {
        try { return new FileInfo(path).Length > ThresholdBytes; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    private readonly record struct Span(long Start, long End, string? A, string? B, string? C, int Sentiment);

    /// <summary>Analyses a large file; returns the number of tokens. Writes <paramref name="jsonPath"/> atomically when given.</summary>
    public static long Analyze(Pipeline nlp, string path, string id, string source, string? jsonPath, CancellationToken cancellationToken)
    {
        var sentences = new List<Span>();
        var entities = new List<Span>();
        var cues = new List<Span>();
        long tokens = 0;
        int pieces = 0;
        using (var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: false, new FileStreamOptions { BufferSize = 1 << 16 }))
        {
            if (reader.Peek() == '\uFEFF') reader.Read(); // a byte order mark is not part of the text (as for small files)
            foreach (var chunk in nlp.ProcessChunks(reader, id, cancellationToken: cancellationToken))
            {
                var doc = chunk.Document;
                long o = chunk.Offset;
                pieces++;
                tokens += doc.Tokens.Count;
                if (jsonPath is null) continue;
                var sentiment = doc.Sentiment;
                foreach (var s in doc.Sentences)
                    sentences.Add(new Span(o + s.Start, o + s.End, null, null, null, sentiment is not null && s.Index < sentiment.Sentences.Count ? (int)sentiment.Sentences[s.Index].Label : 0));
                foreach (var e in doc.Entities) entities.Add(new Span(o + e.Start, o + e.End, e.Label.Name, e.Text, null, 0));
                foreach (var c in doc.StanceCues) cues.Add(new Span(o + c.Start, o + c.End, c.Type.ToString().ToUpperInvariant(), c.Text, c.Holder, 0));
            }
        }
        if (jsonPath is not null) WriteJson(jsonPath, id, source, path, pieces, sentences, entities, cues, cancellationToken);
        return tokens;
    }

    private static void WriteJson(string jsonPath, string id, string source, string textFile, int pieces,
        List<Span> sentences, List<Span> entities, List<Span> cues, CancellationToken cancellationToken)
    {
        string temp = $"{jsonPath}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("source", source);
                w.WriteString("text_file", textFile);
                w.WriteNumber("pieces", pieces);
                w.WriteStartArray("sentences");
                foreach (var s in sentences)
                {
                    w.WriteStartObject();
                    w.WriteNumber("start", s.Start);
                    w.WriteNumber("end", s.End);
                    w.WriteNumber("sentiment", s.Sentiment);
                    w.WriteEndObject();
                    if (w.BytesPending > 1 << 16) w.Flush();
                }
                w.WriteEndArray();
                cancellationToken.ThrowIfCancellationRequested();
                w.WriteStartArray("entities");
                foreach (var e in entities)
                {
                    w.WriteStartObject();
                    w.WriteNumber("start", e.Start);
                    w.WriteNumber("end", e.End);
                    w.WriteString("label", e.A);
                    w.WriteString("text", e.B);
                    w.WriteEndObject();
                    if (w.BytesPending > 1 << 16) w.Flush();
                }
                w.WriteEndArray();
                w.WriteStartArray("stance_cues");
                foreach (var c in cues)
                {
                    w.WriteStartObject();
                    w.WriteNumber("start", c.Start);
                    w.WriteNumber("end", c.End);
                    w.WriteString("type", c.A);
                    w.WriteString("text", c.B);
                    w.WriteString("holder", c.C);
                    w.WriteEndObject();
                    if (w.BytesPending > 1 << 16) w.Flush();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, jsonPath, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
