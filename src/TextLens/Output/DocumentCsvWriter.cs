using CsvHelper;
using TextLens.Output;

namespace TextLens;

/// <summary>
/// Writes documents as four CSV tables (RFC 4180, UTF-8, header row, CRLF) ready for pandas or a spreadsheet:
/// <c>documents.csv</c> (one row per document), <c>sentences.csv</c>, <c>entities.csv</c> and <c>stance_cues.csv</c>
/// (one row per annotation, with the document id, UTF-16 offsets, token range, sentence index and every attribute:
/// sentence scores with an <c>explanation</c> of the phrases behind them; cue polarity, holder span, target and linked cue).
/// Text cells that start with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return are prefixed with
/// <c>'</c> so a spreadsheet does not run them as formulas (CSV injection); numbers are written as numbers.
/// </summary>
/// <example>
/// <code>
/// using (var csv = new DocumentCsvWriter("out"))
/// {
///     foreach (var doc in docs) csv.Write(doc);
///     csv.Complete();   // the four files appear together; without Complete nothing is left behind
/// }
/// </code>
/// </example>
public sealed class DocumentCsvWriter : IDisposable
{
    /// <summary>The file names written into a directory, in the order documents, sentences, entities, stance cues.</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["documents.csv", "sentences.csv", "entities.csv", "stance_cues.csv"];

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    private readonly CsvWriter[] _writers;
    private readonly string[]? _tempPaths;
    private readonly string[]? _finalPaths;
    private bool _completed;
    private bool _disposed;

    /// <summary>
    /// Starts the four files in <paramref name="directory"/> (created if needed). They are written to temporary
    /// files and only appear under their names when <see cref="Complete"/> is called, so an interrupted run never
    /// leaves a half-written table behind.
    /// </summary>
    /// <param name="directory">The output directory.</param>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public DocumentCsvWriter(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        _finalPaths = FileNames.Select(f => Path.Combine(directory, f)).ToArray();
        _tempPaths = _finalPaths.Select(p => $"{p}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp").ToArray();
        _writers = new CsvWriter[4];
        try
        {
            for (int i = 0; i < 4; i++) _writers[i] = CsvWriter.ToFile(_tempPaths[i], Options);
            WriteHeaders();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Writes the four tables to the given writers (which stay open); <see cref="Complete"/> flushes them.</summary>
    /// <param name="documents">Receives <c>documents.csv</c>.</param>
    /// <param name="sentences">Receives <c>sentences.csv</c>.</param>
    /// <param name="entities">Receives <c>entities.csv</c>.</param>
    /// <param name="stanceCues">Receives <c>stance_cues.csv</c>.</param>
    /// <exception cref="ArgumentNullException">A writer is null.</exception>
    public DocumentCsvWriter(TextWriter documents, TextWriter sentences, TextWriter entities, TextWriter stanceCues)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(stanceCues);
        _writers =
        [
            CsvWriter.Create(documents, Options, leaveOpen: true),
            CsvWriter.Create(sentences, Options, leaveOpen: true),
            CsvWriter.Create(entities, Options, leaveOpen: true),
            CsvWriter.Create(stanceCues, Options, leaveOpen: true),
        ];
        WriteHeaders();
    }

    /// <summary>Number of documents written so far.</summary>
    public int DocumentCount { get; private set; }

