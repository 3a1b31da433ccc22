using System.Globalization;
using System.Text;

namespace TextLens;

/// <summary>
/// Renders a processed document as one self-contained HTML page in the spirit of spaCy's displaCy: the text
/// with entities and stance cues highlighted by label and type (with a legend), sentence sentiment as a colour
/// band, summary tables, and an inline SVG chart of the tone per entity. The page loads nothing from the network
/// (no scripts, fonts or images); every piece of document text is HTML-escaped.
/// </summary>
public static class DocumentHtmlWriter
{
    private static readonly (string Label, string Colour)[] EntityColours =
    [
        ("PERSON", "#aa9cfc"), ("NORP", "#c887fb"), ("ORG", "#7aecec"), ("GPE", "#feca74"),
        ("LOC", "#ff9561"), ("EVENT", "#ffeb80"), ("DATE", "#bfe1d9"),
    ];

    private static readonly string[] ExtraColours = ["#e4e7d2", "#9cc9cc", "#f0d0ff", "#c2f0c2", "#ffd1dc", "#d0e0ff"];

    private static readonly (StanceCueType Type, string Colour)[] CueColours =
    [
        (StanceCueType.Refusal, "#d7263d"), (StanceCueType.Condition, "#f18f01"), (StanceCueType.Commitment, "#2e86ab"),
        (StanceCueType.Deontic, "#6a4c93"), (StanceCueType.Hedge, "#8d99ae"), (StanceCueType.Booster, "#1b998b"),
        (StanceCueType.Attitude, "#c2185b"),
    ];

