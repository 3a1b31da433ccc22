using System.Text;
using System.Text.Json;

namespace TextLens.Cli;

/// <summary>
/// Documents too large to analyse as one string: read as a stream, processed in pieces that end where the sentence
/// splitter starts a sentence (<see cref="PipelineChunkExtensions.ProcessChunks"/>), and written as one evaluation-schema
/// JSON file with offsets into the whole text, rows in the CSV tables with whole-document offsets and indexes, and one
/// text report per piece. Memory stays bounded by a few pieces plus the open output files, whatever the document's size.
/// </summary>
internal static class LargeInput
{
    /// <summary>Documents up to this many UTF-16 characters are analysed whole; longer ones in pieces.</summary>
    public static int WholeDocumentChars { get; set; } = PipelineChunkExtensions.DefaultMaxChunkChars;

    /// <summary>Largest piece, in UTF-16 characters: also the hard cap on a sentence that has no boundary.</summary>
    public static int MaxChunkChars { get; set; } = PipelineChunkExtensions.DefaultMaxChunkChars;

    /// <summary>Longest document: offsets in the JSON and CSV outputs are 32-bit.</summary>
    public static long MaxDocumentChars { get; set; } = int.MaxValue;

    /// <summary>JSON format name of a document analysed in pieces (no text or tokens: <c>render</c> cannot rebuild it).</summary>
    public const string FormatName = "textlens-pieces/1";

    /// <summary>What analysing a document in pieces gave: its token count and the cuts made inside sentences.</summary>
    public sealed record Outcome(long Tokens, IReadOnlyList<string> Warnings);

    /// <summary>
    /// Analyses one large document. Writes <paramref name="jsonPath"/> atomically when given, rows to <paramref name="csv"/>
    /// and a report per piece to <paramref name="report"/> when given.
    /// </summary>
    /// <remarks>
    /// Each JSON layer streams into its own temporary array file as the pieces arrive; the three are then spliced into
    /// the output, so memory does not grow with the number of annotations either.
    /// </remarks>
    public static Outcome Analyze(Pipeline nlp, TextReader reader, string id, string source, string? textFile, string? jsonPath,
        DocumentCsvWriter? csv, TextWriter? report, CancellationToken cancellationToken)
    {
        long tokens = 0;
        int pieces = 0;
        var warnings = new List<string>();
        var shift = default(DocumentCsvWriter.PieceShift);
        int paragraphs = 0;
        double sentimentWeight = 0, sentimentSum = 0;
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
            foreach (var chunk in nlp.ProcessChunks(reader, id, MaxChunkChars, cancellationToken))
            {
                var doc = chunk.Document;
                long o = chunk.Offset;
                if (o + doc.Text.Length > MaxDocumentChars)
                    throw new IOException($"longer than {MaxDocumentChars:N0} characters, the most one document can have; nothing was written for it");
                pieces++;
                tokens += doc.Tokens.Count;
                if (chunk.Warning is not null) warnings.Add(chunk.Warning);
                var sentiment = doc.Sentiment;
                if (sentiment is not null)
                {
                    // The whole document's score: the pieces' scores weighted by their sentence counts.
                    sentimentSum += sentiment.Document.Compound * doc.Sentences.Count;
                    sentimentWeight += doc.Sentences.Count;
                }
                csv?.WriteRows(doc, id, shift with { Chars = (int)o });
                if (report is not null)
                {
                    report.WriteLine($"-- {id}: piece {chunk.Index + 1} at offset {o}{(chunk.Warning is null ? "" : $" ({chunk.Warning})")}");
                    DocumentTextWriter.Write(doc, report);
                    report.WriteLine();
                }
                shift = shift with
                {
                    Tokens = shift.Tokens + doc.Tokens.Count,
                    Sentences = shift.Sentences + doc.Sentences.Count,
                    Paragraphs = shift.Paragraphs + doc.Paragraphs.Count,
                    Entities = shift.Entities + doc.Entities.Count,
                    Cues = shift.Cues + doc.StanceCues.Count,
                };
                paragraphs += doc.Paragraphs.Count;
                if (writers.Count == 0) continue;
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
            long characters = reader is PrefixedReader p ? p.Position : 0;
            if (csv is not null)
            {
                double? mean = sentimentWeight > 0 ? Math.Round(sentimentSum / sentimentWeight, 4) : null;
                SentimentLabel? label = mean is double m && nlp.GetComponent("sentiment") is SentimentAnalyzer sa ? sa.Options.LabelOf(m) : null;
                csv.WriteDocumentRow(new TextLens.Output.DocumentCsvRow
                {
                    DocId = id,
                    Source = source,
                    Characters = (int)characters,
                    Tokens = shift.Tokens,
                    Sentences = shift.Sentences,
                    Paragraphs = paragraphs,
                    Entities = shift.Entities,
                    StanceCues = shift.Cues,
                    Sentiment = label is null ? null : (int)label,
                    SentimentLabel = label is null ? null : TextLens.Output.Names.Of(label.Value),
                    SentimentScore = label is null ? null : mean,
                });
            }
            if (jsonPath is null) return new Outcome(tokens, warnings);
            foreach (var w in writers) { w.WriteEndArray(); w.Flush(); }
            cancellationToken.ThrowIfCancellationRequested();

            using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                using (var head = new Utf8JsonWriter(output))
                {
                    head.WriteStartObject();
                    head.WriteString("format", FormatName);
                    head.WriteString("id", id);
                    head.WriteString("source", source);
                    if (textFile is not null) head.WriteString("text_file", textFile);
                    head.WriteNumber("characters", characters);
                    head.WriteNumber("pieces", pieces);
                    head.WriteStartArray("warnings");
                    foreach (var warning in warnings) head.WriteStringValue(warning);
                    head.WriteEndArray();
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
            return new Outcome(tokens, warnings);
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

/// <summary>A reader that gives the characters already read from <paramref name="inner"/> first, then the rest of it; counts what it gave.</summary>
internal sealed class PrefixedReader(char[] prefix, int length, TextReader inner, bool ownsInner) : TextReader
{
    private int _at;

    /// <summary>Characters read so far.</summary>
    public long Position { get; private set; }

    public override int Peek() => _at < length ? prefix[_at] : inner.Peek();

    public override int Read()
    {
        int c = _at < length ? prefix[_at++] : inner.Read();
        if (c >= 0) Position++;
        return c;
    }

    public override int Read(char[] buffer, int index, int count)
    {
        int n;
        if (_at < length)
        {
            n = Math.Min(count, length - _at);
            Array.Copy(prefix, _at, buffer, index, n);
            _at += n;
        }
        else n = inner.Read(buffer, index, count);
        Position += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsInner) inner.Dispose();
        base.Dispose(disposing);
    }
}
