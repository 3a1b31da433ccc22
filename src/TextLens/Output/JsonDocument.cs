using System.Text.Json;
using System.Text.Json.Serialization;

namespace TextLens.Output;

// Wire format of SCHEMA.md (shared/eval): id, source, text_file, sentences {start,end,sentiment},
// entities {start,end,label,text}, stance_cues {start,end,type,text,holder} — exactly those names.
// Extra fields (allowed by the schema) carry the rest of the document so FromJson can rebuild it:
// the text, the tokens (offsets, kind, pos, tag, lemma), paragraphs, token ranges, scores.
internal sealed class JsonDocumentDto
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("source")] public string Source { get; set; } = "";
    [JsonPropertyName("text_file")] public string TextFile { get; set; } = "";
    [JsonPropertyName("sentences")] public List<JsonSentenceDto> Sentences { get; set; } = [];
    [JsonPropertyName("entities")] public List<JsonEntityDto> Entities { get; set; } = [];
    [JsonPropertyName("stance_cues")] public List<JsonStanceCueDto> StanceCues { get; set; } = [];

    // ---- extra fields (TextLens) ----
    [JsonPropertyName("format")] public string? Format { get; set; }
    [JsonPropertyName("document_sentiment")] public JsonScoreDto? DocumentSentiment { get; set; }
    [JsonPropertyName("paragraphs")] public List<JsonParagraphDto>? Paragraphs { get; set; }
    [JsonPropertyName("tokens")] public List<JsonTokenDto>? Tokens { get; set; }
    // Written instead of tokens by the compact layout: the text is re-tokenized on reading and must give this many.
    [JsonPropertyName("token_count")] public int? TokenCount { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
}

internal sealed class JsonSentenceDto
{
    [JsonPropertyName("start")] public int Start { get; set; }
    [JsonPropertyName("end")] public int End { get; set; }
    [JsonPropertyName("sentiment")] public int Sentiment { get; set; }
    [JsonPropertyName("sentiment_score")] public double? SentimentScore { get; set; }
    [JsonPropertyName("token_start")] public int? TokenStart { get; set; }
    [JsonPropertyName("token_end")] public int? TokenEnd { get; set; }
    [JsonPropertyName("author_score")] public double? AuthorScore { get; set; }
    [JsonPropertyName("reported_score")] public double? ReportedScore { get; set; }
    [JsonPropertyName("lexicon_score")] public double? LexiconScore { get; set; }
    [JsonPropertyName("classifier_score")] public double? ClassifierScore { get; set; }
    [JsonPropertyName("contributions")] public List<JsonContributionDto>? Contributions { get; set; }
}

internal sealed class JsonContributionDto
{
    [JsonPropertyName("start")] public int Start { get; set; }
    [JsonPropertyName("end")] public int End { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; } // absent in the compact layout: the text at the offsets
    [JsonPropertyName("valence")] public double Valence { get; set; }
    [JsonPropertyName("weight")] public double Weight { get; set; }
    [JsonPropertyName("modifiers")] public List<string>? Modifiers { get; set; }
}

internal sealed class JsonSpanDto
{
    [JsonPropertyName("start")] public int Start { get; set; }
    [JsonPropertyName("end")] public int End { get; set; }
    [JsonPropertyName("token_start")] public int TokenStart { get; set; }
    [JsonPropertyName("token_end")] public int TokenEnd { get; set; }
    [JsonPropertyName("text")] public string Text { get; set; } = "";
}

internal sealed class JsonEntitySentimentDto
{
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("label")] public string Label { get; set; } = "";
    [JsonPropertyName("mentions")] public int Mentions { get; set; }
    [JsonPropertyName("sentiment")] public int Sentiment { get; set; }
    [JsonPropertyName("sentiment_score")] public double SentimentScore { get; set; }
}

