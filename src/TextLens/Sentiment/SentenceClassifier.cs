using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using TextLens.Models;
using TextLens.Sentiment;

namespace TextLens;

/// <summary>A sentence's predicted label with the probability of every label.</summary>
/// <param name="Label">The most probable label.</param>
/// <param name="Probabilities">Probability of each label, in <see cref="SentenceClassifier.Labels"/> order.</param>
public sealed record SentencePrediction(string Label, IReadOnlyList<double> Probabilities);

/// <summary>
/// A sentence classifier trained with <see cref="SentimentTrainer"/>: ML.NET text features plus TextLens features
/// (lexicon score, negation and booster counts, stance cue counts) into an SDCA maximum-entropy model. Any label set
/// works (sentiment, stance, topic). Saved and loaded as an ML.NET zip. Thread-safe.
/// </summary>
public sealed class SentenceClassifier
{
    /// <summary>The model format version (an entry <c>TextLens.txt</c> in the zip records it).</summary>
    public const int FormatVersion = 1;

    internal const string MetaEntry = "TextLens.txt";
    internal const int FeatureCount = 22;
    private const string EmbeddedPath = "models/sentiment.zip";
    private static readonly Lazy<SentenceClassifier> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly ConcurrentBag<PredictionEngine<MlInput, MlOutput>> _engines = new();
    private readonly SentimentScorer _featureScorer;
    private readonly int _positive = -1, _negative = -1;

    internal SentenceClassifier(MLContext ml, ITransformer model, DataViewSchema inputSchema, string name)
    {
        _ml = ml;
        _model = model;
        _inputSchema = inputSchema;
        _featureScorer = new SentimentScorer(SentimentLexicon.Default, new SentimentOptions());
        var engine = ml.Model.CreatePredictionEngine<MlInput, MlOutput>(model, inputSchema);
        var scoreColumn = engine.OutputSchema.GetColumnOrNull("Score")
            ?? throw new DataFileException(name, 0, "the model has no Score column: not a TextLens sentence classifier");
        VBuffer<ReadOnlyMemory<char>> slots = default;
        try { scoreColumn.GetSlotNames(ref slots); }
        catch (Exception e) when (e is InvalidOperationException or ArgumentOutOfRangeException)
        {
            throw new DataFileException(name, 0, "the model's Score column has no label names: not a TextLens sentence classifier", e);
        }
        Labels = slots.DenseValues().Select(m => m.ToString()).ToArray();
        _engines.Add(engine);
        for (int i = 0; i < Labels.Count; i++)
        {
            string l = Labels[i].Trim().ToLowerInvariant();
            if (l is "1" or "+1" or "positive" or "pos") _positive = i;
            else if (l is "-1" or "negative" or "neg") _negative = i;
        }
        HasSentimentLabels = _positive >= 0 && _negative >= 0 && Labels.All(l => l.Trim().ToLowerInvariant() is "1" or "+1" or "positive" or "pos" or "-1" or "negative" or "neg" or "0" or "neutral" or "neu");
    }

    /// <summary>The shipped sentiment model (<c>data/models/sentiment.zip</c>, labels -1/0/1), loaded once.</summary>
    /// <exception cref="DataFileException">The embedded model is missing or corrupt.</exception>
    public static SentenceClassifier Default => LazyDefault.Value;

    /// <summary>The labels, in the order of <see cref="SentencePrediction.Probabilities"/>.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>True when the labels are sentiment labels (-1/0/1 or negative/neutral/positive), so the classifier can be blended into <see cref="SentimentAnalyzer"/>.</summary>
    public bool HasSentimentLabels { get; }

    /// <summary>Cross-validation metrics from training, or null for a loaded model.</summary>
    public CrossValidationResult? CrossValidation { get; internal set; }

