using System.Collections.Frozen;

namespace TextLens.Tokenization;

/// <summary>
/// Recognises web addresses (<c>https://…</c>, <c>www.…</c>), bare domains (<c>commonsplace.eu</c>,
/// <c>example.org/path</c>) and e-mail addresses at a position. Scanning is bounded (domains are at
/// most 253 characters, e-mail local parts 64) unless the match succeeds, so calling it at many
/// positions keeps tokenizing linear.
/// </summary>
internal static class UrlMatcher
{
    private const int MaxDomain = 253;
    private const int MaxLocalPart = 64;

    // Country codes plus common generic top-level domains. A TLD must be all lower-case or all upper-case.
    private static readonly FrozenSet<string> Tlds = (
        "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz " +
        "ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr " +
        "ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp " +
        "ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt " +
        "mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw " +
        "sa sb sc sd se sg sh si sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz " +
        "ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw " +
        "com org net edu gov mil int info biz name pro aero coop museum mobi asia tel travel jobs cat " +
        "app dev tech online site xyz news media blog shop store cloud global world today agency center institute " +
        "academy foundation network digital group international expert events press review studio")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TldLookup =
        Tlds.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Length of the address starting at <paramref name="s"/> (ending at most at <paramref name="e"/>), or 0.</summary>
    public static int Match(ReadOnlySpan<char> t, int s, int e, out TokenKind kind)
    {
        kind = TokenKind.Url;
        if (s >= e || !CharClasses.IsAsciiLetterOrDigit(t[s])) return 0;

        int scheme = SchemeLength(t, s, e);
        if (scheme > 0)
        {
            int end = Tail(t, s + scheme, e);
            // www. must be followed by a domain; a scheme by at least one character.
            if (t[s] is 'w' or 'W') return DomainLength(t, s + scheme, end) > 0 ? end - s : 0;
            return end > s + scheme ? end - s : 0;
        }

        // E-mail: local@domain. The local-part scan also tells whether a dot exists at all.
        int j = s, limit = Math.Min(e, s + MaxLocalPart);
        bool sawDot = false;
        while (j < limit)
        {
            char c = t[j];
            if (CharClasses.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '%') { j++; continue; }
            if (c == '.') { sawDot = true; j++; continue; }
            break;
        }
        if (j < e && t[j] == '@')
        {
            if (t[j - 1] == '.') return 0;
            int d = DomainLength(t, j + 1, e);
            if (d == 0) return 0;
            kind = TokenKind.Email;
            return j + 1 + d - s;
        }
        if (!sawDot && j < limit) return 0;

        int dl = DomainLength(t, s, e);
        if (dl == 0) return 0;
        int p = s + dl;
        if (p < e && t[p] == ':' && p + 1 < e && char.IsAsciiDigit(t[p + 1]))
        {
            int q = p + 1;
            while (q < e && q - p <= 6 && char.IsAsciiDigit(t[q])) q++;
            if (q == e || t[q] == '/') p = q;
        }
        if (p < e && t[p] == '/') return Tail(t, p, e) - s;
        return p - s;
    }

    private static int SchemeLength(ReadOnlySpan<char> t, int s, int e)
    {
        var rest = t[s..e];
        if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return 8;
        if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) return 7;
        if (rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase)) return 6;
        if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) return 4;
        return 0;
    }

    /// <summary>Domain name (at least two labels, a known top-level domain) starting at <paramref name="p"/>; its length or 0.</summary>
    private static int DomainLength(ReadOnlySpan<char> t, int p, int e)
    {
        int max = Math.Min(e, p + MaxDomain);
        int j = p, labels = 0, tldStart = p;
        while (true)
        {
            int ls = j;
            if (j >= max || !CharClasses.IsAsciiLetterOrDigit(t[j])) return 0;
            while (j < max && (CharClasses.IsAsciiLetterOrDigit(t[j]) || t[j] == '-')) j++;
            if (t[j - 1] == '-' || j - ls > 63) return 0;
            labels++;
            tldStart = ls;
            if (j + 1 < max && t[j] == '.' && CharClasses.IsAsciiLetterOrDigit(t[j + 1])) { j++; continue; }
            break;
        }
        if (j == max && max < e) return 0; // longer than any domain
        if (labels < 2) return 0;
        if (j < e && (CharClasses.IsWordClass(CharClasses.Of(t[j])) || char.IsSurrogate(t[j]))) return 0; // e.g. a non-ASCII letter follows
        var tld = t[tldStart..j];
        if (tld.Length < 2 || tld.Length > 24) return 0;
        bool lower = true, upper = true;
        foreach (char c in tld)
        {
            if (!char.IsAsciiLetter(c)) return 0;
            if (char.IsAsciiLetterUpper(c)) lower = false; else upper = false;
        }
        if (!lower && !upper) return 0;
        return TldLookup.Contains(tld) ? j - p : 0;
    }

    /// <summary>The rest of an address after its scheme or host: up to a character no address contains, minus trailing punctuation.</summary>
    private static int Tail(ReadOnlySpan<char> t, int p, int e)
    {
        int j = p, parens = 0, brackets = 0;
        while (j < e)
        {
            char c = t[j];
            if (c is '"' or '<' or '>' or '`' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00AB' or '\u00BB' or '\\' or '^' or '{' or '}' or '|'
                || CharClasses.Of(c) is CharClass.Other or CharClass.Space or CharClass.Emoji or CharClass.HighSurrogate or CharClass.LowSurrogate)
                break;
            if (c == '(') parens++;
            else if (c == ')') parens--;
            else if (c == '[') brackets++;
            else if (c == ']') brackets--;
            j++;
        }
        while (j > p)
        {
            char c = t[j - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*' or '_' or '~') { j--; continue; }
            if (c == ')' && parens < 0) { parens++; j--; continue; }
            if (c == ']' && brackets < 0) { brackets++; j--; continue; }
            if (c > 127 && CharClasses.Of(c) is CharClass.Punct or CharClass.Quote or CharClass.Close or CharClass.Dash or CharClass.Ellipsis) { j--; continue; }
            break;
        }
        return j;
    }
}
