using CsvHelper;

namespace TextLens.Output;

// One row type per CSV file (CsvHelper 34 source-generated records). Column names are snake_case so the
// files load straight into pandas (pd.read_csv) and match the JSON field names.

[CsvRecord]
internal sealed partial class DocumentCsvRow
{
    [CsvColumn("doc_id")] public string DocId { get; set; } = "";
    [CsvColumn("source")] public string Source { get; set; } = "";
    [CsvColumn("characters")] public int Characters { get; set; }
    [CsvColumn("tokens")] public int Tokens { get; set; }
    [CsvColumn("sentences")] public int Sentences { get; set; }
    [CsvColumn("paragraphs")] public int Paragraphs { get; set; }
    [CsvColumn("entities")] public int Entities { get; set; }
    [CsvColumn("stance_cues")] public int StanceCues { get; set; }
    [CsvColumn("sentiment")] public int? Sentiment { get; set; }
    [CsvColumn("sentiment_label")] public string? SentimentLabel { get; set; }
    [CsvColumn("sentiment_score")] public double? SentimentScore { get; set; }
}

[CsvRecord]
internal sealed partial class SentenceCsvRow
{
    [CsvColumn("doc_id")] public string DocId { get; set; } = "";
    [CsvColumn("sentence")] public int Sentence { get; set; }
    [CsvColumn("start")] public int Start { get; set; }
    [CsvColumn("end")] public int End { get; set; }
    [CsvColumn("token_start")] public int TokenStart { get; set; }
    [CsvColumn("token_end")] public int TokenEnd { get; set; }
    [CsvColumn("paragraph")] public int? Paragraph { get; set; }
    [CsvColumn("sentiment")] public int? Sentiment { get; set; }
    [CsvColumn("sentiment_label")] public string? SentimentLabel { get; set; }
    [CsvColumn("sentiment_score")] public double? SentimentScore { get; set; }
    [CsvColumn("text")] public string Text { get; set; } = "";
    [CsvColumn("explanation")] public string Explanation { get; set; } = "";
}

[CsvRecord]
internal sealed partial class EntityCsvRow
{
    [CsvColumn("doc_id")] public string DocId { get; set; } = "";
    [CsvColumn("entity")] public int Entity { get; set; }
    [CsvColumn("start")] public int Start { get; set; }
    [CsvColumn("end")] public int End { get; set; }
    [CsvColumn("token_start")] public int TokenStart { get; set; }
    [CsvColumn("token_end")] public int TokenEnd { get; set; }
    [CsvColumn("sentence")] public int? Sentence { get; set; }
    [CsvColumn("label")] public string Label { get; set; } = "";
    [CsvColumn("text")] public string Text { get; set; } = "";
    [CsvColumn("source")] public string Source { get; set; } = "";
    [CsvColumn("confidence")] public double? Confidence { get; set; }
}

[CsvRecord]
internal sealed partial class StanceCueCsvRow
{
    [CsvColumn("doc_id")] public string DocId { get; set; } = "";
    [CsvColumn("cue")] public int Cue { get; set; }
    [CsvColumn("start")] public int Start { get; set; }
    [CsvColumn("end")] public int End { get; set; }
    [CsvColumn("token_start")] public int TokenStart { get; set; }
    [CsvColumn("token_end")] public int TokenEnd { get; set; }
    [CsvColumn("sentence")] public int? Sentence { get; set; }
    [CsvColumn("type")] public string Type { get; set; } = "";
    [CsvColumn("text")] public string Text { get; set; } = "";
    [CsvColumn("holder")] public string Holder { get; set; } = "";
    [CsvColumn("polarity")] public string Polarity { get; set; } = "";
    [CsvColumn("holder_start")] public int? HolderStart { get; set; }
    [CsvColumn("holder_end")] public int? HolderEnd { get; set; }
    [CsvColumn("target_start")] public int? TargetStart { get; set; }
    [CsvColumn("target_end")] public int? TargetEnd { get; set; }
    [CsvColumn("target")] public string Target { get; set; } = "";
    [CsvColumn("linked_cue")] public int? LinkedCue { get; set; }
}
