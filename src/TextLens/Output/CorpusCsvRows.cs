using CsvHelper;

namespace TextLens.Output;

// Rows of the corpus report's CSV files (CsvHelper source-generated records, snake_case columns like CsvRows.cs).

[CsvRecord]
internal sealed partial class CorpusDocumentCsvRow
{
    [CsvColumn("doc_id")] public string DocId { get; set; } = "";
    [CsvColumn("group")] public string Group { get; set; } = "";
    [CsvColumn("date")] public string Date { get; set; } = "";
    [CsvColumn("date_source")] public string DateSource { get; set; } = "";
    [CsvColumn("tokens")] public int Tokens { get; set; }
    [CsvColumn("entities")] public int Entities { get; set; }
    [CsvColumn("stance_cues")] public int StanceCues { get; set; }
    [CsvColumn("refusals")] public int Refusals { get; set; }
    [CsvColumn("hedges")] public int Hedges { get; set; }
    [CsvColumn("hedges_per_1000_tokens")] public double HedgesPerThousand { get; set; }
    [CsvColumn("sentiment_score")] public double? SentimentScore { get; set; }
    [CsvColumn("report")] public string Report { get; set; } = "";
}

[CsvRecord]
internal sealed partial class CorpusPeriodCsvRow
{
    [CsvColumn("period")] public string Period { get; set; } = "";
    [CsvColumn("documents")] public int Documents { get; set; }
}

[CsvRecord]
internal sealed partial class CorpusEntityPeriodCsvRow
{
    [CsvColumn("label")] public string Label { get; set; } = "";
    [CsvColumn("entity")] public string Entity { get; set; } = "";
    [CsvColumn("period")] public string Period { get; set; } = "";
    [CsvColumn("mentions")] public long Mentions { get; set; }
    [CsvColumn("documents")] public int Documents { get; set; }
    [CsvColumn("tone")] public double Tone { get; set; }
}

[CsvRecord]
internal sealed partial class CorpusActorStanceCsvRow
{
    [CsvColumn("actor")] public string Actor { get; set; } = "";
    [CsvColumn("label")] public string Label { get; set; } = "";
    [CsvColumn("type")] public string Type { get; set; } = "";
    [CsvColumn("cues")] public int Cues { get; set; }
    [CsvColumn("documents")] public int Documents { get; set; }
    [CsvColumn("top_phrases")] public string TopPhrases { get; set; } = "";
    [CsvColumn("about")] public string About { get; set; } = "";
}

[CsvRecord]
internal sealed partial class CorpusSentimentCsvRow
{
    [CsvColumn("grouping")] public string Grouping { get; set; } = "";
    [CsvColumn("group")] public string Group { get; set; } = "";
    [CsvColumn("documents")] public int Documents { get; set; }
    [CsvColumn("positive")] public int Positive { get; set; }
    [CsvColumn("neutral")] public int Neutral { get; set; }
    [CsvColumn("negative")] public int Negative { get; set; }
    [CsvColumn("mean")] public double Mean { get; set; }
    [CsvColumn("histogram")] public string Histogram { get; set; } = "";
}

[CsvRecord]
internal sealed partial class CorpusOutlierCsvRow
{
    [CsvColumn("kind")] public string Kind { get; set; } = "";
    [CsvColumn("rank")] public int Rank { get; set; }
    [CsvColumn("doc_id")] public string DocId { get; set; } = "";
    [CsvColumn("date")] public string Date { get; set; } = "";
    [CsvColumn("value")] public double Value { get; set; }
    [CsvColumn("report")] public string Report { get; set; } = "";
}
