using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TextLens.Output;

/// <summary>What <see cref="DocumentJsonWriter"/> writes besides the evaluation schema's fields.</summary>
/// <param name="Tokens">Write every token (offsets, kind, tag, lemma). Without them the JSON holds <c>token_count</c>
/// instead, and <see cref="DocumentJson.FromJson(string)"/> re-tokenizes the text (tags and lemmas are then not restored).</param>
/// <param name="Indented">Indent the JSON (for reading by eye); compact otherwise.</param>
/// <param name="Contributions">Write the sentiment contributions (the words behind each score) of every score. Without
/// <paramref name="Tokens"/> a contribution's <c>text</c> is written only when it differs from the text at its offsets,
/// and sentences, entities and cues carry no token range (read back from their character offsets).</param>
internal readonly record struct JsonLayout(bool Tokens, bool Indented, bool Contributions)
{
    /// <summary>What <see cref="Document.ToJson"/> writes: everything, indented.</summary>
    public static JsonLayout Full => new(Tokens: true, Indented: true, Contributions: true);

    /// <summary>The CLI's default: compact, no tokens; sentence contributions kept (they explain each label).</summary>
    public static JsonLayout Compact => new(Tokens: false, Indented: false, Contributions: true);
}

/// <summary>
/// Writes a document in the wire format of <see cref="DocumentJson"/> straight to UTF-8 with <see cref="Utf8JsonWriter"/>:
/// no DTOs and no intermediate strings (the text and token spans are escaped from the document's own string).
/// Field names and order are those of the DTOs <see cref="DocumentJson.FromJson(string)"/> reads.
/// </summary>
internal static class DocumentJsonWriter
{
    // The compact layout is for files: non-ASCII letters and quotes are written as they are (3 bytes for a curly quote
    // instead of the 6 of "\u2019"); the full layout keeps the default encoder, which ToJson has always used.
    private static readonly JsonWriterOptions IndentedOptions = new() { Indented = true, SkipValidation = true };
    private static readonly JsonWriterOptions CompactOptions = new() { Indented = false, SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Document doc, Stream output, string? source, string? textFile, JsonLayout layout)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(output);
        using var w = new Utf8JsonWriter(output, layout.Indented ? IndentedOptions : CompactOptions);
        Write(doc, w, source, textFile, layout);
    }

    public static void Write(Document doc, IBufferWriter<byte> output, string? source, string? textFile, JsonLayout layout)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(output);
        using var w = new Utf8JsonWriter(output, layout.Indented ? IndentedOptions : CompactOptions);
        Write(doc, w, source, textFile, layout);
    }

    private static void Write(Document doc, Utf8JsonWriter w, string? source, string? textFile, JsonLayout layout)
    {
        var sentiment = doc.Sentiment;
        w.WriteStartObject();
        w.WriteString("id", doc.Id);
        w.WriteString("source", source ?? "");
        w.WriteString("text_file", textFile ?? $"texts/{doc.Id}.txt");

        w.WriteStartArray("sentences");
        foreach (var s in doc.Sentences)
        {
            var score = sentiment is not null && s.Index < sentiment.Sentences.Count ? sentiment.Sentences[s.Index] : null;
            w.WriteStartObject();
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
            w.WriteNumber("sentiment", score is null ? 0 : (int)score.Label);
            if (score is not null) w.WriteNumber("sentiment_score", score.Compound);
            TokenRange(w, s.TokenStart, s.TokenEnd, layout);
            if (score is not null)
            {
                w.WriteNumber("author_score", score.AuthorCompound);
                w.WriteNumber("reported_score", score.ReportedCompound);
                w.WriteNumber("lexicon_score", score.LexiconCompound);
                if (score.ClassifierScore is double c) w.WriteNumber("classifier_score", c);
                if (layout.Contributions) Contributions(w, score, doc.Text, layout);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("entities");
        foreach (var e in doc.Entities)
        {
            w.WriteStartObject();
            w.WriteNumber("start", e.Start);
            w.WriteNumber("end", e.End);
            w.WriteString("label", e.Label.Name);
            w.WriteString("text", e.Text);
            w.WriteString("source", Names.Of(e.Source));
            if (e.Confidence is double conf) w.WriteNumber("confidence", conf);
            TokenRange(w, e.TokenStart, e.TokenEnd, layout);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("stance_cues");
        foreach (var c in doc.StanceCues)
        {
            w.WriteStartObject();
            w.WriteNumber("start", c.Start);
            w.WriteNumber("end", c.End);
            w.WriteString("type", Names.Of(c.Type));
            w.WriteString("text", c.Text);
            w.WriteString("holder", c.Holder);
            TokenRange(w, c.TokenStart, c.TokenEnd, layout);
            w.WriteString("polarity", Names.Of(c.Polarity));
            Span(w, "holder_span", c.HolderSpan);
            Span(w, "target", c.Target);
            if (c.LinkedCue is int link) w.WriteNumber("linked_cue", link);
            if (c.RuleIndex >= 0) w.WriteNumber("rule_index", c.RuleIndex);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteString("format", DocumentJson.FormatName);
        if (sentiment is not null)
        {
            w.WritePropertyName("document_sentiment");
            Score(w, sentiment.Document, doc.Text, layout, end: false);
            if (sentiment.Paragraphs.Count > 0)
            {
                w.WriteStartArray("paragraphs");
                foreach (var p in sentiment.Paragraphs) Score(w, p, doc.Text, layout, end: true);
                w.WriteEndArray();
            }
            if (sentiment.Entities.Count > 0)
            {
                w.WriteStartArray("entities");
                foreach (var e in sentiment.Entities)
                {
                    w.WriteStartObject();
                    w.WriteString("text", e.Text);
                    w.WriteString("label", e.EntityLabel.Name);
                    w.WriteNumber("mentions", e.Mentions);
                    w.WriteNumber("sentiment", (int)e.Label);
                    w.WriteNumber("sentiment_score", e.Compound);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }

        w.WriteStartArray("paragraphs");
        foreach (var p in doc.Paragraphs)
        {
            w.WriteStartObject();
            w.WriteNumber("start", p.Start);
            w.WriteNumber("end", p.End);
            w.WriteNumber("sentence_start", p.SentenceStart);
            w.WriteNumber("sentence_end", p.SentenceEnd);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (layout.Tokens)
        {
            w.WriteStartArray("tokens");
            foreach (var t in doc.Tokens)
            {
                w.WriteStartObject();
                w.WriteNumber("start", t.Start);
                w.WriteNumber("end", t.End);
                w.WriteString("kind", Names.Of(t.Kind));
                w.WriteBoolean("space_after", t.SpaceAfter);
                if (t.Pos != UPos.None) w.WriteString("pos", Names.Of(t.Pos));
                if (t.Tag is string tag) w.WriteString("tag", tag);
                if (t.Lemma is string lemma) w.WriteString("lemma", lemma);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        else
        {
            // Tokens left out: FromJson re-tokenizes the text and checks it gets this many.
            w.WriteNumber("token_count", doc.TokenStore.Length);
        }
        w.WriteString("text", doc.Text);
        w.WriteEndObject();
    }

    /// <summary>A score's fields; <paramref name="end"/> closes the object (the document's score stays open for its paragraphs and entities).</summary>
    private static void Score(Utf8JsonWriter w, SentimentScore s, string text, JsonLayout layout, bool end)
    {
        w.WriteStartObject();
        w.WriteNumber("start", s.Start);
        w.WriteNumber("end", s.End);
        w.WriteNumber("sentiment", (int)s.Label);
        w.WriteNumber("sentiment_score", s.Compound);
        w.WriteNumber("author_score", s.AuthorCompound);
        w.WriteNumber("reported_score", s.ReportedCompound);
        w.WriteNumber("lexicon_score", s.LexiconCompound);
        if (s.ClassifierScore is double c) w.WriteNumber("classifier_score", c);
        if (layout.Contributions) Contributions(w, s, text, layout);
        if (end) w.WriteEndObject();
    }

    /// <summary>
    /// A sentence's, entity's or cue's token range: written with the tokens; without them left out, because
    /// <see cref="DocumentJson.FromJson(string)"/> re-tokenizes the text and finds the same range from the character offsets.
    /// </summary>
    private static void TokenRange(Utf8JsonWriter w, int start, int end, JsonLayout layout)
    {
        if (!layout.Tokens) return;
        w.WriteNumber("token_start", start);
        w.WriteNumber("token_end", end);
    }

    private static void Contributions(Utf8JsonWriter w, SentimentScore s, string text, JsonLayout layout)
    {
        if (s.Contributions.Count == 0) return;
        w.WriteStartArray("contributions");
        foreach (var c in s.Contributions)
        {
            w.WriteStartObject();
            w.WriteNumber("start", c.Start);
            w.WriteNumber("end", c.End);
            // Without tokens a contribution's text is left out when it is the text at its offsets (it always is for
            // TextLens's own scorer), which FromJson reads back from the offsets.
            if (layout.Tokens || !text.AsSpan(c.Start, c.End - c.Start).SequenceEqual(c.Text)) w.WriteString("text", c.Text);
            w.WriteNumber("valence", c.Valence);
            w.WriteNumber("weight", c.Weight);
            if (c.Modifiers != SentimentModifiers.None)
            {
                w.WriteStartArray("modifiers");
                foreach (var m in ModifierNames)
                    if (c.Modifiers.HasFlag(m.Flag)) w.WriteStringValue(m.Name);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static readonly (SentimentModifiers Flag, string Name)[] ModifierNames =
        Enum.GetValues<SentimentModifiers>().Where(m => m != SentimentModifiers.None).Select(m => (m, m.ToString())).ToArray();

    private static void Span(Utf8JsonWriter w, string name, StanceSpan? s)
    {
        if (s is null) return;
        w.WriteStartObject(name);
        w.WriteNumber("start", s.Start);
        w.WriteNumber("end", s.End);
        w.WriteNumber("token_start", s.TokenStart);
        w.WriteNumber("token_end", s.TokenEnd);
        w.WriteString("text", s.Text);
        w.WriteEndObject();
    }
}