internal sealed class JsonEntityDto
{
    [JsonPropertyName("start")] public int Start { get; set; }
    [JsonPropertyName("end")] public int End { get; set; }
    [JsonPropertyName("label")] public string Label { get; set; } = "";
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("confidence")] public double? Confidence { get; set; }
    [JsonPropertyName("token_start")] public int? TokenStart { get; set; }
    [JsonPropertyName("token_end")] public int? TokenEnd { get; set; }
}

internal sealed class JsonStanceCueDto
{
    [JsonPropertyName("start")] public int Start { get; set; }
    [JsonPropertyName("end")] public int End { get; set; }
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("holder")] public string Holder { get; set; } = "";
    [JsonPropertyName("token_start")] public int? TokenStart { get; set; }
    [JsonPropertyName("token_end")] public int? TokenEnd { get; set; }
    [JsonPropertyName("polarity")] public string? Polarity { get; set; }
    [JsonPropertyName("holder_span")] public JsonSpanDto? HolderSpan { get; set; }
    [JsonPropertyName("target")] public JsonSpanDto? Target { get; set; }
    [JsonPropertyName("linked_cue")] public int? LinkedCue { get; set; }
    [JsonPropertyName("rule_index")] public int? RuleIndex { get; set; }
}

internal sealed class JsonScoreDto
{
    [JsonPropertyName("start")] public int Start { get; set; }
    [JsonPropertyName("end")] public int End { get; set; }
    [JsonPropertyName("sentiment")] public int Sentiment { get; set; }
    [JsonPropertyName("sentiment_score")] public double SentimentScore { get; set; }
    [JsonPropertyName("author_score")] public double? AuthorScore { get; set; }
    [JsonPropertyName("reported_score")] public double? ReportedScore { get; set; }
    [JsonPropertyName("lexicon_score")] public double? LexiconScore { get; set; }
    [JsonPropertyName("classifier_score")] public double? ClassifierScore { get; set; }
    [JsonPropertyName("contributions")] public List<JsonContributionDto>? Contributions { get; set; }
    [JsonPropertyName("paragraphs")] public List<JsonScoreDto>? Paragraphs { get; set; }
    [JsonPropertyName("entities")] public List<JsonEntitySentimentDto>? Entities { get; set; }
}

internal sealed class JsonParagraphDto
{
    [JsonPropertyName("start")] public int Start { get; set; }
    [JsonPropertyName("end")] public int End { get; set; }
    [JsonPropertyName("sentence_start")] public int SentenceStart { get; set; }
    [JsonPropertyName("sentence_end")] public int SentenceEnd { get; set; }
}

internal sealed class JsonTokenDto
{
    [JsonPropertyName("start")] public int Start { get; set; }
    [JsonPropertyName("end")] public int End { get; set; }
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("space_after")] public bool SpaceAfter { get; set; }
    [JsonPropertyName("pos")] public string? Pos { get; set; }
    [JsonPropertyName("tag")] public string? Tag { get; set; }
    [JsonPropertyName("lemma")] public string? Lemma { get; set; }
}

// Reading only: DocumentJsonWriter writes these fields, in this order, straight from the document.
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonDocumentDto))]
internal sealed partial class TextLensJsonContext : JsonSerializerContext;

internal static class DocumentJson
{
    public const string FormatName = "textlens-document/1";

    public static string ToJson(Document doc, string? source, string? textFile)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(doc.Text.Length * 16 + 4096);
        DocumentJsonWriter.Write(doc, buffer, source, textFile, JsonLayout.Full);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static Document FromJson(string json) => FromJson(json, out _, out _);