    /// <summary>Renders the report as a string.</summary>
    /// <param name="document">A processed document.</param>
    /// <param name="title">Page title; defaults to the document id.</param>
    /// <param name="source">Where the text came from; an http(s) address becomes a link, anything else is shown as text.</param>
    /// <returns>A complete HTML document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static string ToHtml(Document document, string? title = null, string? source = null)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        Write(document, sw, title, source);
        return sw.ToString();
    }

    /// <summary>Writes the report to <paramref name="writer"/>.</summary>
    /// <param name="document">A processed document.</param>
    /// <param name="writer">Receives the HTML.</param>
    /// <param name="title">Page title; defaults to the document id.</param>
    /// <param name="source">Where the text came from; an http(s) address becomes a link, anything else is shown as text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="writer"/> is null.</exception>
    public static void Write(Document document, TextWriter writer, string? title = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(writer);
        var doc = document;
        var w = new StringBuilder(doc.Text.Length * 4 + 16384);
        title ??= doc.Id;

        w.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        w.Append("<meta name=\"generator\" content=\"TextLens\">\n");
        w.Append("<title>").Append(Esc(title)).Append(" \u2014 TextLens</title>\n");
        w.Append("<style>\n").Append(Css).Append(EntityCss(doc)).Append("</style>\n</head>\n<body>\n");

        // Header and figures.
        w.Append("<header>\n<h1>").Append(Esc(title)).Append("</h1>\n<p class=\"meta\">");
        if (!string.IsNullOrEmpty(source))
        {
            w.Append("Source: ");
            if (SafeUrl(source) is { } url)
                w.Append("<a href=\"").Append(Esc(url)).Append("\" rel=\"noopener noreferrer nofollow\">").Append(Esc(source)).Append("</a>");
            else
                w.Append("<span class=\"src\">").Append(Esc(source)).Append("</span>");
            w.Append(" \u00b7 ");
        }
        w.Append("Document id: <code>").Append(Esc(doc.Id)).Append("</code></p>\n");
        w.Append("<ul class=\"figures\">");
        Figure(w, "characters", doc.Text.Length);
        Figure(w, "tokens", doc.Tokens.Count);
        Figure(w, "sentences", doc.Sentences.Count);
        Figure(w, "entities", doc.Entities.Count);
        Figure(w, "stance cues", doc.StanceCues.Count);
        if (doc.Sentiment is { } ds)
            w.Append("<li class=\"tone ").Append(Cls(ds.Document.Label)).Append("\"><b>").Append(Num(ds.Document.Compound))
             .Append("</b> overall tone (").Append(Output.Names.Of(ds.Document.Label)).Append(")</li>");
        w.Append("</ul>\n</header>\n<main>\n");

        SentimentBand(w, doc);
        Legend(w, doc);

        w.Append("<section id=\"text\">\n<h2>Text</h2>\n<article class=\"text\">");
        AnnotatedText(w, doc);
        w.Append("</article>\n</section>\n");

        w.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"grid\">\n");
        EntityTable(w, doc);
        ToneChart(w, doc);
        w.Append("</div>\n");
        CueTable(w, doc);
        w.Append("</section>\n</main>\n<footer>Generated by TextLens. Offsets are UTF-16 code units into the original text.</footer>\n</body>\n</html>\n");
        writer.Write(w.ToString());
    }

    // ------------------------------------------------------------------ sections

    private static void Figure(StringBuilder w, string what, int value) =>
        w.Append("<li><b>").Append(value.ToString("N0", CultureInfo.InvariantCulture)).Append("</b> ").Append(what).Append("</li>");

    private static void SentimentBand(StringBuilder w, Document doc)
    {
        w.Append("<section id=\"sentiment\">\n<h2>Sentence sentiment</h2>\n");
        var sentiment = doc.Sentiment;
        if (doc.Sentences.Count == 0 || sentiment is null)
        {
            w.Append("<p class=\"none\">(none)</p>\n</section>\n");
            return;
        }
        int pos = 0, neu = 0, neg = 0;
        w.Append("<div class=\"band\" role=\"img\" aria-label=\"Sentence sentiment across the document\">");
        foreach (var s in doc.Sentences)
        {
            var score = s.Index < sentiment.Sentences.Count ? sentiment.Sentences[s.Index] : null;
            var label = score?.Label ?? SentimentLabel.Neutral;
            if (label == SentimentLabel.Positive) pos++; else if (label == SentimentLabel.Negative) neg++; else neu++;
            double grow = Math.Max(1, s.End - s.Start);
            w.Append("<a class=\"seg ").Append(Cls(label)).Append("\" href=\"#s").Append(s.Index)
             .Append("\" style=\"flex-grow:").Append(grow.ToString(CultureInfo.InvariantCulture))
             .Append(";opacity:").Append(Num(0.35 + 0.65 * Math.Min(1, Math.Abs(score?.Compound ?? 0))))
             .Append("\" title=\"Sentence ").Append(s.Index + 1).Append(": ").Append(Output.Names.Of(label))
             .Append(" (").Append(Num(score?.Compound ?? 0)).Append(")\"></a>");
        }
        w.Append("</div>\n<p class=\"counts\"><span class=\"sw pos\"></span> positive ").Append(pos)
         .Append(" <span class=\"sw neu\"></span> neutral ").Append(neu)
         .Append(" <span class=\"sw neg\"></span> negative ").Append(neg).Append("</p>\n</section>\n");
    }

    private static void Legend(StringBuilder w, Document doc)
    {
        w.Append("<section id=\"legend\" class=\"legend\">\n<h2>Legend</h2>\n<p><b>Entities</b> ");
        var labels = EntityColours.Select(c => c.Label).Concat(doc.Entities.Select(e => e.Label.Name)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var label in labels)
        {
            int count = doc.Entities.Count(e => e.Label.Name == label);
            w.Append("<mark class=\"ent key\" data-label=\"").Append(Esc(label)).Append("\">").Append(Esc(label))
             .Append(" <small>").Append(count).Append("</small></mark> ");
        }
        w.Append("</p>\n<p><b>Stance cues</b> ");
        foreach (var (type, colour) in CueColours)
        {
            int count = doc.StanceCues.Count(c => c.Type == type);
            w.Append("<span class=\"cue key\" data-type=\"").Append(Output.Names.Of(type)).Append("\" style=\"--cc:").Append(colour).Append("\">")
             .Append(Output.Names.Of(type)).Append(" <small>").Append(count).Append("</small></span> ");
        }
        w.Append("</p>\n</section>\n");
    }

    private enum Layer { Sentence = 0, Entity = 1, Cue = 2 }

    private readonly record struct Span(int Start, int End, Layer Layer, int Index);

    // Sentences, entities and cues may nest or cross; a stack keeps the markup well-formed by closing and
    // reopening elements at every boundary where a crossing happens (the reopened part is marked "cont").
    private static void AnnotatedText(StringBuilder w, Document doc)
    {
        var spans = new List<Span>();
        foreach (var s in doc.Sentences) if (s.End > s.Start) spans.Add(new Span(s.Start, s.End, Layer.Sentence, s.Index));
        for (int i = 0; i < doc.Entities.Count; i++)
        {
            var e = doc.Entities[i];
            if (e.End > e.Start) spans.Add(new Span(e.Start, e.End, Layer.Entity, i));
        }
        for (int i = 0; i < doc.StanceCues.Count; i++)
        {
            var c = doc.StanceCues[i];
            if (c.End > c.Start) spans.Add(new Span(c.Start, c.End, Layer.Cue, i));
        }
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End != b.End ? b.End.CompareTo(a.End) : a.Layer.CompareTo(b.Layer));

        var boundaries = new SortedSet<int> { 0, doc.Text.Length };
        foreach (var s in spans) { boundaries.Add(s.Start); boundaries.Add(s.End); }

        var stack = new List<Span>();
        var started = new HashSet<(Layer, int)>();
        int next = 0, pos = 0;
        var reopen = new List<Span>();
        foreach (int b in boundaries)
        {
            if (b > pos) { Plain(w, doc.Text.AsSpan(pos, b - pos), atStart: pos == 0); pos = b; }
            // Close everything that ends here, closing and remembering what lies above it.
            if (stack.Any(s => s.End == b))
            {
                reopen.Clear();
                while (stack.Any(s => s.End == b))
                {
                    var top = stack[^1];
                    stack.RemoveAt(stack.Count - 1);
                    Close(w, doc, top, finished: top.End == b);
                    if (top.End != b) reopen.Add(top);
                }
                for (int r = reopen.Count - 1; r >= 0; r--)
                {
                    Open(w, doc, reopen[r], continued: true);
                    stack.Add(reopen[r]);
                }
            }
            while (next < spans.Count && spans[next].Start == b)
            {
                var s = spans[next++];
                Open(w, doc, s, continued: !started.Add((s.Layer, s.Index)));
                stack.Add(s);
            }
        }
        for (int i = stack.Count - 1; i >= 0; i--) Close(w, doc, stack[i], finished: true);
    }

    // Text between annotations. Runs of blank lines longer than one empty line (and leading blank lines) are kept in
    // the DOM, so the page's text is exactly the document's, but hidden, so the layout stays compact.
    private static void Plain(StringBuilder w, ReadOnlySpan<char> text, bool atStart)
    {
        int i = 0;
        while (i < text.Length)
        {
            int j = i;
            while (j < text.Length && !char.IsWhiteSpace(text[j])) j++;
            w.Append(Esc(text[i..j]));
            if (j == text.Length) break;
            int k = j, newlines = 0;
            while (k < text.Length && char.IsWhiteSpace(text[k])) { if (text[k] == '\n') newlines++; k++; }
            var run = text[j..k];
            int keep = atStart && j == 0 ? 0 : newlines > 2 ? IndexAfterNewlines(run, 2) : run.Length;
            w.Append(Esc(run[..keep]));
            if (keep < run.Length) w.Append("<span class=\"ws\">").Append(Esc(run[keep..])).Append("</span>");
            i = k;
        }
    }

    private static int IndexAfterNewlines(ReadOnlySpan<char> run, int count)
    {
        for (int i = 0; i < run.Length; i++)
            if (run[i] == '\n' && --count == 0) return i + 1;
        return run.Length;
    }

    private static void Open(StringBuilder w, Document doc, Span s, bool continued)
    {
        string cont = continued ? " cont" : "";
        switch (s.Layer)
        {
            case Layer.Sentence:
            {
                var score = doc.Sentiment is { } ds && s.Index < ds.Sentences.Count ? ds.Sentences[s.Index] : null;
                w.Append("<span class=\"sent ").Append(score is null ? "nos" : Cls(score.Label)).Append(cont).Append('"');
                if (!continued) w.Append(" id=\"s").Append(s.Index).Append('"');
                w.Append(" data-i=\"").Append(s.Index).Append('"');
                if (score is not null)
                {
                    w.Append(" title=\"Sentence ").Append(s.Index + 1).Append(": ").Append(Output.Names.Of(score.Label))
                     .Append(" (").Append(Num(score.Compound)).Append(')');
                    if (score.Contributions.Count > 0) w.Append(" \u2014 ").Append(Esc(Clip(DocumentCsvWriter.Explain(score), 240)));
                    w.Append('"');
                }
                w.Append('>');
                break;
            }
            case Layer.Entity:
            {
                var e = doc.Entities[s.Index];
                w.Append("<mark class=\"ent").Append(cont).Append("\" data-label=\"").Append(Esc(e.Label.Name))
                 .Append("\" data-i=\"").Append(s.Index).Append("\" title=\"").Append(Esc(e.Label.Name)).Append(" \u00b7 ")
                 .Append(Output.Names.Of(e.Source));
                if (e.Confidence is double conf) w.Append(' ').Append(Num(conf));
                w.Append("\">");
                break;
            }
            default:
            {
                var c = doc.StanceCues[s.Index];
                string type = Output.Names.Of(c.Type);
                w.Append("<span class=\"cue").Append(cont).Append("\" data-type=\"").Append(type)
                 .Append("\" data-i=\"").Append(s.Index).Append("\" style=\"--cc:").Append(CueColour(c.Type))
                 .Append("\" title=\"").Append(type).Append(" \u00b7 holder: ").Append(Esc(c.Holder));
                if (c.Polarity == StancePolarity.Negative) w.Append(" \u00b7 negative");
                if (c.Target is { } target) w.Append(" \u00b7 target: ").Append(Esc(Clip(target.Text, 120)));
                if (c.LinkedCue is int link && link >= 0 && link < doc.StanceCues.Count) w.Append(" \u00b7 conditions: ").Append(Esc(doc.StanceCues[link].Text));
                w.Append("\">");
                break;
            }
        }
    }

    private static void Close(StringBuilder w, Document doc, Span s, bool finished)
    {
        switch (s.Layer)
        {
            case Layer.Sentence:
                w.Append("</span>");
                break;
            case Layer.Entity:
                if (finished) w.Append("<span class=\"lbl\">").Append(Esc(doc.Entities[s.Index].Label.Name)).Append("</span>");
                w.Append("</mark>");
                break;
            default:
                if (finished)
                {
                    var c = doc.StanceCues[s.Index];
                    w.Append("<sup class=\"ctag\">").Append(Output.Names.Of(c.Type));
                    if (!string.IsNullOrEmpty(c.Holder) && c.Holder != "author") w.Append(" \u00b7 ").Append(Esc(c.Holder));
                    w.Append("</sup>");
                }
                w.Append("</span>");
                break;
        }
    }

    private static void EntityTable(StringBuilder w, Document doc)
    {
        w.Append("<div class=\"card\">\n<h3>Entities by label</h3>\n");
        if (doc.Entities.Count == 0)
        {
            w.Append("<p class=\"none\">(none)</p>\n</div>\n");
            return;
        }
        w.Append("<table class=\"entities\">\n<thead><tr><th>Label</th><th>Mentions</th><th>Distinct names (mentions)</th></tr></thead>\n<tbody>\n");
        foreach (var group in doc.Entities.GroupBy(e => e.Label.Name).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            w.Append("<tr data-label=\"").Append(Esc(group.Key)).Append("\"><td><mark class=\"ent key\" data-label=\"").Append(Esc(group.Key)).Append("\">")
             .Append(Esc(group.Key)).Append("</mark></td><td class=\"n\">").Append(group.Count()).Append("</td><td>");
            bool first = true;
            foreach (var name in group.GroupBy(e => e.Text, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.First().Start))
            {
                if (!first) w.Append(", ");
                first = false;
                w.Append(Esc(name.Key));
                if (name.Count() > 1) w.Append(" (").Append(name.Count()).Append(')');
            }
            w.Append("</td></tr>\n");
        }
        w.Append("</tbody>\n</table>\n</div>\n");
    }

    private static void CueTable(StringBuilder w, Document doc)
    {
        w.Append("<div class=\"card wide\">\n<h3>Stance cues by holder</h3>\n");
        if (doc.StanceCues.Count == 0)
        {
            w.Append("<p class=\"none\">(none)</p>\n</div>\n");
            return;
        }
        w.Append("<table class=\"cues\">\n<thead><tr><th>Holder</th><th>Type</th><th class=\"n\">Cues</th><th>Phrases (sentence)</th></tr></thead>\n<tbody>\n");
        var byHolder = doc.StanceCues.GroupBy(c => c.Holder, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Start);
        foreach (var holder in byHolder)
        {
            var types = holder.GroupBy(c => c.Type).OrderBy(g => g.First().Start).ToList();
            bool first = true;
            foreach (var type in types)
            {
                w.Append("<tr data-holder=\"").Append(Esc(holder.Key)).Append("\">");
                if (first) w.Append("<th scope=\"row\" rowspan=\"").Append(types.Count).Append("\">").Append(Esc(holder.Key.Length == 0 ? "(unknown)" : holder.Key)).Append("</th>");
                first = false;
                w.Append("<td><span class=\"cue key\" data-type=\"").Append(Output.Names.Of(type.Key)).Append("\" style=\"--cc:").Append(CueColour(type.Key)).Append("\">")
                 .Append(Output.Names.Of(type.Key)).Append("</span></td><td class=\"n\">").Append(type.Count()).Append("</td><td>");
                bool firstCue = true;
                foreach (var c in type)
                {
                    if (!firstCue) w.Append(", ");
                    firstCue = false;
                    int sentence = c.TokenStart < doc.TokenStore.Length ? doc.SentenceIndexOf(c.TokenStart) : -1;
                    w.Append("<span class=\"ci\">").Append(Esc(c.Text));
                    if (sentence >= 0) w.Append(" <a href=\"#s").Append(sentence).Append("\">").Append(sentence + 1).Append("</a>");
                    w.Append("</span>");
                }
                w.Append("</td></tr>\n");
            }
        }
        w.Append("</tbody>\n</table>\n</div>\n");
    }

    private static void ToneChart(StringBuilder w, Document doc)
    {
        w.Append("<div class=\"card\">\n<h3>Tone per entity</h3>\n");
        var tones = EntityTone.Summarize(doc, 12);
        if (tones.Count == 0 || doc.Sentiment is null)
        {
            w.Append("<p class=\"none\">(none)</p>\n</div>\n");
            return;
        }
        const int labelWidth = 170, barWidth = 260, row = 22, top = 24;
        int width = labelWidth + barWidth + 70, height = top + row * tones.Count + 10;
        double mid = labelWidth + barWidth / 2.0;
        var inv = CultureInfo.InvariantCulture;
        w.Append("<svg class=\"tone\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(width).Append("\" height=\"").Append(height)
         .Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" role=\"img\" aria-label=\"Mean sentence sentiment per entity\">\n");
        w.Append("<text x=\"").Append(labelWidth).Append("\" y=\"14\" class=\"axis\">\u22121</text>");
        w.Append("<text x=\"").Append(mid.ToString(inv)).Append("\" y=\"14\" class=\"axis\" text-anchor=\"middle\">0</text>");
        w.Append("<text x=\"").Append(labelWidth + barWidth).Append("\" y=\"14\" class=\"axis\" text-anchor=\"end\">+1</text>\n");
        w.Append("<line x1=\"").Append(mid.ToString(inv)).Append("\" y1=\"18\" x2=\"").Append(mid.ToString(inv)).Append("\" y2=\"").Append(height - 4).Append("\" class=\"zero\"/>\n");
        for (int i = 0; i < tones.Count; i++)
        {
            var t = tones[i];
            double y = top + i * row;
            double len = Math.Abs(t.Tone) * barWidth / 2;
            double x = t.Tone < 0 ? mid - len : mid;
            string cls = t.Tone > 0.05 ? "pos" : t.Tone < -0.05 ? "neg" : "neu";
            string name = t.Text.Length > 24 ? t.Text[..23] + "\u2026" : t.Text;
            w.Append("<g class=\"bar\" data-label=\"").Append(Esc(t.Label.Name)).Append("\"><title>").Append(Esc(t.Text)).Append(" (").Append(Esc(t.Label.Name))
             .Append("): tone ").Append(Num(t.Tone)).Append(" over ").Append(t.Sentences).Append(" sentences</title>");
            w.Append("<text x=\"").Append(labelWidth - 6).Append("\" y=\"").Append((y + 14).ToString(inv)).Append("\" text-anchor=\"end\">").Append(Esc(name)).Append("</text>");
            w.Append("<rect class=\"").Append(cls).Append("\" x=\"").Append(x.ToString("0.##", inv)).Append("\" y=\"").Append((y + 3).ToString(inv))
             .Append("\" width=\"").Append(Math.Max(1, len).ToString("0.##", inv)).Append("\" height=\"").Append(row - 6).Append("\"/>");
            w.Append("<text x=\"").Append(labelWidth + barWidth + 6).Append("\" y=\"").Append((y + 14).ToString(inv)).Append("\" class=\"val\">")
             .Append(Num(t.Tone)).Append(" \u00d7").Append(t.Mentions).Append("</text></g>\n");
        }
        w.Append("</svg>\n<p class=\"note\">Bar: tone towards the entity (mean sentiment of the clauses or sentences that mention it); \u00d7 mentions.</p>\n</div>\n");
    }

    // ------------------------------------------------------------------ helpers

    private static string EntityCss(Document doc)
    {
        var sb = new StringBuilder();
        foreach (var (label, colour) in EntityColours)
            sb.Append("mark.ent[data-label=\"").Append(label).Append("\"]{background:").Append(colour).Append("}\n");
        foreach (var label in doc.Entities.Select(e => e.Label.Name).Distinct(StringComparer.Ordinal))
        {
            if (EntityColours.Any(c => c.Label == label)) continue;
            sb.Append("mark.ent[data-label=\"").Append(CssString(label)).Append("\"]{background:").Append(ExtraColours[StableHash(label) % ExtraColours.Length]).Append("}\n");
        }
        return sb.ToString();
    }

    // Custom labels can be any string: inside a CSS string only letters, digits, '-' and '_' pass; the rest become
    // CSS escapes, so no label can close the string, the rule or the style element.
    private static string CssString(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_') sb.Append(c);
            else sb.Append('\\').Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append(' ');
        }
        return sb.ToString();
    }

    private static int StableHash(string s)
    {
        uint h = 2166136261;
        foreach (char c in s) h = (h ^ c) * 16777619;
        return (int)(h & 0x7fffffff);
    }

    private static string CueColour(StanceCueType type)
    {
        foreach (var (t, c) in CueColours) if (t == type) return c;
        return "#555";
    }

    private static string Cls(SentimentLabel label) => label switch
    {
        SentimentLabel.Positive => "pos",
        SentimentLabel.Negative => "neg",
        _ => "neu",
    };

    private static string Clip(string s, int max)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= max ? s : s[..(max - 1)] + "\u2026";
    }

    private static string Num(double d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The address when it is an absolute http or https URL; null otherwise (javascript:, data:, relative…).</summary>
    internal static string? SafeUrl(string s) =>
        Uri.TryCreate(s.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    /// <summary>Escapes text for HTML text and double- or single-quoted attribute values.</summary>
    internal static string Esc(string s) => Esc(s.AsSpan());

    internal static string Esc(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length + 16);
        foreach (char c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\0': sb.Append('\uFFFD'); break;
                default:
                    if (c < ' ' && c is not '\n' and not '\r' and not '\t') sb.Append('\uFFFD');
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    private const string Css = """
        :root{--pos:#2a9d4b;--neg:#d1495b;--neu:#b8bec6;--ink:#1f2430;--muted:#667085;--line:#e4e7ec}
        *{box-sizing:border-box}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#f7f8fa;line-height:1.5}
        header{padding:20px 32px 8px;background:#fff;border-bottom:1px solid var(--line)}
        h1{font-size:1.5rem;margin:0 0 4px}
        h2{font-size:1.1rem;margin:0 0 8px}
        h3{font-size:1rem;margin:0 0 8px}
        .meta{color:var(--muted);margin:0 0 8px;font-size:.9rem;overflow-wrap:anywhere}
        .figures{list-style:none;display:flex;flex-wrap:wrap;gap:8px 20px;padding:0;margin:8px 0}
        .figures b{font-size:1.15rem}
        .tone.pos b{color:var(--pos)} .tone.neg b{color:var(--neg)}
        main{max-width:1100px;margin:0 auto;padding:16px 32px 32px}
        section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin:0 0 16px}
        .band{display:flex;height:22px;border-radius:4px;overflow:hidden;gap:1px;background:#fff}
        .band .seg{display:block;min-width:2px}
        .seg.pos,.sw.pos{background:var(--pos)} .seg.neg,.sw.neg{background:var(--neg)} .seg.neu,.sw.neu{background:var(--neu)}
        .sw{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-1px;margin-left:8px}
        .counts{margin:6px 0 0;color:var(--muted);font-size:.9rem}
        .legend p{margin:4px 0}
        .text{white-space:pre-wrap;font-size:1.02rem;line-height:2.1;overflow-wrap:anywhere}
        .ws{display:none}
        .ci{white-space:nowrap} .ci a{font-size:.75em;color:var(--muted)}
        .sent{border-bottom:3px solid transparent;padding-bottom:1px}
        .sent.pos{border-bottom-color:rgba(42,157,75,.55);background:rgba(42,157,75,.05)}
        .sent.neg{border-bottom-color:rgba(209,73,91,.55);background:rgba(209,73,91,.05)}
        .sent.neu{border-bottom-color:rgba(184,190,198,.5)}
        mark.ent{padding:.1em .3em;border-radius:.3em;color:inherit;background:#ddd;line-height:1}
        mark.ent.cont{border-top-left-radius:0;border-bottom-left-radius:0;padding-left:0}
        mark.ent .lbl{font-size:.62em;font-weight:700;text-transform:uppercase;margin-left:.35em;vertical-align:middle;opacity:.8}
        .cue{border-bottom:2px solid var(--cc);box-shadow:inset 0 -.35em 0 color-mix(in srgb,var(--cc) 16%,transparent)}
        .cue .ctag{font-size:.6em;font-weight:700;color:var(--cc);margin-left:.15em;letter-spacing:.02em}
        .key{display:inline-block;margin:2px 4px 2px 0;font-size:.8rem;font-weight:600}
        .cue.key{color:var(--cc);padding:0 .2em}
        .key small{font-weight:400;color:var(--muted)}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:16px;margin-bottom:16px}
        .card{border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:#fff}
        table{border-collapse:collapse;width:100%;font-size:.88rem}
        th,td{text-align:left;padding:4px 6px;border-bottom:1px solid var(--line);vertical-align:top}
        th[scope=row]{background:#fafbfc;white-space:nowrap}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        svg.tone{max-width:100%;height:auto;font-size:12px}
        svg.tone text{fill:var(--ink)} svg.tone .axis,svg.tone .val{fill:var(--muted);font-size:11px}
        svg.tone rect.pos{fill:var(--pos)} svg.tone rect.neg{fill:var(--neg)} svg.tone rect.neu{fill:var(--neu)}
        svg.tone .zero{stroke:#98a2b3;stroke-width:1}
        .note,.none{color:var(--muted);font-size:.85rem;margin:6px 0 0}
        footer{text-align:center;color:var(--muted);font-size:.8rem;padding:0 0 24px}

        """;
}
