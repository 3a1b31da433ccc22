using System.Collections.Frozen;
using TextLens.Segmentation;
using TextLens.Tokenization;

namespace TextLens;

/// <summary>
/// Splits a tokenized document into sentences and paragraphs with rules (pipeline component <c>sentences</c>).
/// Thread-safe and stateless.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>.</c>, <c>?</c>, <c>!</c> and ellipses end a sentence unless the next word starts in lower case;
/// closing quotes and brackets right after them stay in the sentence (<c>… peace.”</c>).</item>
/// <item>Abbreviations keep their full stop: titles (<c>Dr. Huseynov</c>) and <c>e.g.</c> never end a sentence,
/// <c>No.</c> does not before a number, and others (<c>U.S.</c>, <c>etc.</c>, <c>Jan.</c>, initials) only before
/// a typical sentence opener (<c>The</c>, <c>However</c>, …) or a line break, and never inside a title-case
/// headline ("Why the U.S. Still Matters").</item>
/// <item>A line without final punctuation followed by a line break (a heading, dateline, byline or list item) is
/// its own sentence, unless the next line starts in lower case or the line ends in a comma or a function word
/// (hard-wrapped text). In text that is hard-wrapped throughout (many long lines continue in lower case on the
/// next line), only a short line ends at a line break.</item>
/// <item>A blank line ends a sentence and a paragraph, except when the text before it has no final punctuation
/// and the next line starts in lower case: the sentence (and its paragraph) continues across it.</item>
/// </list>
/// </remarks>
public sealed class SentenceSplitter : IPipelineComponent
{
    private static readonly FrozenSet<string> Openers = (
        "the a an this that these those it its he she they we i you there here in on at for from to by with without " +
        "but and or so yet nor however moreover meanwhile furthermore nevertheless nonetheless therefore thus hence instead " +
        "also as if when while after before since although though because until unless once according despite during " +
        "what who why how where which whose our their his her my your some many most all no not one such both each every " +
        "other another still then now today yesterday recently finally first second third last indeed besides notably " +
        "importantly clearly certainly unfortunately fortunately similarly likewise overall given considering let " +
        "do does did is are was were can could will would should may might must has have had")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenerLookup = Openers.GetAlternateLookup<ReadOnlySpan<char>>();

    // Lines ending in one of these lower-case words continue on the next line (hard-wrapped prose, not a heading).
    private static readonly FrozenSet<string> FunctionWords = (
        "the a an of to in on at for from by with and or but nor as that than into onto upon about over under between among " +
        "is are was were be been being has have had will would shall should can could may might must not its their his her our " +
        "this these those which who whom whose if when while because although though so such very more most")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWordLookup = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private enum Terminal : byte { None, Stop, Strong, Ellipsis, Title, Inner, Numeric, Ambiguous }

    /// <summary>The component's name: <c>sentences</c>.</summary>
    public string Name => "sentences";