    /// <summary>Reads a document and the <c>source</c> and <c>text_file</c> it was saved with (so rendering it again keeps them).</summary>
    public static Document FromJson(string json, out string? source, out string? textFile)
    {
        ArgumentNullException.ThrowIfNull(json);
        source = textFile = null;
        JsonDocumentDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, TextLensJsonContext.Default.JsonDocumentDto);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a TextLens document: malformed JSON ({ex.Message})", ex);
        }
        catch (ArgumentException ex) // e.g. an unpaired surrogate outside any escape: the string cannot be transcoded (found by fuzzing)
        {
            throw new FormatException($"Not a TextLens document: {ex.Message}", ex);
        }
        if (dto is null) throw new FormatException("Not a TextLens document: the JSON is null.");
        source = dto.Source;
        textFile = dto.TextFile;
        // A missing format is JSON written by other tools in the evaluation schema; any other version is refused, not guessed at.
        if (dto.Format is not null && dto.Format != FormatName)
            throw new FormatException($"Not a TextLens document this version can read: format '{dto.Format}' (expected '{FormatName}').");
        if (dto.Text is null)
            throw new FormatException("Not a TextLens document: the 'text' field is missing (evaluation-only JSON without the text cannot be rebuilt into a Document).");
        if (dto.Tokens is null && dto.TokenCount is null)
            throw new FormatException("Not a TextLens document: the 'tokens' field is missing (and no 'token_count' says they were left out to be re-tokenized).");
        if (dto.Tokens is not null && dto.TokenCount is not null)
            throw new FormatException("Not a TextLens document: it has both 'tokens' and 'token_count'.");
        var text = dto.Text;
        int n = text.Length;

        TokenData[] tokens;
        if (dto.Tokens is null)
        {
            // Written without tokens (the CLI's compact JSON): the default tokenizer is deterministic, so it rebuilds
            // them; a different count means another tokenizer wrote the file, and every token range would be wrong.
            tokens = Tokenizer.Default.TokenizeToArray(text);
            if (tokens.Length != dto.TokenCount)
                throw Bad($"'token_count' is {dto.TokenCount} but the text re-tokenizes into {tokens.Length} tokens (written by another tokenizer? write it with its tokens)");
        }
        else
        {
            tokens = new TokenData[dto.Tokens.Count];
            int previousEnd = 0;
            for (int i = 0; i < tokens.Length; i++)
            {
                var t = dto.Tokens[i] ?? throw Bad($"token {i} is null");
                CheckRange($"token {i}", t.Start, t.End, n);
                if (t.Start < previousEnd) throw Bad($"token {i} [{t.Start}, {t.End}) overlaps or precedes the token before it");
                if (t.End == t.Start) throw Bad($"token {i} is empty");
                if (!Enum.TryParse<TokenKind>(t.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(t.Kind, out _))
                    throw Bad($"token {i} has an unknown kind '{t.Kind}'");
                tokens[i] = new TokenData(t.Start, t.End - t.Start, kind, t.SpaceAfter);
                previousEnd = t.End;
            }
        }
        var doc = new Document(text, string.IsNullOrEmpty(dto.Id) ? "doc" : dto.Id, tokens);

        // Tags and lemmas: all or nothing per layer (none when the tokens were left out).
        var tokenDtos = dto.Tokens ?? [];
        int tagged = tokenDtos.Count(t => t.Pos is not null);
        if (tagged > 0)
        {
            if (tagged != tokens.Length) throw Bad("some tokens have 'pos' and others do not");
            var pos = new UPos[tokens.Length];
            var tags = new string[tokens.Length];
            for (int i = 0; i < tokens.Length; i++)
            {
                var p = tokenDtos[i].Pos!;
                if (!Enum.TryParse<UPos>(p, ignoreCase: true, out var u) || !Enum.IsDefined(u) || u == UPos.None || int.TryParse(p, out _))
                    throw Bad($"token {i} has an unknown pos '{p}'");
                pos[i] = u;
                tags[i] = tokenDtos[i].Tag ?? "";
            }
            doc.SetTags(pos, tags);
        }
        int lemmatized = tokenDtos.Count(t => t.Lemma is not null);
        if (lemmatized > 0)
        {
            if (lemmatized != tokens.Length) throw Bad("some tokens have 'lemma' and others do not");
            doc.SetLemmas(tokenDtos.Select(t => t.Lemma!).ToArray());
        }

        var sentences = new Sentence[(dto.Sentences ?? []).Count];
        int prevTokenEnd = 0;
        for (int i = 0; i < sentences.Length; i++)
        {
            var s = dto.Sentences![i] ?? throw Bad($"sentence {i} is null");
            CheckRange($"sentence {i}", s.Start, s.End, n);
            var (ts, te) = TokenRange(doc, $"sentence {i}", s.Start, s.End, s.TokenStart, s.TokenEnd);
            if (ts < prevTokenEnd || ts >= te) throw Bad($"sentence {i} does not follow the sentence before it or has no tokens");
            sentences[i] = doc.NewSentence(i, ts, te);
            prevTokenEnd = te;
        }
        var paragraphs = new Paragraph[(dto.Paragraphs ?? []).Count];
        for (int i = 0; i < paragraphs.Length; i++)
        {
            var p = dto.Paragraphs![i] ?? throw Bad($"paragraph {i} is null");
            CheckRange($"paragraph {i}", p.Start, p.End, n);
            if (p.SentenceStart < 0 || p.SentenceEnd < p.SentenceStart || p.SentenceEnd > sentences.Length)
                throw Bad($"paragraph {i} has an invalid sentence range [{p.SentenceStart}, {p.SentenceEnd})");
            if (i > 0 && (p.Start < paragraphs[i - 1].End || p.SentenceStart < paragraphs[i - 1].SentenceEnd))
                throw Bad($"paragraph {i} overlaps or precedes the paragraph before it");
            paragraphs[i] = new Paragraph(i, p.Start, p.End, p.SentenceStart, p.SentenceEnd);
        }
        if (sentences.Length > 0 || paragraphs.Length > 0) doc.SetSentences(sentences, paragraphs);

        var entities = new List<Entity>((dto.Entities ?? []).Count);
        for (int i = 0; i < entities.Capacity; i++)
        {
            var e = dto.Entities![i] ?? throw Bad($"entity {i} is null");
            CheckRange($"entity {i}", e.Start, e.End, n);
            if (e.End == e.Start) throw Bad($"entity {i} is empty");
            if (e.Confidence is double conf && !(conf >= 0 && conf <= 1)) throw Bad($"entity {i} has confidence {conf}, outside 0..1");
            if (string.IsNullOrWhiteSpace(e.Label)) throw Bad($"entity {i} has no label");
            if (entities.Count > 0 && e.Start < entities[^1].End) throw Bad($"entity {i} overlaps or precedes the entity before it (entities are ordered and non-overlapping)");
            var (ts, te) = TokenRange(doc, $"entity {i}", e.Start, e.End, e.TokenStart, e.TokenEnd);
            var entitySource = EntitySource.Model;
            if (e.Source is not null && !Names.TryParse(e.Source, out entitySource)) throw Bad($"entity {i} has an unknown source '{e.Source}'");
            entities.Add(new Entity(new EntityLabel(e.Label), e.Start, e.End, ts, te, text[e.Start..e.End], entitySource, e.Confidence));
        }
        doc.SetEntities(entities);

        var cues = new List<StanceCue>((dto.StanceCues ?? []).Count);
        for (int i = 0; i < cues.Capacity; i++)
        {
            var c = dto.StanceCues![i] ?? throw Bad($"stance cue {i} is null");
            CheckRange($"stance cue {i}", c.Start, c.End, n);
            if (c.End == c.Start) throw Bad($"stance cue {i} is empty");
            if (!Names.TryParse(c.Type, out StanceCueType type)) throw Bad($"stance cue {i} has an unknown type '{c.Type}'");
            var (ts, te) = TokenRange(doc, $"stance cue {i}", c.Start, c.End, c.TokenStart, c.TokenEnd);
            var polarity = StancePolarity.Positive;
            if (c.Polarity is not null && !Names.TryParse(c.Polarity, out polarity)) throw Bad($"stance cue {i} has an unknown polarity '{c.Polarity}'");
            cues.Add(new StanceCue(type, c.Start, c.End, ts, te, text[c.Start..c.End], c.Holder ?? "")
            {
                Polarity = polarity,
                HolderSpan = ReadSpan(doc, $"stance cue {i} holder_span", c.HolderSpan),
                Target = ReadSpan(doc, $"stance cue {i} target", c.Target),
                LinkedCue = c.LinkedCue is int link && (link < 0 || link >= cues.Capacity) ? throw Bad($"stance cue {i} links to cue {link}, which does not exist") : c.LinkedCue,
                RuleIndex = c.RuleIndex ?? -1,
            });
        }
        doc.SetStanceCues(cues);

        for (int i = 0; i < sentences.Length; i++) Label(dto.Sentences![i].Sentiment, $"sentence {i}");
        // Scores, or at least labels (JSON written by other tools): a label without a score gets the label as its score.
        bool hasScores = dto.DocumentSentiment is not null || (dto.Sentences ?? []).Any(s => s.SentimentScore is not null || s.Sentiment != 0);
        if (hasScores)
        {
            var scores = new SentimentScore[sentences.Length];
            for (int i = 0; i < scores.Length; i++)
            {
                var s = dto.Sentences![i];
                scores[i] = ReadScore(text, $"sentence {i}", s.Start, s.End, s.Sentiment, s.SentimentScore ?? s.Sentiment,
                    s.AuthorScore, s.ReportedScore, s.LexiconScore, s.ClassifierScore, s.Contributions);
            }
            var d = dto.DocumentSentiment;
            var whole = d is null
                ? new SentimentScore(0, n, 0, SentimentLabel.Neutral)
                : ReadScore(text, "document_sentiment", d.Start, d.End, d.Sentiment, d.SentimentScore, d.AuthorScore, d.ReportedScore, d.LexiconScore, d.ClassifierScore, d.Contributions);
            var result = new DocumentSentiment(whole, scores);
            if (d?.Paragraphs is { Count: > 0 } ps)
                result = result with
                {
                    Paragraphs = ps.Select((p, i) => ReadScore(text, $"paragraph score {i}", p.Start, p.End, p.Sentiment, p.SentimentScore, p.AuthorScore, p.ReportedScore, p.LexiconScore, p.ClassifierScore, p.Contributions)).ToArray(),
                };
            if (d?.Entities is { Count: > 0 } es)
                result = result with
                {
                    Entities = es.Select((e, i) => new EntitySentiment(e.Text ?? "", new EntityLabel(string.IsNullOrEmpty(e.Label) ? throw Bad($"entity sentiment {i} has no label") : e.Label),
                        e.Mentions < 0 ? throw Bad($"entity sentiment {i} has {e.Mentions} mentions") : e.Mentions,
                        UnitScore($"entity sentiment {i} sentiment_score", e.SentimentScore), Label(e.Sentiment, $"entity sentiment {i}"))).ToArray(),
                };
            doc.SetSentiment(result);
        }
        doc.Freeze();
        return doc;
    }

    private static SentimentScore ReadScore(string text, string what, int start, int end, int label, double compound,
        double? author, double? reported, double? lexicon, double? classifier, List<JsonContributionDto>? contributions)
    {
        CheckRange(what, start, end, text.Length);
        var score = new SentimentScore(start, end, UnitScore($"{what} sentiment_score", compound), Label(label, what))
        {
            AuthorCompound = UnitScore($"{what} author_score", author ?? 0),
            ReportedCompound = UnitScore($"{what} reported_score", reported ?? 0),
            LexiconCompound = UnitScore($"{what} lexicon_score", lexicon ?? 0),
            ClassifierScore = classifier is double c ? UnitScore($"{what} classifier_score", c) : null,
        };
        if (contributions is { Count: > 0 })
            score = score with
            {
                Contributions = contributions.Select((c, i) =>
                {
                    CheckRange($"{what} contribution {i}", c.Start, c.End, text.Length);
                    var modifiers = SentimentModifiers.None;
                    foreach (var m in c.Modifiers ?? [])
                        modifiers |= Names.TryParse(m, out SentimentModifiers one) ? one : throw Bad($"{what} contribution {i} has an unknown modifier '{m}'");
                    if (!double.IsFinite(c.Valence) || !double.IsFinite(c.Weight)) throw Bad($"{what} contribution {i} has a valence or weight that is not a finite number");
                    return new SentimentContribution(c.Start, c.End, c.Text ?? text[c.Start..c.End], c.Valence, c.Weight, modifiers);
                }).ToArray(),
            };
        return score;
    }

    private static StanceSpan? ReadSpan(Document doc, string what, JsonSpanDto? s)
    {
        if (s is null) return null;
        CheckRange(what, s.Start, s.End, doc.Text.Length);
        var (ts, te) = TokenRange(doc, what, s.Start, s.End, s.TokenStart, s.TokenEnd);
        return new StanceSpan(s.Start, s.End, ts, te, doc.Text[s.Start..s.End]);
    }

    private static SentimentLabel Label(int value, string what) => value switch
    {
        -1 => SentimentLabel.Negative,
        0 => SentimentLabel.Neutral,
        1 => SentimentLabel.Positive,
        _ => throw Bad($"{what} has sentiment {value}; expected -1, 0 or 1"),
    };

    private static (int Start, int End) TokenRange(Document doc, string what, int start, int end, int? tokenStart, int? tokenEnd)
    {
        int count = doc.TokenStore.Length;
        if (tokenStart is int ts && tokenEnd is int te)
        {
            if (ts < 0 || te < ts || te > count) throw Bad($"{what} has an invalid token range [{ts}, {te})");
            return (ts, te);
        }
        int first = doc.TokenIndexAt(start), last = first;
        while (last < count && doc.TokenStore[last].Start < end) last++;
        return (first, last);
    }

    private static void CheckRange(string what, int start, int end, int length)
    {
        if (start < 0 || end < start || end > length)
            throw Bad($"{what} has offsets [{start}, {end}) outside the text (length {length})");
    }

    /// <summary>Every score TextLens writes (compound, author, reported, lexicon, classifier) lies in -1..+1.</summary>
    private static double UnitScore(string what, double value) =>
        value is >= -1 and <= 1 ? value : throw Bad($"{what} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, outside -1..+1");

    private static FormatException Bad(string problem) => new($"Not a valid TextLens document: {problem}.");
}

