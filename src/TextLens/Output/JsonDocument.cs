using System.Text.Json;
using System.Text.Json.Serialization;

namespace TextLens.Output;

// Wire format of SCHEMA.md (shared/eval). Extra fields beyond the schema are allowed and carry the rest of the document.
internal sealed class JsonDocumentDto
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("source")] public string Source { get; set; } = "";
    [JsonPropertyName("text_file")] public string TextFile { get; set; } = "";
    [JsonPropertyName("sentences")] public List<JsonSentenceDto> Sentences { get; set; } = [];
    [JsonPropertyName("entities")] public List<JsonEntityDto> Entities { get; set; } = [];
    [JsonPropertyName("stance_cues")] public List<JsonStanceCueDto> StanceCues { get; set; } = [];
}

internal sealed class JsonSentenceDto
{
    [JsonPropertyName("start")] public int Start { get; set; }
    [JsonPropertyName("end")] public int End { get; set; }
    [JsonPropertyName("sentiment")] public int Sentiment { get; set; }
}

internal sealed class JsonEntityDto
{
    [JsonPropertyName("start")] public int Start { get; set; }
    [JsonPropertyName("end")] public int End { get; set; }
    [JsonPropertyName("label")] public string Label { get; set; } = "";
    [JsonPropertyName("text")] public string Text { get; set; } = "";
}

internal sealed class JsonStanceCueDto
{
    [JsonPropertyName("start")] public int Start { get; set; }
    [JsonPropertyName("end")] public int End { get; set; }
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("holder")] public string Holder { get; set; } = "";
}

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonDocumentDto))]
internal sealed partial class TextLensJsonContext : JsonSerializerContext;

internal static class DocumentJson
{
    public static string ToJson(Document doc, string? source, string? textFile)
    {
        var dto = new JsonDocumentDto
        {
            Id = doc.Id,
            Source = source ?? "",
            TextFile = textFile ?? $"texts/{doc.Id}.txt",
        };
        var sentiment = doc.Sentiment;
        foreach (var s in doc.Sentences)
            dto.Sentences.Add(new JsonSentenceDto { Start = s.Start, End = s.End, Sentiment = sentiment is null ? 0 : (int)sentiment.Sentences[s.Index].Label });
        foreach (var e in doc.Entities)
            dto.Entities.Add(new JsonEntityDto { Start = e.Start, End = e.End, Label = e.Label.Name, Text = e.Text });
        foreach (var c in doc.StanceCues)
            dto.StanceCues.Add(new JsonStanceCueDto { Start = c.Start, End = c.End, Type = c.Type.ToString().ToUpperInvariant(), Text = c.Text, Holder = c.Holder });
        return JsonSerializer.Serialize(dto, TextLensJsonContext.Default.JsonDocumentDto);
    }
}
