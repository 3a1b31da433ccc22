using System.Globalization;
using System.Text;

namespace TextLens;

/// <summary>
/// Writes a plain-text report of a processed document for a console: counts, entities grouped by label,
/// stance cues grouped by holder, the sentence sentiment arc and the tone per main entity. Layers that are
/// empty or were not computed show <c>(none)</c>.
/// </summary>
public static class DocumentTextWriter
{
    /// <summary>Writes the report of <paramref name="document"/> to <paramref name="writer"/>.</summary>
    /// <param name="document">A processed document.</param>
    /// <param name="writer">Receives the report.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Document document, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(writer);
        var doc = document;
        var inv = CultureInfo.InvariantCulture;
        writer.WriteLine($"== {doc.Id} ==");
        writer.WriteLine(string.Create(inv, $"{doc.Sentences.Count} sentences, {doc.Tokens.Count} tokens, {doc.Paragraphs.Count} paragraphs, {doc.Text.Length} characters"));
        if (doc.Sentiment is { } ds)
            writer.WriteLine(string.Create(inv, $"Overall tone: {ds.Document.Compound:+0.00;-0.00;0.00} ({Output.Names.Of(ds.Document.Label)})"));
        writer.WriteLine();

        writer.WriteLine($"Entities ({doc.Entities.Count})");
        if (doc.Entities.Count == 0) writer.WriteLine("  (none)");
        foreach (var group in doc.Entities.GroupBy(e => e.Label.Name).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var names = group.GroupBy(e => e.Text, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Start)
                .Select(g => g.Count() > 1 ? $"{g.Key} ×{g.Count()}" : g.Key);
            writer.WriteLine($"  {group.Key,-7} {group.Count(),3}  {string.Join(", ", names)}");
        }
        writer.WriteLine();

        writer.WriteLine($"Stance cues by holder ({doc.StanceCues.Count})");
        if (doc.StanceCues.Count == 0) writer.WriteLine("  (none)");
        foreach (var holder in doc.StanceCues.GroupBy(c => c.Holder, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.First().Start))
        {
            var sb = new StringBuilder();
            sb.Append("  ").Append(holder.Key.Length == 0 ? "(unknown)" : holder.Key).Append(" \u2014 ");
            bool first = true;
            foreach (var byType in holder.GroupBy(c => c.Type).OrderBy(g => g.First().Start))
            {
                if (!first) sb.Append(" \u00b7 ");
                first = false;
                var phrases = byType.Select(c => Clip(c.Text, 40)).Distinct(StringComparer.Ordinal).ToList();
                sb.Append(Output.Names.Of(byType.Key)).Append(": ").Append(string.Join(", ", phrases.Take(6)));
                if (phrases.Count > 6) sb.Append(", \u2026 (+").Append(phrases.Count - 6).Append(')');
            }
            writer.WriteLine(sb.ToString());
        }
        writer.WriteLine();

        writer.WriteLine("Sentence sentiment arc (+ positive, · neutral, − negative)");
        if (doc.Sentiment is null || doc.Sentences.Count == 0) writer.WriteLine("  (none)");
        else
        {
            var arc = new StringBuilder("  ");
            int pos = 0, neg = 0, neu = 0;
            foreach (var s in doc.Sentiment.Sentences)
            {
                arc.Append(s.Label switch { SentimentLabel.Positive => '+', SentimentLabel.Negative => '\u2212', _ => '\u00b7' });
                if (s.Label == SentimentLabel.Positive) pos++; else if (s.Label == SentimentLabel.Negative) neg++; else neu++;
            }
            writer.WriteLine(arc.ToString());
            writer.WriteLine($"  {pos} positive, {neu} neutral, {neg} negative");
        }
        writer.WriteLine();

        writer.WriteLine("Tone per main entity (the sentiment stage's entity tone, else the mean of the sentences that mention it)");
        var tones = EntityTone.Summarize(doc, 8);
        if (tones.Count == 0 || doc.Sentiment is null) writer.WriteLine("  (none)");
        foreach (var t in doc.Sentiment is null ? [] : tones)
        {
            int cells = (int)Math.Round(Math.Abs(t.Tone) * 10);
            string bar = t.Tone < 0 ? new string(' ', 10 - cells) + new string('\u2588', cells) + "|" + new string(' ', 10) : new string(' ', 10) + "|" + new string('\u2588', cells).PadRight(10);
            writer.WriteLine(string.Create(inv, $"  {Clip(t.Text, 22),-22} {t.Label.Name,-6} {bar} {t.Tone,6:+0.00;-0.00;0.00}  ({t.Mentions} mentions, {t.Positive}+/{t.Negative}−)"));
        }
    }

    /// <summary>Returns the report as a string.</summary>
    /// <param name="document">A processed document.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static string ToText(Document document)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        Write(document, sw);
        return sw.ToString();
    }

    private static string Clip(string s, int max)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= max ? s : s[..(max - 1)] + "\u2026";
    }
}
