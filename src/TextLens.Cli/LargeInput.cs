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

    /// <summary>Largest piece, in UTF-16 characters.</summary>
    public static int MaxChunkChars { get; set; } = PipelineChunkExtensions.DefaultMaxChunkChars;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsLarge(string path)
    {
        try { return new FileInfo(path).Length > ThresholdBytes; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>Analyses a large file; returns the number of tokens. Writes <paramref name="jsonPath"/> atomically when given.</summary>
    /// <remarks>
    /// Each layer streams into its own temporary array file as the pieces arrive; the three are then spliced into
    /// the output, so memory does not grow with the number of annotations either.
    /// </remarks>
    public static long Analyze(Pipeline nlp, string path, string id, string source, string? jsonPath, CancellationToken cancellationToken)
    {
        long tokens = 0;
        int pieces = 0;
        string stamp = $"{Environment.ProcessId}.{Guid.NewGuid():N}";
        string[] parts = jsonPath is null ? [] : [$"{jsonPath}.{stamp}.s.tmp", $"{jsonPath}.{stamp}.e.tmp", $"{jsonPath}.{stamp}.c.tmp"];
        string temp = $"{jsonPath}.{stamp}.tmp";
        var streams = new List<FileStream>();
        var writers = new List<Utf8JsonWriter>();
        try
        {
            foreach (var part in parts)
            {
                var fs = new FileStream(part, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
                streams.Add(fs);
                var w = new Utf8JsonWriter(fs);
                w.WriteStartArray();
                writers.Add(w);
            }
            using (var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: false, new FileStreamOptions { BufferSize = 1 << 16 }))
            {
                if (reader.Peek() == '\uFEFF') reader.Read(); // a byte order mark is not part of the text (as for small files)
                foreach (var chunk in nlp.ProcessChunks(reader, id, MaxChunkChars, cancellationToken))
                {
                    var doc = chunk.Document;
                    long o = chunk.Offset;
                    pieces++;
                    tokens += doc.Tokens.Count;
                    if (writers.Count == 0) continue;
                    var sentiment = doc.Sentiment;
                    foreach (var s in doc.Sentences)
                    {
                        var w = writers[0];
                        w.WriteStartObject();
                        w.WriteNumber("start", o + s.Start);
                        w.WriteNumber("end", o + s.End);
                        w.WriteNumber("sentiment", sentiment is not null && s.Index < sentiment.Sentences.Count ? (int)sentiment.Sentences[s.Index].Label : 0);
                        w.WriteEndObject();
                    }
                    foreach (var e in doc.Entities)
                    {
                        var w = writers[1];
                        w.WriteStartObject();
                        w.WriteNumber("start", o + e.Start);
                        w.WriteNumber("end", o + e.End);
                        w.WriteString("label", e.Label.Name);
                        w.WriteString("text", e.Text);
                        w.WriteEndObject();
                    }
                    foreach (var c in doc.StanceCues)
                    {
                        var w = writers[2];
                        w.WriteStartObject();
                        w.WriteNumber("start", o + c.Start);
                        w.WriteNumber("end", o + c.End);
                        w.WriteString("type", c.Type.ToString().ToUpperInvariant());
                        w.WriteString("text", c.Text);
                        w.WriteString("holder", c.Holder);
                        w.WriteEndObject();
                    }
                    foreach (var w in writers) w.Flush();
                }
            }
            if (jsonPath is null) return tokens;
            foreach (var w in writers) { w.WriteEndArray(); w.Flush(); }
            cancellationToken.ThrowIfCancellationRequested();

            using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                using (var head = new Utf8JsonWriter(output))
                {
                    head.WriteStartObject();
                    head.WriteString("id", id);
                    head.WriteString("source", source);
                    head.WriteString("text_file", path);
                    head.WriteNumber("pieces", pieces);
                    head.Flush(); // leaves the object open: the layers are spliced in below
                }
                string[] names = ["sentences", "entities", "stance_cues"];
                for (int i = 0; i < streams.Count; i++)
                {
                    output.Write(Encoding.UTF8.GetBytes($",\"{names[i]}\":"));
                    streams[i].Position = 0;
                    streams[i].CopyTo(output);
                }
                output.Write("}\n"u8);
            }
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, jsonPath, overwrite: true);
            return tokens;
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
        finally
        {
            foreach (var w in writers) w.Dispose();
            foreach (var fs in streams) fs.Dispose(); // DeleteOnClose removes the layer files
        }
    }
}