    /// <summary>Predicts the label of a text (tokenised here; stance cue features are zero because no stance layer runs).</summary>
    /// <param name="text">One sentence.</param>
    /// <returns>The prediction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public SentencePrediction Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var doc = Tokenizer.Default.Tokenize(text);
        return Predict(doc, 0, doc.TokenStore.Length);
    }

    /// <summary>Predicts the label of a sentence of a processed document, using its stance cues as features.</summary>
    /// <param name="document">The document.</param>
    /// <param name="sentence">One of its sentences.</param>
    /// <returns>The prediction.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SentencePrediction Predict(Document document, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sentence);
        return Predict(document, sentence.TokenStart, sentence.TokenEnd);
    }

    /// <summary>Saves the model as an ML.NET zip (with a <c>TextLens.txt</c> entry holding the format version).</summary>
    /// <param name="path">The file to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.Create(path);
        Save(file);
    }

    /// <summary>Saves the model as an ML.NET zip to a stream.</summary>
    /// <param name="stream">A writable stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new MemoryStream();
        _ml.Model.Save(_model, _inputSchema, buffer);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.CreateEntry(MetaEntry, CompressionLevel.Optimal);
            using var w = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            w.Write($"TextLens sentence classifier\nversion {FormatVersion}\nfeatures {FeatureCount}\nlabels {string.Join('|', Labels)}\n");
        }
        var sealedZip = Seal(buffer.ToArray());
        stream.Write(sealedZip);
    }

    private const string SealPrefix = "textlens-crc32c:";
    private const int SealLength = 16 + 8; // prefix + eight hex digits
    private const int EndRecordLength = 22; // the zip's end-of-central-directory record without its comment

    /// <summary>
    /// Writes a CRC-32C of the whole zip into its archive comment: zip readers check each entry's data but not its
    /// headers, so a flipped byte in a header could go unnoticed (issue 16). The checksum covers every byte before the
    /// comment-length field. <paramref name="zip"/> must have no comment yet.
    /// </summary>
    internal static byte[] Seal(byte[] zip)
    {
        int eocd = zip.Length - EndRecordLength;
        if (eocd < 0 || BitConverter.ToUInt32(zip, eocd) != 0x06054b50 || zip[^1] != 0 || zip[^2] != 0)
            throw new InvalidOperationException("expected a zip without an archive comment");
        uint crc = Models.Crc32C.Compute(zip.AsSpan(0, zip.Length - 2));
        var comment = Encoding.ASCII.GetBytes(SealPrefix + crc.ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        var result = new byte[zip.Length + comment.Length];
        zip.CopyTo(result, 0);
        result[zip.Length - 2] = (byte)comment.Length;
        result[zip.Length - 1] = 0;
        comment.CopyTo(result, zip.Length);
        return result;
    }

    /// <summary>Checks the seal written by <see cref="Seal"/>; throws a <see cref="DataFileException"/> naming the problem.</summary>
    internal static void CheckSeal(ReadOnlySpan<byte> zip, string name)
    {
        int eocd = zip.Length - SealLength - EndRecordLength;
        if (eocd < 0 || BitConverter.ToUInt32(zip[eocd..]) != 0x06054b50 || zip[^(SealLength + 2)] != SealLength || zip[^(SealLength + 1)] != 0 ||
            !zip[^SealLength..^8].SequenceEqual(Encoding.ASCII.GetBytes(SealPrefix)))
            throw new DataFileException(name, 0, "not a sealed TextLens model zip (no checksum in its archive comment): the file is corrupt, truncated or not written by TextLens");
        var hex = Encoding.ASCII.GetString(zip[^8..]);
        uint stored = uint.TryParse(hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
        uint actual = Models.Crc32C.Compute(zip[..^(SealLength + 2)]);
        if (stored != actual) throw new DataFileException(name, 0, $"checksum mismatch (stored {hex}, computed {actual:x8}): the file is corrupt");
    }

    /// <summary>Loads a model saved by <see cref="Save(string)"/>.</summary>
    /// <param name="path">The zip file.</param>
    /// <returns>The classifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="DataFileException">The file is missing, corrupt, truncated, of another version or not a TextLens classifier.</exception>
    public static SentenceClassifier Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, 0, $"cannot be read: {e.Message}", e);
        }
        return Load(new MemoryStream(bytes), path);
    }

    /// <summary>Loads a model from a stream.</summary>
    /// <param name="stream">The zip's bytes.</param>
    /// <param name="name">Name used in error messages.</param>
    /// <returns>The classifier.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="DataFileException">The data is corrupt, truncated, of another version or not a TextLens classifier.</exception>
    public static SentenceClassifier Load(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        CheckSeal(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), name);
        buffer.Position = 0;
        string meta;
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            var entry = zip.GetEntry(MetaEntry) ?? throw new DataFileException(name, 0, $"not a TextLens sentence classifier (no {MetaEntry} entry)");
            using var r = new StreamReader(entry.Open(), Encoding.UTF8);
            meta = r.ReadToEnd();
        }
        catch (InvalidDataException e)
        {
            throw new DataFileException(name, 0, $"corrupt or truncated model zip: {e.Message}", e);
        }
        var lines = meta.Split('\n');
        if (lines.Length < 3 || lines[0] != "TextLens sentence classifier" || !lines[1].StartsWith("version ", StringComparison.Ordinal))
            throw new DataFileException(name, 0, $"{MetaEntry} has an unknown header");
        if (lines[1] != $"version {FormatVersion}")
            throw new DataFileException(name, 0, $"model format {lines[1]} is not supported (this TextLens reads version {FormatVersion})");
        if (lines[2] != $"features {FeatureCount}")
            throw new DataFileException(name, 0, $"model expects {lines[2]}, this TextLens computes {FeatureCount}");
        buffer.Position = 0;
        var ml = new MLContext(seed: 1);
        ITransformer model;
        DataViewSchema schema;
        try { model = ml.Model.Load(buffer, out schema); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DataFileException(name, 0, $"corrupt ML.NET model: {e.Message}", e);
        }
        var lex = schema.GetColumnOrNull("Lex");
        if (schema.GetColumnOrNull("Text") is null || lex is null || lex.Value.Type is not VectorDataViewType { Size: FeatureCount })
            throw new DataFileException(name, 0, "the model's input columns are not Text and Lex[" + FeatureCount + "]");
        return new SentenceClassifier(ml, model, schema, name);
    }

    internal static SentenceClassifier LoadEmbedded()
    {
        using var s = EmbeddedData.Open(EmbeddedPath);
        return Load(s, EmbeddedData.DisplayName(EmbeddedPath));
    }

    /// <summary>P(positive) − P(negative) for tokens [s, e).</summary>
    internal double SentimentScore(Document doc, int s, int e, SentimentScorer scorer)
    {
        var p = Predict(doc, s, e);
        return p.Probabilities[_positive] - p.Probabilities[_negative];
    }

    internal SentencePrediction Predict(Document doc, int s, int e)
    {
        var input = new MlInput
        {
            Text = e > s ? doc.Text[doc.TokenStore[s].Start..doc.TokenStore[e - 1].End] : "",
            Label = "",
            Lex = Features.Compute(doc, s, e, _featureScorer),
        };
        if (!_engines.TryTake(out var engine)) engine = _ml.Model.CreatePredictionEngine<MlInput, MlOutput>(_model, _inputSchema);
        try
        {
            var output = engine.Predict(input);
            var probs = output.Score.Select(x => (double)x).ToArray();
            int best = 0;
            for (int i = 1; i < probs.Length; i++) if (probs[i] > probs[best]) best = i;
            return new SentencePrediction(Labels[best], probs);
        }
        finally
        {
            _engines.Add(engine);
        }
    }
}