    /// <summary>Splits <paramref name="document"/> into sentences and paragraphs.</summary>
    /// <param name="document">A tokenized document.</param>
    /// <param name="cancellationToken">Signals that processing should stop.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (sentences, paragraphs) = Split(document, cancellationToken);
        document.SetSentences(sentences, paragraphs);
    }

    internal static (Sentence[] Sentences, Paragraph[] Paragraphs) Split(Document document, CancellationToken cancellationToken)
    {
        var tokens = document.TokenStore;
        int n = tokens.Length;
        if (n == 0) return ([], []);
        ReadOnlySpan<char> text = document.Text;
        var sentences = new List<Sentence>(n / 20 + 1);
        var paragraphs = new List<Paragraph>();
        int sentStart = 0, paraSentStart = 0, paraTokStart = 0;
        bool? wrapped = null;
        int i = 0, steps = 0;
        while (i < n)
        {
            if ((++steps & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var term = TerminalAt(tokens, text, i, out int runEnd);
            if (term == Terminal.None && runEnd == i && i + 1 < n)
            {
                // Fast path: a word followed by nothing or one space never ends a sentence, unless an inline list
                // item ("… the first item 2. The second item") starts after it.
                int gs = tokens[i].End, ge = tokens[i + 1].Start;
                if (ge == gs || (ge - gs == 1 && text[gs] == ' '))
                {
                    if (ge > gs && i + 1 > sentStart && StartsInlineItem(tokens, text, i + 1) && !IsListMarkerPart(tokens, text, i))
                    {
                        sentences.Add(document.NewSentence(sentences.Count, sentStart, i + 1));
                        sentStart = i + 1;
                    }
                    i++;
                    continue;
                }
            }
            int last = runEnd;
            if (term != Terminal.None)
                while (last + 1 < n && IsAttachedCloser(tokens, text, last + 1)) last++;

            bool boundary, paragraphBreak = false;
            if (last == n - 1)
            {
                boundary = true;
                paragraphBreak = true;
            }
            else
            {
                int next = last + 1;
                int lines = LineBreaks(text, tokens[last].End, tokens[next].Start);
                bool nextLower = (lines > 0 || term != Terminal.None) && CharClasses.StartsLower(text, tokens[next].Start, tokens[next].End);
                if (lines >= 2)
                {
                    // Blank line: a paragraph break, unless an unfinished sentence continues in lower case.
                    boundary = !(nextLower && (term == Terminal.None || term == Terminal.Title || term == Terminal.Inner));
                    paragraphBreak = boundary;
                }
                else if (term != Terminal.None)
                {
                    boundary = EndsSentence(term, tokens, text, i, last, next, lines == 1, nextLower, sentStart);
                }
                else if (lines == 1)
                {
                    boundary = !nextLower && !ContinuesOnNextLine(tokens, text, last);
                    // In hard-wrapped text only a short line (a heading, a byline, a list item) ends at a line break.
                    if (boundary && (wrapped ??= IsHardWrapped(text)))
                        boundary = LineLength(text, tokens[last].End) < ShortLine;
                }
                else
                {
                    boundary = false;
                }
            }

            if (boundary)
            {
                sentences.Add(document.NewSentence(sentences.Count, sentStart, last + 1));
                sentStart = last + 1;
                if (paragraphBreak)
                {
                    paragraphs.Add(new Paragraph(paragraphs.Count, tokens[paraTokStart].Start, tokens[last].End, paraSentStart, sentences.Count));
                    paraSentStart = sentences.Count;
                    paraTokStart = last + 1;
                }
            }
            i = last + 1;
        }
        return (sentences.ToArray(), paragraphs.ToArray());
    }

    /// <summary>
    /// What token <paramref name="i"/> means for a sentence end; <paramref name="runEnd"/> is the last token of the
    /// mark (a spaced ellipsis ". . ." spans several tokens), <paramref name="i"/> otherwise.
    /// </summary>
    private static Terminal TerminalAt(TokenData[] tokens, ReadOnlySpan<char> text, int i, out int runEnd)
    {
        runEnd = i;
        ref readonly var tok = ref tokens[i];
        var span = text.Slice(tok.Start, tok.Length);
        char c = span[0];
        if (tok.Kind == TokenKind.Punctuation)
        {
            if (c == '.')
            {
                if (span.Length > 1) return IsBracketed(tokens, text, i) ? Terminal.None : Terminal.Ellipsis;
                // "1." or "a." of a list item is not a full stop: at the start of a line, or inline with its sibling.
                if (i > 0 && tokens[i - 1].End == tok.Start && (IsListMarker(tokens, text, i - 1) || IsInlineMarker(tokens, text, i - 1)))
                    return Terminal.None;
                // "N°. 5" reads like "No. 5".
                if (i > 1 && IsNumeroSign(tokens, text, i)) return Terminal.Numeric;
                // A spaced ellipsis (". . .", or ". . . ." with a full stop) is one mark. After a function word ("the thing
                // is . . . I didn't") it is an omission inside the sentence; elsewhere it ends the sentence before a capital.
                int end = SpacedDotRunEnd(tokens, text, i);
                if (end == i) return Terminal.Stop;
                runEnd = end;
                return i > 0 && tokens[i - 1].Kind == TokenKind.Word && tokens[i - 1].End != tok.Start
                       && FunctionWordLookup.Contains(text.Slice(tokens[i - 1].Start, tokens[i - 1].Length))
                    ? Terminal.None : Terminal.Ellipsis;
            }
            if (c is '?' or '!' or '\u203C' or '\u2047' or '\u2048' or '\u2049' or '\u061F' or '\u3002' or '\uFF01' or '\uFF1F') return Terminal.Strong;
            if (c == '\u2026') return IsBracketed(tokens, text, i) ? Terminal.None : Terminal.Ellipsis;
            return Terminal.None;
        }
        if (tok.Kind == TokenKind.Word && span.Length >= 2 && span[^1] == '.')
        {
            return TokenizerExceptions.Default.ClassOf(span) switch
            {
                AbbreviationClass.Title => Terminal.Title,
                AbbreviationClass.Inner => Terminal.Inner,
                AbbreviationClass.Numeric => Terminal.Numeric,
                _ => Terminal.Ambiguous,
            };
        }
        return Terminal.None;
    }

    /// <summary>An ellipsis written inside brackets, "[...]" or "(…)", marks an omission, not a sentence end.</summary>
    private static bool IsBracketed(TokenData[] tokens, ReadOnlySpan<char> text, int i) =>
        i > 0 && i + 1 < tokens.Length
        && tokens[i - 1].End == tokens[i].Start && text[tokens[i - 1].Start] is '[' or '('
        && tokens[i + 1].Start == tokens[i].End && text[tokens[i + 1].Start] is ']' or ')';

    /// <summary>"N°." or "Nº." (numero): the full stop after a degree or ordinal sign written right after N.</summary>
    private static bool IsNumeroSign(TokenData[] tokens, ReadOnlySpan<char> text, int i)
    {
        ref readonly var sign = ref tokens[i - 1];
        ref readonly var letter = ref tokens[i - 2];
        return sign.Length == 1 && text[sign.Start] is '\u00B0' or '\u00BA' && sign.End == tokens[i].Start
            && letter.Length == 1 && text[letter.Start] is 'N' or 'n' && letter.End == sign.Start;
    }

    /// <summary>The last token of a run of single full stops separated by single spaces (". . ."), starting at <paramref name="i"/>.</summary>
    private static int SpacedDotRunEnd(TokenData[] tokens, ReadOnlySpan<char> text, int i)
    {
        int k = i;
        while (k + 1 < tokens.Length && tokens[k + 1].Length == 1 && text[tokens[k + 1].Start] == '.'
               && tokens[k + 1].Start - tokens[k].End == 1 && text[tokens[k].End] == ' ')
            k++;
        return k;
    }

    /// <summary>A number, a single letter or a short roman numeral at the start of a line: "1.", "b.", "iv.".</summary>
    private static bool IsListMarker(TokenData[] tokens, ReadOnlySpan<char> text, int m)
    {
        ref readonly var tok = ref tokens[m];
        if (m > 0 && LineBreaks(text, tokens[m - 1].End, tok.Start) == 0) return false;
        var span = text.Slice(tok.Start, tok.Length);
        if (tok.Kind == TokenKind.Number) return span.Length <= 3;
        if (tok.Kind != TokenKind.Word || span.Length > 4) return false;
        if (span.Length == 1) return true;
        foreach (char c in span)
            if (c is not ('i' or 'v' or 'x' or 'I' or 'V' or 'X')) return false;
        return true;
    }

    private const int MarkerWindow = 60;
    private const int MaxChain = 20;

    /// <summary>
    /// The value of a list-marker body: a number of up to three digits (its value), a lower-case roman numeral
    /// (i, ii, iv …) or another single lower-case letter (a = 1, b = 2 …); 0 when the token is none of these.
    /// </summary>
    private static int MarkerValue(TokenData[] tokens, ReadOnlySpan<char> text, int m)
    {
        ref readonly var tok = ref tokens[m];
        var span = text.Slice(tok.Start, tok.Length);
        if (tok.Kind == TokenKind.Number)
        {
            if (span.Length > 3) return 0;
            int v = 0;
            foreach (char c in span)
            {
                if (!char.IsAsciiDigit(c)) return 0;
                v = v * 10 + (c - '0');
            }
            return v;
        }
        if (tok.Kind != TokenKind.Word || span.Length > 4) return 0;
        int roman = 0, prev = 0;
        for (int k = span.Length - 1; k >= 0; k--)
        {
            int d = span[k] switch { 'i' => 1, 'v' => 5, 'x' => 10, _ => 0 };
            if (d == 0) { roman = 0; break; }
            roman += d < prev ? -d : d;
            prev = Math.Max(prev, d);
        }
        if (roman > 0) return roman;
        return span.Length == 1 && char.IsAsciiLetterLower(span[0]) ? span[0] - 'a' + 1 : 0;
    }

    private static bool IsRoman(ReadOnlySpan<char> span) => span.IndexOfAnyExcept("ivx") < 0;

    private static bool IsBullet(char c) => c is '\u2022' or '\u2043' or '\u2023' or '\u25E6' or '\u25AA' or '\u25CF' or '\u00B7';

    /// <summary>
    /// The style of the punctuation written right after marker body <paramref name="m"/>: 1 for "1.", 2 for "1.)",
    /// 3 for "1)", 0 when none follows or the item text after it does not start with a capital.
    /// </summary>
    private static int MarkerStyle(TokenData[] tokens, ReadOnlySpan<char> text, int m)
    {
        int k = m + 1, style;
        if (k >= tokens.Length || tokens[k].Start != tokens[m].End || tokens[k].Length != 1) return 0;
        char c = text[tokens[k].Start];
        if (c == ')') style = 3;
        else if (c != '.') return 0;
        else if (k + 1 < tokens.Length && tokens[k + 1].Start == tokens[k].End && tokens[k + 1].Length == 1 && text[tokens[k + 1].Start] == ')') { style = 2; k++; }
        else style = 1;
        if (k + 1 >= tokens.Length || tokens[k + 1].Start == tokens[k].End) return 0;
        return CharClasses.StartsUpper(text, tokens[k + 1].Start, tokens[k + 1].End) ? style : 0;
    }

    /// <summary>Whether a bullet ("•", "⁃" …) is written right before marker body <paramref name="m"/>, with or without a space.</summary>
    private static bool HasBullet(TokenData[] tokens, ReadOnlySpan<char> text, int m) =>
        m > 0 && tokens[m - 1].Length == 1 && IsBullet(text[tokens[m - 1].Start]) && LineBreaks(text, tokens[m - 1].End, tokens[m].Start) == 0;

    /// <summary>
    /// Where a marker body may stand: not glued to the word before it ("A1." is no marker) and not inside brackets.
    /// </summary>
    private static bool MarkerPlace(TokenData[] tokens, ReadOnlySpan<char> text, int m) =>
        m == 0 || tokens[m - 1].End != tokens[m].Start || (tokens[m - 1].Length == 1 && IsBullet(text[tokens[m - 1].Start]));

    /// <summary>
    /// The first of a list: at the start of the text or a line, after a bullet, or after a colon or a sentence end.
    /// </summary>
    private static bool IsAnchored(TokenData[] tokens, ReadOnlySpan<char> text, int m)
    {
        if (m == 0 || HasBullet(tokens, text, m) || LineBreaks(text, tokens[m - 1].End, tokens[m].Start) > 0) return true;
        char p = text[tokens[m - 1].Start];
        return tokens[m - 1].Kind == TokenKind.Punctuation && p is ':' or '.' or '?' or '!';
    }

    /// <summary>
    /// A marker of a list written on one line ("1.) The first item 2.) The second item", "a. … b. …",
    /// "• 9. … • 10. …"): consecutive values in the same style, the chain starting at 1 (or a, i) in an anchored place,
    /// or bulleted items. Looks at most 60 tokens between markers and 20 markers back, so long input stays linear.
    /// </summary>
    private static bool IsInlineMarker(TokenData[] tokens, ReadOnlySpan<char> text, int m)
    {
        if (!MarkerPlace(tokens, text, m)) return false;
        int v = MarkerValue(tokens, text, m);
        if (v == 0) return false;
        int style = MarkerStyle(tokens, text, m);
        if (style == 0) return false;
        bool roman = IsRoman(text.Slice(tokens[m].Start, tokens[m].Length));
        bool bulleted = HasBullet(tokens, text, m);
        // The next item, for a list's first marker (and for a bulleted one, which needs one sibling).
        int next = FindMarker(tokens, text, m, +1, v + 1, style, roman);
        if (bulleted) return next >= 0 || FindMarker(tokens, text, m, -1, v - 1, style, roman) >= 0;
        int k = m, value = v;
        for (int steps = 0; value > 1; steps++)
        {
            if (steps == MaxChain) return true;
            k = FindMarker(tokens, text, k, -1, --value, style, roman);
            if (k < 0) return false;
        }
        return IsAnchored(tokens, text, k) && (k != m || next >= 0);
    }

    /// <summary>The nearest marker body with <paramref name="value"/> and <paramref name="style"/> in direction <paramref name="dir"/> on the same line, or -1.</summary>
    private static int FindMarker(TokenData[] tokens, ReadOnlySpan<char> text, int from, int dir, int value, int style, bool roman)
    {
        if (value <= 0) return -1;
        for (int k = from + dir, steps = 0; k >= 0 && k < tokens.Length && steps < MarkerWindow; k += dir, steps++)
        {
            int a = dir > 0 ? k - 1 : k, b = dir > 0 ? k : k + 1;
            if (LineBreaks(text, tokens[a].End, tokens[b].Start) > 0) return -1;
            if (MarkerValue(tokens, text, k) == value && MarkerPlace(tokens, text, k) && MarkerStyle(tokens, text, k) == style
                && IsRoman(text.Slice(tokens[k].Start, tokens[k].Length)) == roman)
                return k;
        }
        return -1;
    }

    /// <summary>Whether an inline list item starts at token <paramref name="j"/>: its bullet, or its marker when it has no bullet.</summary>
    private static bool StartsInlineItem(TokenData[] tokens, ReadOnlySpan<char> text, int j)
    {
        ref readonly var tok = ref tokens[j];
        if (tok.Length == 1 && IsBullet(text[tok.Start]))
            return j + 1 < tokens.Length && MarkerValue(tokens, text, j + 1) > 0 && IsInlineMarker(tokens, text, j + 1);
        if (tok.Kind is not (TokenKind.Number or TokenKind.Word) || tok.Length > 4) return false;
        if (j + 1 >= tokens.Length || tokens[j + 1].Start != tok.End || text[tokens[j + 1].Start] is not ('.' or ')')) return false;
        return IsInlineMarker(tokens, text, j);
    }

    private static bool IsListMarkerPart(TokenData[] tokens, ReadOnlySpan<char> text, int i) =>
        tokens[i].Length == 1 && IsBullet(text[tokens[i].Start]);

    /// <summary>Closing quotes and brackets, and further terminal punctuation, written right after a sentence end.</summary>
    private static bool IsAttachedCloser(TokenData[] tokens, ReadOnlySpan<char> text, int j)
    {
        ref readonly var tok = ref tokens[j];
        if (tok.Kind != TokenKind.Punctuation) return false;
        char c = text[tok.Start];
        if (tokens[j - 1].End != tok.Start)
        {
            // An ellipsis after a full stop on the same line ("nation. …") belongs to it; runs of single dots
            // (". . .") are read whole by TerminalAt.
            return (c == '\u2026' || (c == '.' && tok.Length > 1)) && text[tokens[j - 1].Start] is '.' or '\u2026'
                && LineBreaks(text, tokens[j - 1].End, tok.Start) == 0;
        }
        return CharClasses.Of(c) switch
        {
            CharClass.Close or CharClass.Quote or CharClass.Apostrophe or CharClass.Period or CharClass.Exclamation
                or CharClass.Question or CharClass.Ellipsis => !IsOpeningQuote(c),
            _ => c is '*' or '_',
        };
    }

    private static bool IsOpeningQuote(char c) => c is '\u201C' or '\u201E' or '\u00AB' or '\u2039' or '\u2018' or '\u201A';

    private static bool EndsSentence(Terminal term, TokenData[] tokens, ReadOnlySpan<char> text, int i, int last, int next, bool lineBreak, bool nextLower, int sentStart)
    {
        ref readonly var nt = ref tokens[next];
        if (nextLower) return false;
        char nc = text[nt.Start];
        // Written without a space: "U.S.-led", "3.5"; only "end.The" (a missing space) still ends the sentence.
        if (tokens[last].End == nt.Start)
            return term is Terminal.Stop or Terminal.Strong
                && CharClasses.StartsUpper(text, nt.Start, nt.End) && i > 0 && tokens[i - 1].Kind == TokenKind.Word && tokens[i - 1].Length >= 2;
        if (nt.Kind == TokenKind.Punctuation && CharClasses.Of(nc) is CharClass.Comma or CharClass.Semicolon or CharClass.Colon or CharClass.Close)
            return false;
        switch (term)
        {
            case Terminal.Title:
            case Terminal.Inner:
                return false;
            case Terminal.Numeric:
                return nt.Kind is not (TokenKind.Number or TokenKind.Alphanumeric) || lineBreak;
            case Terminal.Ambiguous:
                if (lineBreak) return true;
                if (nt.Kind is TokenKind.Number or TokenKind.Alphanumeric) return false;
                if (nt.Kind == TokenKind.Punctuation)
                {
                    // "the U.S. (respectively)" goes on; "etc. (See below.)" and "etc. “The …" start anew.
                    if (CharClasses.Of(nc) is not (CharClass.Quote or CharClass.Open or CharClass.SingleQuote)) return false;
                    return next + 1 < tokens.Length && CharClasses.StartsUpper(text, tokens[next + 1].Start, tokens[next + 1].End);
                }
                // "… left the bank at 6 P.M. Mr. Smith then …": after a number and its unit, a title opens the next sentence,
                // unless the sentence so far is a fronted phrase ("At 5 a.m. Mr. Smith went …").
                if (nt.Kind == TokenKind.Word && i - 1 > sentStart + 1 && tokens[i - 1].Kind == TokenKind.Number
                    && TokenizerExceptions.Default.ClassOf(text.Slice(nt.Start, nt.Length)) == AbbreviationClass.Title)
                    return true;
                if (nt.Kind != TokenKind.Word || !OpenerLookup.Contains(text.Slice(nt.Start, nt.Length))) return false;
                // "Why the U.S. Still Matters in the South Caucasus": in a headline every word is capitalised, openers too
                return !IsHeadlineLine(text, nt.Start);
            default:
                return true;
        }
    }

    private const int MaxHeadline = 200;

    /// <summary>
    /// True when the line around <paramref name="pos"/> is a headline (<see cref="Headlines.IsHeadline"/>) of at most 200
    /// characters: the bounded look-around keeps hostile input with megabyte lines linear.
    /// </summary>
    internal static bool IsHeadlineLine(ReadOnlySpan<char> text, int pos)
    {
        int start = pos, end = pos;
        while (start > 0 && text[start - 1] != '\n')
            if (pos - --start > MaxHeadline) return false;
        while (end < text.Length && text[end] != '\n')
            if (++end - pos > MaxHeadline) return false;
        return Headlines.IsHeadline(text[start..end]);
    }

    /// <summary>Whether a line without final punctuation continues on the next line (a comma, a function word, a hyphen at its end).</summary>
    private static bool ContinuesOnNextLine(TokenData[] tokens, ReadOnlySpan<char> text, int last)
    {
        ref readonly var tok = ref tokens[last];
        var span = text.Slice(tok.Start, tok.Length);
        if (tok.Kind == TokenKind.Punctuation)
            return CharClasses.Of(span[0]) is CharClass.Comma or CharClass.Semicolon or CharClass.Hyphen or CharClass.Open or CharClass.Ampersand;
        if (tok.Kind == TokenKind.Symbol) return span[0] == '&';
        return tok.Kind == TokenKind.Word && FunctionWordLookup.Contains(span);
    }

    private const int ShortLine = 40;
    private const int LongLine = 50;

    /// <summary>
    /// True when the text is hard-wrapped: at least two long lines (50+ characters) end in a single line break and
    /// the next line starts in lower case, and such continuations are at least a quarter of all long lines that end
    /// in a single line break. Text with one line per paragraph has no such lines.
    /// </summary>
    internal static bool IsHardWrapped(ReadOnlySpan<char> text)
    {
        int lineStart = 0, longLines = 0, lowerContinuations = 0;
        for (int k = 0; k < text.Length; k++)
        {
            char c = text[k];
            if (c is not ('\n' or '\r' or '\u2028' or '\u0085')) continue;
            int lineEnd = k;
            if (c == '\r' && k + 1 < text.Length && text[k + 1] == '\n') k++;
            int len = lineEnd - lineStart;
            lineStart = k + 1;
            if (len < LongLine) continue;
            // Skip horizontal whitespace; a second line break means a blank line, not a wrapped one.
            int m = k + 1;
            while (m < text.Length && text[m] is ' ' or '\t') m++;
            if (m >= text.Length || text[m] is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085') continue;
            longLines++;
            if (CharClasses.StartsLower(text, m, text.Length)) lowerContinuations++;
        }
        return lowerContinuations >= 2 && lowerContinuations * 4 >= longLines;
    }

    /// <summary>Length of the line that ends at <paramref name="end"/> (back to the previous line break).</summary>
    private static int LineLength(ReadOnlySpan<char> text, int end)
    {
        int k = end;
        while (k > 0 && text[k - 1] is not ('\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\u000B' or '\u000C')) k--;
        return end - k;
    }

    /// <summary>Counts line breaks in the whitespace [from, to): CR LF counts once, a paragraph separator twice.</summary>
    internal static int LineBreaks(ReadOnlySpan<char> text, int from, int to)
    {
        int lines = 0;
        for (int k = from; k < to; k++)
        {
            char c = text[k];
            if (c == ' ') continue;
            switch (c)
            {
                case '\n' or '\u000B' or '\u000C' or '\u0085' or '\u2028':
                    lines++;
                    break;
                case '\r':
                    lines++;
                    if (k + 1 < to && text[k + 1] == '\n') k++;
                    break;
                case '\u2029':
                    lines += 2;
                    break;
            }
        }
        return lines;
    }
}