    /// <summary>Writes one document's rows to the four tables.</summary>
    /// <param name="document">The document.</param>
    /// <param name="source">Where its text came from (a path or address), written in <c>documents.csv</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The writer has been completed or disposed.</exception>
    public void Write(Document document, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_completed || _disposed) throw new InvalidOperationException("The CSV writer has been completed or disposed.");
        var doc = document;
        var whole = doc.Sentiment?.Document;
        WriteDocumentRow(new DocumentCsvRow
        {
            DocId = doc.Id,
            Source = source ?? "",
            Characters = doc.Text.Length,
            Tokens = doc.Tokens.Count,
            Sentences = doc.Sentences.Count,
            Paragraphs = doc.Paragraphs.Count,
            Entities = doc.Entities.Count,
            StanceCues = doc.StanceCues.Count,
            Sentiment = whole is null ? null : (int)whole.Label,
            SentimentLabel = whole is null ? null : Names.Of(whole.Label),
            SentimentScore = whole?.Compound,
        });
        WriteRows(doc, doc.Id, default);
    }

    /// <summary>How far a piece of a larger document is shifted: its first character, token, sentence, paragraph, entity and cue.</summary>
    internal readonly record struct PieceShift(int Chars, int Tokens, int Sentences, int Paragraphs, int Entities, int Cues);

    /// <summary>The <c>documents.csv</c> row of a document written in pieces (<see cref="WriteRows"/>), once they are all written.</summary>
    internal void WriteDocumentRow(DocumentCsvRow row)
    {
        if (_completed || _disposed) throw new InvalidOperationException("The CSV writer has been completed or disposed.");
        _writers[0].WriteRecord(row);
        DocumentCount++;
    }

    /// <summary>The sentence, entity and cue rows of <paramref name="doc"/> (a whole document, or a piece of one shifted by <paramref name="shift"/>).</summary>
    internal void WriteRows(Document doc, string docId, PieceShift shift)
    {
        if (_completed || _disposed) throw new InvalidOperationException("The CSV writer has been completed or disposed.");
        var sentiment = doc.Sentiment;
        int o = shift.Chars, ot = shift.Tokens;
        var paragraphOf = new int[doc.Sentences.Count];
        Array.Fill(paragraphOf, -1);
        foreach (var p in doc.Paragraphs)
            for (int s = p.SentenceStart; s < p.SentenceEnd && s < paragraphOf.Length; s++) paragraphOf[s] = p.Index;
        foreach (var s in doc.Sentences)
        {
            var score = sentiment is not null && s.Index < sentiment.Sentences.Count ? sentiment.Sentences[s.Index] : null;
            _writers[1].WriteRecord(new SentenceCsvRow
            {
                DocId = docId,
                Sentence = shift.Sentences + s.Index,
                Start = o + s.Start,
                End = o + s.End,
                TokenStart = ot + s.TokenStart,
                TokenEnd = ot + s.TokenEnd,
                Paragraph = paragraphOf[s.Index] < 0 ? null : shift.Paragraphs + paragraphOf[s.Index],
                Sentiment = score is null ? null : (int)score.Label,
                SentimentLabel = score is null ? null : Names.Of(score.Label),
                SentimentScore = score?.Compound,
                Text = s.Text,
                Explanation = score is null ? "" : Explain(score),
            });
        }

        int i = shift.Entities;
        foreach (var e in doc.Entities)
            _writers[2].WriteRecord(new EntityCsvRow
            {
                DocId = docId,
                Entity = i++,
                Start = o + e.Start,
                End = o + e.End,
                TokenStart = ot + e.TokenStart,
                TokenEnd = ot + e.TokenEnd,
                Sentence = SentenceOf(doc, e.TokenStart) + shift.Sentences,
                Label = e.Label.Name,
                Text = e.Text,
                Source = Names.Of(e.Source),
                Confidence = e.Confidence,
            });

        i = shift.Cues;
        foreach (var c in doc.StanceCues)
            _writers[3].WriteRecord(new StanceCueCsvRow
            {
                DocId = docId,
                Cue = i++,
                Start = o + c.Start,
                End = o + c.End,
                TokenStart = ot + c.TokenStart,
                TokenEnd = ot + c.TokenEnd,
                Sentence = SentenceOf(doc, c.TokenStart) + shift.Sentences,
                Type = Names.Of(c.Type),
                Text = c.Text,
                Holder = c.Holder,
                Polarity = Names.Of(c.Polarity),
                HolderStart = o + c.HolderSpan?.Start,
                HolderEnd = o + c.HolderSpan?.End,
                TargetStart = o + c.Target?.Start,
                TargetEnd = o + c.Target?.End,
                Target = c.Target?.Text ?? "",
                LinkedCue = shift.Cues + c.LinkedCue,
            });
    }

    /// <summary>
    /// Finishes the tables: flushes them and, when writing into a directory, moves the four files into place
    /// (replacing older ones). After this, <see cref="Write"/> can no longer be called.
    /// </summary>
    public void Complete()
    {
        if (_completed) return;
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var w in _writers) w.Dispose();
        if (_tempPaths is not null)
            for (int i = 0; i < _tempPaths.Length; i++) File.Move(_tempPaths[i], _finalPaths![i], overwrite: true);
        _completed = true;
    }

    /// <summary>Closes the writers; when <see cref="Complete"/> was not called, the temporary files are deleted.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var w in _writers) w?.Dispose();
        if (!_completed && _tempPaths is not null)
            foreach (var p in _tempPaths)
                try { File.Delete(p); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Writes all <paramref name="documents"/> into the four CSV files in <paramref name="directory"/>.</summary>
    /// <param name="documents">The documents.</param>
    /// <param name="directory">The output directory (created if needed).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteFiles(IEnumerable<Document> documents, string directory)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using var csv = new DocumentCsvWriter(directory);
        foreach (var d in documents) csv.Write(d);
        csv.Complete();
    }

    private void WriteHeaders()
    {
        _writers[0].WriteRecords(Array.Empty<DocumentCsvRow>());
        _writers[1].WriteRecords(Array.Empty<SentenceCsvRow>());
        _writers[2].WriteRecords(Array.Empty<EntityCsvRow>());
        _writers[3].WriteRecords(Array.Empty<StanceCueCsvRow>());
    }

    /// <summary>The phrases behind a sentiment score, strongest first: <c>unfortunately −1.85; peace +1.20 (negated)</c>.</summary>
    internal static string Explain(SentimentScore score) =>
        string.Join("; ", score.Contributions.OrderByDescending(c => Math.Abs(c.Weight)).ThenBy(c => c.Start).Select(c =>
            c.Text.ReplaceLineEndings(" ") + " " + c.Weight.ToString("+0.00;\u22120.00;0.00", System.Globalization.CultureInfo.InvariantCulture)
            + (c.Modifiers == SentimentModifiers.None ? "" : " (" + ModifierWords(c.Modifiers) + ")")));

    private static string ModifierWords(SentimentModifiers modifiers) =>
        System.Text.RegularExpressions.Regex.Replace(modifiers.ToString(), "(?<=[a-z])(?=[A-Z])", "-").ToLowerInvariant();

    private static int? SentenceOf(Document doc, int tokenIndex)
    {
        if (tokenIndex >= doc.TokenStore.Length) return null;
        int s = doc.SentenceIndexOf(tokenIndex);
        return s < 0 ? null : s;
    }
}