/// <summary>ML.NET input row.</summary>
internal sealed class MlInput
{
    public string Text { get; set; } = "";
    public string Label { get; set; } = "";
    [VectorType(SentenceClassifier.FeatureCount)]
    public float[] Lex { get; set; } = new float[SentenceClassifier.FeatureCount];
}

/// <summary>ML.NET output row.</summary>
internal sealed class MlOutput
{
    [ColumnName("PredictedLabel")]
    public string PredictedLabel { get; set; } = "";
    public float[] Score { get; set; } = [];
}

/// <summary>The TextLens features of a token range.</summary>
internal static class Features
{
    public static float[] Compute(Document doc, int s, int e, SentimentScorer scorer)
    {
        var f = new float[SentenceClassifier.FeatureCount];
        if (e <= s) return f;
        var cues = doc.StanceCues;
        int stanceHedges = -1;
        int start = doc.TokenStore[s].Start, end = doc.TokenStore[e - 1].End;
        if (cues.Count > 0)
        {
            stanceHedges = 0;
            foreach (var c in cues)
            {
                if (c.Start < start || c.Start >= end) continue;
                f[15 + (int)c.Type]++;
                if (c.Type == StanceCueType.Hedge) stanceHedges++;
            }
        }
        double compound = scorer.Count(doc, s, e, stanceHedges, out var k);
        f[0] = (float)compound;
        f[1] = (float)k.PositiveSum;
        f[2] = (float)k.NegativeSum;
        f[3] = k.Valence;
        f[4] = k.Positive;
        f[5] = k.Negative;
        f[6] = k.Negators;
        f[7] = k.Boosters;
        f[8] = k.Dampeners;
        f[9] = k.Contrasts;
        f[10] = k.Concessives;
        f[11] = k.Irrealis;
        f[12] = k.Hedges;
        f[13] = k.Reporting;
        f[14] = compound >= scorer.Options.PositiveThreshold ? 1 : compound <= -scorer.Options.NegativeThreshold ? -1 : 0;
        return f;
    }
}