/// <summary>Names used in every output (JSON, CSV, HTML): upper-case cue types, lower-case sources.</summary>
internal static class Names
{
    public static string Of(StanceCueType type) => type switch
    {
        StanceCueType.Refusal => "REFUSAL",
        StanceCueType.Condition => "CONDITION",
        StanceCueType.Commitment => "COMMITMENT",
        StanceCueType.Deontic => "DEONTIC",
        StanceCueType.Hedge => "HEDGE",
        StanceCueType.Booster => "BOOSTER",
        StanceCueType.Attitude => "ATTITUDE",
        _ => type.ToString().ToUpperInvariant(),
    };

    public static string Of(EntitySource source) => source switch
    {
        EntitySource.Model => "model",
        EntitySource.Gazetteer => "gazetteer",
        EntitySource.Rule => "rule",
        _ => source.ToString().ToLowerInvariant(),
    };

    public static string Of(TokenKind kind) => kind.ToString();

    public static string Of(StancePolarity polarity) => polarity == StancePolarity.Negative ? "negative" : "positive";

    public static string Of(UPos pos) => pos.ToString().ToUpperInvariant();

    public static string Of(SentimentLabel label) => label switch
    {
        SentimentLabel.Negative => "negative",
        SentimentLabel.Positive => "positive",
        _ => "neutral",
    };

    public static bool TryParse<TEnum>(string? name, out TEnum value) where TEnum : struct, Enum =>
        Enum.TryParse(name, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(name, out _);
}
