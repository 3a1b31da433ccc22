namespace TextLens.Entities;

/// <summary>
/// Built-in rules: DATE expressions, EVENT names, organisation names with a head word, persons after titles or
/// in typical contexts, web-site names, and gazetteer matches with their "X region" extension.
/// Each proposes candidates; the resolver decides.
/// </summary>
internal static class BuiltInRules
{
    private const int R = EntityCandidate.BuiltInRuleRank;

    public static void Find(EntityUnits u, PhraseTrie gazetteer, List<EntityCandidate> output)
    {
        FindGazetteer(u, gazetteer, output);
        FindDates(u, output);
        FindNameRuns(u, gazetteer, output);
        FindPersons(u, gazetteer, output);
        FindDomains(u, output);
    }

    // ---------------------------------------------------------------- gazetteer

    private static void FindGazetteer(EntityUnits u, PhraseTrie gaz, List<EntityCandidate> output)
    {
        var lower = Gazetteer.LowerCaseNames;
        bool[]? capitals = null;
        for (int i = 0; i < u.Count; i++)
        {
            char first = u.Text[u.Start[i]];
            if (char.IsLower(first) && MayBeLowerCaseName(u, i))
            {
                // a place or company name written in lower case (web text: "flights to san francisco", "ask google"), not inside a web address
                int m = lower.LongestMatch(u, i, out var lowerLabel);
                if (m > 0 && AllLowerWords(u, i, i + m) && !InWebAddress(u, i, i + m))
                {
                    output.Add(new EntityCandidate(i, i + m, lowerLabel, EntitySource.Gazetteer, EntityCandidate.GazetteerRank, null));
                    i += m - 1;
                    continue;
                }
            }
            if (gaz.HasNonCapitalStart ? !char.IsLetterOrDigit(first) : !char.IsUpper(first)) continue;
            int n = gaz.LongestMatch(u, i, out var label);
            if (n == 0 && gaz.CaseFolded is { } folded && u.IsAllCaps(i) && InCapitals(u, ref capitals, i))
            {
                // a line in capitals (a headline, a dateline "KYIV, 5 March"): the names the gazetteer knows in any case
                n = folded.LongestMatch(u, i, out label);
                for (int k = i; k < i + n; k++)
                    if (u.IsWord(k) && !u.IsAllCaps(k)) { n = 0; break; }
            }
            if (n == 0) continue;
            int end = i + n;
            // A match must not be part of a longer letter run, e.g. "Georgia" inside "Georgian" is impossible by units,
            // but a phrase must not end inside a hyphenated capitalised compound such as "Baku-Tbilisi-Ceyhan": that is fine too.
            output.Add(new EntityCandidate(i, end, label, EntitySource.Gazetteer, EntityCandidate.GazetteerRank, null));
            // "Karabakh region", "Lachin corridor": the place with its lower-case region noun is a LOC
            if ((label == EntityLabel.Loc || label == EntityLabel.Gpe) && (u.Is(end, "region") || u.Is(end, "corridor")))
                output.Add(new EntityCandidate(i, end + 1, EntityLabel.Loc, EntitySource.Rule, R, null));
        }
    }

    /// <summary>
    /// True when unit <paramref name="i"/> stands on a line written in capitals (two or more words in capitals and no
    /// word in lower case: "UKRAINE AND POLAND SIGN GRAIN DEAL") or opens a dateline ("KYIV, 5 March", "KYIV 2024-03-05",
    /// "BAKU (Reuters) –"). The per-unit flags are computed once per document, on first need.
    /// </summary>
    private static bool InCapitals(EntityUnits u, ref bool[]? capitals, int i)
    {
        if (capitals is null)
        {
            capitals = new bool[u.Count];
            int start = 0;
            for (int k = 0; k < u.Count; k++)
            {
                if (!u.LineBreakAfter(k) && k + 1 < u.Count) continue;
                int upper = 0;
                bool lowerWord = false;
                for (int m = start; m <= k && !lowerWord; m++)
                {
                    if (!u.IsWord(m) || u.Length[m] < 2) continue;
                    if (u.IsAllCaps(m)) upper++;
                    else lowerWord = true;
                }
                if (upper >= 2 && !lowerWord)
                    for (int m = start; m <= k; m++) capitals[m] = true;
                start = k + 1;
            }
        }
        if (capitals[i]) return true;
        bool lineStart = i == 0 || u.LineBreakAfter(i - 1);
        return lineStart && i + 1 < u.Count && !u.LineBreakAfter(i)
            && (u.IsDigits(i + 1) || u[i + 1] is "," or "(" or "-" or "\u2013" or "\u2014");
    }

    /// <summary>Only nouns, proper nouns, adjectives and foreign words (or untagged text) can start a lower-case name: function words are not looked up.</summary>
    private static bool MayBeLowerCaseName(EntityUnits u, int i) =>
        u.Pos is not { } pos || (UPos)pos[i] is UPos.Noun or UPos.Propn or UPos.Adj or UPos.X or UPos.None;

    /// <summary>True when units [s, e) touch a word, "@", "/", "_", "-" or "=" — or a "." that touches a word — on either side (web addresses, file names).</summary>
    private static bool InWebAddress(EntityUnits u, int s, int e)
    {
        if (s > 0 && u.Touches(s - 1))
        {
            var p = u[s - 1];
            if (EntityUnits.IsWordChar(p[0]) || p is "@" or "/" or "." or "_" or "-" or "=") return true;
        }
        if (u.Touches(e - 1))
        {
            var n = u[e];
            if (EntityUnits.IsWordChar(n[0]) || n is "@" or "/" or "_" or "-" or "=") return true;
            if (n is "." && u.Touches(e) && EntityUnits.IsWordChar(u[e + 1][0])) return true;
        }
        return false;
    }

    private static bool AllLowerWords(EntityUnits u, int s, int e)
    {
        for (int k = s; k < e; k++)
            foreach (char c in u[k]) if (!char.IsLower(c)) return false;
        return true;
    }

    // ---------------------------------------------------------------- dates

    /// <summary>
    /// End of the month name at <paramref name="i"/> ("April"; "Feb." with its period, which may be a unit of its own),
    /// or -1. An abbreviation counts only next to a day or year ("12 Feb. 2026", "Sept. 20"): alone, "Jan" or "Mar"
    /// may be anything.
    /// </summary>
    private static int MonthEnd(EntityUnits u, int i)
    {
        if (IsMonth(u, i)) return i + 1;
        if (!u.IsWord(i) || !char.IsUpper(u.Text[u.Start[i]])) return -1;
        var w = u[i];
        if (w.Length > 3 && w[^1] == '.') w = w[..^1];
        if (!EntityWords.MonthAbbreviations.Contains(w)) return -1;
        int end = u.Is(i + 1, ".") && u.Touches(i) ? i + 2 : i + 1;
        return IsDay(u, end) || IsYear(u, end) || IsDay(u, i - 1) ? end : -1;
    }

    private static bool IsMonth(EntityUnits u, int i)
    {
        if (!u.IsWord(i) || !char.IsUpper(u.Text[u.Start[i]])) return false;
        var w = u[i];
        if (!EntityWords.Months.Contains(w)) return false;
        if (!u.IsAllCaps(i))
            foreach (char c in w[1..]) if (!char.IsLower(c)) return false;
        if (w.Equals("May", StringComparison.OrdinalIgnoreCase) && !u.IsAllCaps(i))
            return u.IsDigits(i + 1) || u.IsDigits(i - 1) || (i > 0 && EntityWords.DatePrepositions.Contains(u.LowerAt(i - 1)) && !u.Is(i - 1, "to"));
        return true;
    }

    private static bool IsDay(EntityUnits u, int i) => u.IsDigits(i) && u.Length[i] <= 2 && int.Parse(u[i]) is >= 1 and <= 31;

    private static bool IsYear(EntityUnits u, int i) => u.IsDigits(i) && u.Length[i] == 4 && int.Parse(u[i]) is >= 1500 and <= 2100;

    private static void FindDates(EntityUnits u, List<EntityCandidate> output)
    {
        for (int i = 0; i < u.Count; i++)
        {
            if (!char.IsAsciiDigit(u.Text[u.Start[i]]) && !(u.IsWord(i) && EntityWords.DateWords.Contains(u.LowerAt(i))) && MonthEnd(u, i) < 0) continue;
            int end = CoreDate(u, i);
            if (end <= i) continue;
            int start = ExtendDateLeft(u, i);
            output.Add(new EntityCandidate(start, end, EntityLabel.Date, EntitySource.Rule, R, null));
            i = end - 1;
        }
    }

    /// <summary>End of a date expression that starts at unit <paramref name="i"/>, or <paramref name="i"/> when none does.</summary>
    private static int CoreDate(EntityUnits u, int i)
    {
        // 12/05/2025, 12.05.2025, 2025-05-12, 2025.05.12: written as one word
        if (NumericDateEnd(u, i) is > 0 and var numericEnd) return numericEnd;
        if (IsOneUnitDate(u, i)) return i + 1;
        // 4th April 2023
        if (char.IsAsciiDigit(u.Text[u.Start[i]]) && OrdinalEnd(u, i) is > 0 and var dayEnd && LeadingNumber(u[i]) is >= 1 and <= 31
            && MonthEnd(u, dayEnd) is > 0 and var monthAfterDay)
            return IsYear(u, monthAfterDay) ? monthAfterDay + 1 : monthAfterDay;
        // 17 April 2025 / 17 April / 12 Feb. 2026
        if (IsDay(u, i) && MonthEnd(u, i + 1) is > 0 and var afterMonth)
            return IsYear(u, afterMonth) ? afterMonth + 1 : u.Is(afterMonth, ",") && IsYear(u, afterMonth + 1) ? afterMonth + 2 : afterMonth;
        if (MonthEnd(u, i) is > 0 and var monthEnd)
        {
            int j = monthEnd;
            if (IsDay(u, j))
            {
                j++;
                if (u.Is(j, "-") && IsDay(u, j + 1)) j += 2;
                else if (u.IsWord(j) && u.Length[j] == 2 && u.Touches(j - 1) && u.LowerAt(j) is "st" or "nd" or "rd" or "th") j++;
                if (u.Is(j, ",") && IsYear(u, j + 1)) j += 2;
                else if (IsYear(u, j)) j++;
                return j;
            }
            if (IsYear(u, j)) return j + 1;
            // month alone: "in April", "since March"
            if (i > 0 && EntityWords.DatePrepositions.Contains(u.LowerAt(i - 1))) return monthEnd;
            return i;
        }
        if (u.IsWord(i) && EntityWords.Weekdays.Contains(u[i])) return i + 1;
        if (IsYear(u, i))
        {
            if (u.IsDigits(i - 1) || u.Is(i - 1, "$") || u.Is(i - 1, "€") || u.Is(i + 1, "%")) return i;
            if (u.Is(i - 1, ",") && u.IsDigits(i - 2)) return i;
            if (u.Is(i + 1, "-") && IsYear(u, i + 2)) return i + 3;                  // 2020-2024
            if (u.IsIgnoreCase(i - 1, "from") && u.Is(i + 1, "to") && IsYear(u, i + 2)) return i + 3; // from 2003 to 2011
            if (u.Is(i + 1, "-") && u.IsDigits(i + 2) && u.Length[i + 2] == 2) return i + 3; // 2023-24
            if (u.Is(i + 1, ",") && u.IsDigits(i + 2) && u.Length[i + 2] == 3) return i; // 2,000
            return i + 1;
        }
        // the 21st century / the nineteenth century
        if (u.IsIgnoreCase(i, "the") && OrdinalEnd(u, i + 1) is > 0 and var ordinalEnd && u.IsWord(ordinalEnd) && u.LowerAt(ordinalEnd) is "century" or "centuries")
            return ordinalEnd + 1;
        // 1990s
        if (u.IsWord(i) == false && u.Length[i] == 5 && u[i][4] == 's' && char.IsAsciiDigit(u[i][0]) && u[i][..4].ContainsAnyExcept("0123456789") == false)
            return u.Is(i - 1, "the") || u.Is(i - 1, "The") ? i + 1 : i + 1;
        // today, yesterday, tomorrow (also opening a sentence: "Yesterday, Baku agreed.")
        if (u.IsWord(i) && (u.IsIgnoreCase(i, "today") || u.IsIgnoreCase(i, "yesterday") || u.IsIgnoreCase(i, "tomorrow")) && !u.IsAllCaps(i)) return i + 1;
        // this year / last month / the coming decade / the past two decades
        {
            int j = i;
            bool the = u.IsIgnoreCase(j, "the");
            if (the) j++;
            if (u.IsWord(j) && EntityWords.RelativeDeterminers.Contains(u.LowerAt(j)) && !(the && u.Is(j, "same") == false && u.Is(j, "this")))
            {
                // "this" / "last" / "next" need no "the"; "past" / "coming" / "previous" / "current" / "following" need it
                var det = u.LowerAt(j);
                bool needsThe = det is "past" or "coming" or "previous" or "current" or "following" or "same";
                if (needsThe && !the) return i;
                if (!needsThe && the && det is not ("last" or "next")) return i;
                int k = j + 1;
                if (u.IsDigits(k) || (u.IsWord(k) && EntityWords.NumberWords.Contains(u.LowerAt(k)) && !u.Is(k, "a"))) k++;
                if (u.IsWord(k) && (EntityWords.PeriodUnits.Contains(u.LowerAt(k)) || EntityWords.Seasons.Contains(u.LowerAt(k))))
                    return k + 1;
                if (MonthEnd(u, k) is > 0 and var kEnd) return kEnd;
                return i;
            }
        }
        // 80 years / many years / two decades / decades / a decade (ago)
        {
            int j = i;
            bool counted = false;
            if (u.IsDigits(j) && u.Length[j] <= 3) { j++; counted = true; }
            else if (u.IsWord(j) && EntityWords.NumberWords.Contains(u.LowerAt(j)) && !u.Is(j, "some"))
            {
                if (u.IsIgnoreCase(j, "a") && (u.Is(j + 1, "few") || u.Is(j + 1, "couple"))) j++;
                j++;
                if (u.Is(j, "of") && u.Is(j - 1, "couple")) j++;
                counted = true;
            }
            if (u.IsWord(j) && EntityWords.PeriodUnits.Contains(u.LowerAt(j)))
            {
                bool bareOk = u.LowerAt(j) is "decades" or "centuries";
                // "years ago", "a decade later", "a few days earlier", "Two years on, …": placed in time by the word after
                bool placed = u.IsWord(j + 1) && u.LowerAt(j + 1) is "ago" or "later" or "earlier"
                    || (counted && u.Is(j + 1, "on") && u.Is(j + 2, ","));
                if (!counted && !bareOk && !(placed && u.LowerAt(j).EndsWith('s'))) return i;
                // "a year" alone is too vague unless placed in time
                if (counted && u.IsIgnoreCase(i, "a") && !placed) return i;
                // "80-year-old" / "years-long": skip compounds
                if (u.Is(j + 1, "-") && u.Touches(j)) return i;
                if (counted && u.Is(i + 1, "-") ) return i;
                return placed ? j + 2 : j + 1;
            }
        }
        return i;
    }

    /// <summary>"the end of", "the beginning of", "early", "late", "mid-" before a date belong to it.</summary>
    /// <summary>End of a date written with separators and no spaces (d/m/y or m/d/y with / or ., ISO y-m-d, or y.m.d), or -1.</summary>
    private static int NumericDateEnd(EntityUnits u, int i)
    {
        static bool Part(EntityUnits u, int k, int maxLength) => u.IsDigits(k) && u.Length[k] <= maxLength && int.Parse(u[k]) is >= 1 and <= 31;
        if (i + 4 >= u.Count || !u.Touches(i) || !u.Touches(i + 1) || !u.Touches(i + 2) || !u.Touches(i + 3)) return -1;
        if (!u[i + 1].SequenceEqual(u[i + 3])) return -1; // the same separator twice
        if (u.Is(i + 1, ".") && IsYear(u, i)) // 2025.05.12
            return u.Length[i + 2] <= 2 && Part(u, i + 2, 2) && int.Parse(u[i + 2]) <= 12 && u.Length[i + 4] <= 2 && Part(u, i + 4, 2)
                && !(u.Touches(i + 4) && u.IsDigits(i + 5)) ? i + 5 : -1;
        if (u.Is(i + 1, "/") || u.Is(i + 1, "."))
            return Part(u, i, 2) && Part(u, i + 2, 2) && IsYear(u, i + 4) && !(u.Touches(i + 4) && u.IsDigits(i + 5)) ? i + 5 : -1;
        if (u.Is(i + 1, "-"))
            return IsYear(u, i) && u.Length[i + 2] == 2 && Part(u, i + 2, 2) && int.Parse(u[i + 2]) <= 12 && u.Length[i + 4] == 2 && Part(u, i + 4, 2) ? i + 5 : -1;
        return -1;
    }

    /// <summary>The number its leading ASCII digits spell ("4th" → 4, "1Rd" → 1), or −1 when it has none or too many.</summary>
    private static int LeadingNumber(ReadOnlySpan<char> w)
    {
        int n = 0, k = 0;
        while (k < w.Length && k < 6 && char.IsAsciiDigit(w[k])) n = n * 10 + (w[k++] - '0');
        return k == 0 || k == 6 ? -1 : n;
    }

    /// <summary>End of an ordinal at <paramref name="i"/> ("21st", "21" + "st", "nineteenth"), or -1.</summary>
    private static int OrdinalEnd(EntityUnits u, int i)
    {
        if ((uint)i >= (uint)u.Count) return -1;
        var w = u.LowerAt(i);
        if (w.Length >= 3 && char.IsAsciiDigit(w[0]) && w[^2..] is "st" or "nd" or "rd" or "th" && !w[..^2].ContainsAnyExcept("0123456789")) return i + 1;
        if (u.IsDigits(i) && u.Touches(i) && u.IsWord(i + 1) && u.LowerAt(i + 1) is "st" or "nd" or "rd" or "th") return i + 2;
        return u.IsWord(i) && w is "first" or "second" or "third" or "fourth" or "fifth" or "sixth" or "seventh" or "eighth" or "ninth"
            or "tenth" or "eleventh" or "twelfth" or "thirteenth" or "fourteenth" or "fifteenth" or "sixteenth" or "seventeenth"
            or "eighteenth" or "nineteenth" or "twentieth" or "twenty-first" ? i + 1 : -1;
    }

    /// <summary>A date written as one unit: "2025.05.12", "2025-05-12", "12.05.2025" (year, month and day in range).</summary>
    private static bool IsOneUnitDate(EntityUnits u, int i)
    {
        var w = u[i];
        if (w.Length is < 8 or > 10 || !char.IsAsciiDigit(w[0]) || !char.IsAsciiDigit(w[^1])) return false;
        Span<int> parts = stackalloc int[3];
        Span<int> lengths = stackalloc int[3];
        int n = 0, value = 0, length = 0;
        char separator = '\0';
        foreach (char c in w)
        {
            if (char.IsAsciiDigit(c)) { value = value * 10 + (c - '0'); length++; continue; }
            if (c is not ('.' or '-' or '/') || (separator != '\0' && c != separator) || n == 2 || length == 0) return false;
            separator = c;
            parts[n] = value; lengths[n++] = length;
            value = 0; length = 0;
        }
        if (n != 2 || length == 0) return false;
        parts[2] = value; lengths[2] = length;
        if (lengths[0] == 4) return parts[0] is >= 1500 and <= 2100 && lengths[1] <= 2 && parts[1] is >= 1 and <= 12 && lengths[2] <= 2 && parts[2] is >= 1 and <= 31;
        return lengths[2] == 4 && parts[2] is >= 1500 and <= 2100 && lengths[0] <= 2 && lengths[1] <= 2 && parts[0] is >= 1 and <= 31 && parts[1] is >= 1 and <= 31
            && (parts[0] <= 12 || parts[1] <= 12);
    }

    private static bool IsDecade(EntityUnits u, int i) =>
        (uint)i < (uint)u.Count && u.Length[i] == 5 && u[i][4] == 's' && !u[i][..4].ContainsAnyExcept("0123456789");

    private static int ExtendDateLeft(EntityUnits u, int start)
    {
        // "the 1920s", "the early 1970s": a decade keeps its article
        if (IsDecade(u, start))
        {
            int k = start - 1;
            if (k >= 0 && u.IsWord(k) && u.LowerAt(k) is "early" or "late" or "mid") k--;
            if (k >= 0 && u.IsIgnoreCase(k, "the")) return k;
        }
        // "earlier this month", "later this year"
        if (start >= 1 && u.IsWord(start - 1) && u.LowerAt(start - 1) is "earlier" or "later" && u.IsWord(start) && u.LowerAt(start) is "this" or "last" or "next")
            return start - 1;
        // "the first three months of 2024"
        if (start >= 5 && u.Is(start - 1, "of") && u.IsWord(start - 2) && u.LowerAt(start - 2) is "months" or "weeks" or "days" or "years"
            && (u.IsDigits(start - 3) || (u.IsWord(start - 3) && EntityWords.NumberWords.Contains(u.LowerAt(start - 3))))
            && u.IsWord(start - 4) && u.LowerAt(start - 4) is "first" or "last" or "final" && u.IsIgnoreCase(start - 5, "the"))
            return start - 5;
        if (start >= 3 && u.Is(start - 1, "of") && u.IsWord(start - 2) && u.LowerAt(start - 2) is "end" or "beginning" or "start" or "middle" or "turn" or "spring" or "summer" or "autumn" or "fall" or "winter"
            && u.IsIgnoreCase(start - 3, "the"))
            return start - 3;
        // "the first half of 2025", "the last quarter of 2024"
        if (start >= 4 && u.Is(start - 1, "of") && u.IsWord(start - 2) && u.LowerAt(start - 2) is "half" or "quarter" or "part" or "months" or "weeks"
            && u.IsWord(start - 3) && u.LowerAt(start - 3) is "first" or "second" or "third" or "fourth" or "last" or "final" or "latter" or "early" or "later" or "closing" or "opening"
            && u.IsIgnoreCase(start - 4, "the"))
            return start - 4;
        if (start >= 1 && u.IsWord(start - 1) && u.LowerAt(start - 1) is "early" or "late" or "mid") return start - 1;
        if (start >= 2 && u.Is(start - 1, "-") && u.IsWord(start - 2) && u.LowerAt(start - 2) is "mid" or "early" or "late") return start - 2;
        return start;
    }

    // ---------------------------------------------------------------- name runs: ORG and EVENT by head word

    /// <summary>True for a capitalised word that may be part of a name.</summary>
    internal static bool IsNameWord(EntityUnits u, int i)
    {
        if ((uint)i >= (uint)u.Count) return false;
        char c = u.Text[u.Start[i]];
        return char.IsUpper(c) || (char.IsAsciiDigit(c) && i > 0 && u.IsCap(i - 1));
    }

    private static void FindNameRuns(EntityUnits u, PhraseTrie gaz, List<EntityCandidate> output)
    {
        int i = 0;
        while (i < u.Count)
        {
            if (!u.IsCap(i) || EntityWords.CapitalStopWords.Contains(u[i])) { i++; continue; }
            int start = i, end = i + 1;
            while (end < u.Count)
            {
                if (u.LineBreakAfter(end - 1)) break;
                if (IsNameWord(u, end)) { end++; continue; }
                // hyphen or apostrophe inside a name: Co-operation, Shangri-La
                if ((u.Is(end, "-") || u.Is(end, "&")) && u.Touches(end - 1) && u.Touches(end) && IsNameWord(u, end + 1)) { end += 2; continue; }
                if (u.IsWord(end) && EntityWords.NameConnectors.Contains(u[end]) && !u.Is(end, "in"))
                {
                    int k = end + 1;
                    bool and = u.Is(end, "and") || u.Is(end, "&");
                    // "X and the Y" joins two names; so does "… Union and …" after a complete organisation or event name
                    if (and && (u.Is(k, "the") || (u.IsWord(end - 1) && (EntityWords.OrgHeads.Contains(u[end - 1]) || EntityWords.EventHeads.Contains(u[end - 1]))))) break;
                    if (u.Is(k, "the") && !u.Is(end, "the")) k++;
                    if (IsNameWord(u, k) && !EntityWords.CapitalStopWords.Contains(u[k])) { end = k + 1; continue; }
                }
                break;
            }
            ClassifyRun(u, gaz, start, end, output);
            i = end;
        }
    }

    /// <summary>
    /// The label of a span that is a name but not an entity (see <see cref="EntityWords.DocumentHeads"/>): it holds its
    /// units during resolution, so neither the model nor a gazetteer finds "Independence" or "Kars" inside the name,
    /// and <see cref="EntityResolver"/> removes it from the result.
    /// </summary>
    internal static readonly EntityLabel NotAnEntity = new("");

    private static void ClassifyRun(EntityUnits u, PhraseTrie gaz, int start, int end, List<EntityCandidate> output)
    {
        // "Declaration of Independence", "Route for International Peace": a document head followed by its of/for tail;
        // "Washington Declaration", "Dayton Accords": a name ending in a document head
        for (int k = start; k < end; k++)
        {
            bool headFirst = k + 2 < end && u.IsWord(k) && EntityWords.DocumentHeads.Contains(u[k]) && u[k + 1] is "of" or "for" or "on";
            bool headLast = k == end - 1 && k > start && u.IsWord(k) && EntityWords.DocumentTails.Contains(u[k]);
            if (!headFirst && !headLast) continue;
            int s0 = start;
            while (s0 < k && (EntityWords.Titles.Contains(u[s0]) || !u.IsWord(s0) || !u.IsCap(s0))) s0++;
            if (headLast && s0 == k) break; // a lone "Treaty"
            output.Add(new EntityCandidate(s0, end, NotAnEntity, EntitySource.Rule, R, null));
            return;
        }
        // Drop leading titles ("Foreign Minister …") from runs: they never start an organisation or event.
        // Find the last head word; everything from the run start through the name's tail is the entity.
        int lastEvent = -1, lastOrg = -1, lastLoc = -1;
        for (int k = start; k < end; k++)
        {
            if (!u.IsWord(k)) continue;
            if (EntityWords.EventHeads.Contains(u[k])) lastEvent = k;
            if (EntityWords.OrgHeads.Contains(u[k])) lastOrg = k;
            if (EntityWords.LocationHeads.Contains(u[k])) lastLoc = k;
        }
        // World War II, COP29, Operation Sindoor
        for (int k = start; k < end; k++)
        {
            var w = u[k];
            if (w.Length > 3 && w.StartsWith("COP") && !w[3..].ContainsAnyExcept("0123456789"))
            {
                output.Add(new EntityCandidate(k, k + 1, EntityLabel.Event, EntitySource.Rule, R, null));
                continue;
            }
            if (w.SequenceEqual("COP") && u.IsDigits(k + 1) && !u.Touches(k))
            {
                output.Add(new EntityCandidate(k, k + 2, EntityLabel.Event, EntitySource.Rule, R, null));
                continue;
            }
            // named operations: "Operation Sindoor", "Operation Desert Storm"
            if (u.Is(k, "Operation") && k + 1 < end && end - k <= 4 && u.IsWord(k + 1) && u.IsCap(k + 1) && !EntityWords.CapitalStopWords.Contains(u[k + 1]))
            {
                output.Add(new EntityCandidate(k, end, EntityLabel.Event, EntitySource.Rule, R, null));
                return;
            }
            if (u.Is(k, "World") && u.Is(k + 1, "War") && k + 2 < end && (u.Is(k + 2, "I") || u.Is(k + 2, "II") || u.Is(k + 2, "One") || u.Is(k + 2, "Two")))
            {
                output.Add(new EntityCandidate(k, k + 3, EntityLabel.Event, EntitySource.Rule, R, null));
                return;
            }
        }
        int head = Math.Max(Math.Max(lastEvent, lastOrg), lastLoc);
        if (head < 0) return;
        var label = head == lastEvent ? EntityLabel.Event : head == lastOrg ? EntityLabel.Org : EntityLabel.Loc;
        int s = start;
        while (s < head && (EntityWords.Titles.Contains(u[s]) || !u.IsWord(s) || !u.IsCap(s))) s++;
        // a headline run: "Five Lessons From the Washington Summit" is the EVENT "Washington Summit"
        for (int k = head - 1; k > s; k--)
            if (u.IsWord(k) && (EntityWords.CapitalStopWords.Contains(u[k]) || u.Is(k, "the"))) { s = k + 1; break; }
        if (EntityWords.NotNameStarts.Contains(u[s])) return; // a review title: "Great Service", "Poor Customer Service"
        // A head-first name takes its "of …" tail (Center of Analysis of International Relations); a head-last name ends at the head.
        int e = head + 1;
        if (u.IsWord(e) && u[e] is "of" or "for" or "on" or "de")
        {
            e = end;
            // keep a country at the end only when joined by "of": "Ministry of Foreign Affairs of Azerbaijan"
        }
        else if (e < end && (u.IsDigits(e) || u.Is(e, "II") || u.Is(e, "I"))) e++;
        if (e - s < 2) return;
        if (gaz.Lookup(u, s, e) is not null) return; // the gazetteer knows this name and its type
        // Do not let a lone head with a gazetteer place or person title make an organisation of a whole phrase like "Foreign Ministers of Armenia".
        output.Add(new EntityCandidate(s, e, label, EntitySource.Rule, R, null));
    }

    // ---------------------------------------------------------------- persons

    /// <summary>True for a unit that can be part of a person's name: capitalised letters, not a known place, title or head word.</summary>
    private static bool IsPersonName(EntityUnits u, PhraseTrie gaz, int i)
    {
        if (!u.IsWord(i) || !u.IsCap(i) || u.Length[i] < 2 || u.IsAllCaps(i)) return false;
        var w = u[i];
        if (EntityWords.CapitalStopWords.Contains(w) || EntityWords.Titles.Contains(w)
            || EntityWords.OrgHeads.Contains(w) || EntityWords.EventHeads.Contains(w)
            || EntityWords.Months.Contains(w) || EntityWords.Weekdays.Contains(w)) return false;
        return gaz.Lookup(u, i, i + 1) is null;
    }

    /// <summary>End of a middle initial at <paramref name="i"/>: one capital letter and its period ("K.", one unit or two), or -1.</summary>
    private static int InitialEnd(EntityUnits u, int i)
    {
        if ((uint)i >= (uint)u.Count || !char.IsAsciiLetterUpper(u.Text[u.Start[i]])) return -1;
        if (u.Length[i] == 2 && u.Text[u.Start[i] + 1] == '.') return i + 1;
        return u.Length[i] == 1 && u.Is(i + 1, ".") && u.Touches(i) ? i + 2 : -1;
    }

    /// <summary>End of a person name of 1..4 name units starting at <paramref name="i"/> (hyphenated parts and particles allowed).</summary>
    private static int PersonNameEnd(EntityUnits u, PhraseTrie gaz, int i, int maxWords = 4)
    {
        if (!IsPersonName(u, gaz, i)) return i;
        int end = i + 1, words = 1;
        while (end < u.Count && words < maxWords && !u.LineBreakAfter(end - 1))
        {
            if (u.Is(end, "-") && u.Touches(end - 1) && u.Touches(end) && u.IsCap(end + 1)) { end += 2; continue; }
            if (u.Is(end, "'") && u.Touches(end - 1) && u.Touches(end) && u.IsCap(end + 1)) { end += 2; continue; } // O'Brien
            if (IsPersonName(u, gaz, end)) { end++; words++; continue; }
            // "Prime Minister Jane Major": a title word that is also a surname ends the name when no name word follows
            if (u.IsWord(end) && SurnameTitles.Contains(u[end]) && !IsNameWord(u, end + 1)) { end++; words++; continue; }
            // "Theresa May": the month after a given name, with no day or year after it, is the surname
            if (u.Is(end, "May") && Gazetteer.GivenNames.Contains(u[end - 1]) && !u.IsDigits(end + 1) && !IsNameWord(u, end + 1)) { end++; words++; continue; }
            if (InitialEnd(u, end) is > 0 and var initialEnd && IsPersonName(u, gaz, initialEnd)) { end = initialEnd + 1; words += 2; continue; } // Anna K. Smith
            if (u.IsWord(end) && u[end] is "bin" or "al" or "van" or "von" or "de" or "der" or "da" && IsPersonName(u, gaz, end + 1)) { end += 2; words++; continue; }
            break;
        }
        return end;
    }

    /// <summary>
    /// True when every word of units [s, e) is a common English word and none a given name ("Policy Concept", "Direct
    /// Investment"): a capitalised phrase, not a person's name ("Gordon Brown", "Mark Lay" keep their given names).
    /// </summary>
    internal static bool CommonWordsOnly(EntityUnits u, int s, int e)
    {
        var given = Gazetteer.GivenNames;
        for (int k = s; k < e; k++)
        {
            if (!u.IsWord(k)) continue;
            if (given.Contains(u[k]) || EntityWords.WordGivenNames.Contains(u[k]) || !IsEnglishWord(u.LowerAt(k))) return false;
        }
        return true;
    }

    private static readonly WordSet SurnameTitles = new(["Major", "King", "Bishop", "Judge", "Marshal", "Prince", "Pope"], StringComparer.Ordinal);

    private static void FindPersons(EntityUnits u, PhraseTrie gaz, List<EntityCandidate> output)
    {
        for (int i = 0; i < u.Count; i++)
        {
            if (!u.IsCap(i) && !(u.Is(i, "s") && u.Is(i - 1, "'"))) continue;
            // Title + name: "Foreign Minister Bayramov", "Dr Vasif Huseynov", "Prime Minister Nikol Pashinyan".
            if (u.IsCap(i) && EntityWords.Titles.Contains(u[i]))
            {
                int j = i + 1;
                if (u.Is(j, ".") && u.Touches(i)) j++;
                int end = PersonNameEnd(u, gaz, j);
                if (end > j && !IsOrgOrEventContinuation(u, end) && !(end - j >= 2 && CommonWordsOnly(u, j, end)))
                {
                    output.Add(new EntityCandidate(j, end, EntityLabel.Person, EntitySource.Rule, R, null));
                    i = end - 1;
                    continue;
                }
            }
            // Possessive of a place or organisation: "Azerbaijan's Jeyhun Bayramov".
            if (u.Is(i, "s") && u.Is(i - 1, "'") && i >= 2 && u.IsCap(i - 2) && gaz.Lookup(u, i - 2, i - 1) is EntityLabel l && l != EntityLabel.Norp)
            {
                int end = PersonNameEnd(u, gaz, i + 1, 3);
                if (end - (i + 1) >= 2 && !IsOrgOrEventContinuation(u, end) && !u.IsCap(end))
                {
                    output.Add(new EntityCandidate(i + 1, end, EntityLabel.Person, EntitySource.Rule, R, null));
                    i = end - 1;
                    continue;
                }
            }
            // Two or three name words in a person's context ("Yesterday Nikol Pashinyan said": a capitalised function word before is no name).
            if (IsPersonName(u, gaz, i) && (!IsNameWord(u, i - 1) || (u.IsWord(i - 1) && EntityWords.CapitalStopWords.Contains(u[i - 1]))))
            {
                int end = PersonNameEnd(u, gaz, i, 3);
                if (end - i >= 2 && !IsOrgOrEventContinuation(u, end) && PersonContext(u, i, end) && !CommonWordsOnly(u, i, end))
                {
                    output.Add(new EntityCandidate(i, end, EntityLabel.Person, EntitySource.Rule, R, null));
                    i = end - 1;
                }
            }
        }
    }

    private static bool IsOrgOrEventContinuation(EntityUnits u, int end) =>
        u.IsWord(end) && u.IsCap(end) && (EntityWords.OrgHeads.Contains(u[end]) || EntityWords.EventHeads.Contains(u[end]));

    private static bool PersonContext(EntityUnits u, int start, int end)
    {
        // "According to Farid Shafiyev", "by Jane Doe"
        if (start >= 2 && u.Is(start - 1, "to") && u.IsIgnoreCase(start - 2, "according")) return true;
        // "Farid Shafiyev, Chairman of …" / "Jane Doe, a senior fellow"
        if (u.Is(end, ","))
        {
            int k = end + 1;
            if (u.IsIgnoreCase(k, "the") || u.IsIgnoreCase(k, "a") || u.IsIgnoreCase(k, "an")) k++;
            if (u.IsWord(k) && EntityWords.RoleNouns.Contains(u.LowerAt(k))) return true;
        }
        // "Nikol Pashinyan said"
        if (u.IsWord(end) && EntityWords.SpeechVerbs.Contains(u[end])) return true;
        // "Nikol Pashinyan has bet …", "Elchin Amirbayov insists …": a verb follows a name that looks like a person's
        // (a known given name first, or a first word English does not know and a surname ending), where the model is
        // unsure at the start of a sentence; "Critic Peskov was …" starts with an English word
        if (u.Pos is { } pos && end < u.Count && u.IsWord(end) && !u.IsCap(end) && (UPos)pos[end] is UPos.Verb or UPos.Aux
            && (Gazetteer.GivenNames.Contains(u[start]) || (HasSurnameEnding(u[end - 1]) && !IsEnglishWord(u.LowerAt(start)))))
            return true;
        return false;
    }

    /// <summary>True when the tagger's lemma table knows the word (its treebank and dictionary vocabulary): "critic", not "nikol".</summary>
    internal static bool IsEnglishWord(ReadOnlySpan<char> lower) => PosTagger.Default.Model.Lemmas.IsKnown(lower);

    /// <summary>Surname endings common in the region TextLens is built for (Armenian, Azerbaijani, Georgian, Russian, Turkish, Ukrainian, Persian).</summary>
    private static bool HasSurnameEnding(ReadOnlySpan<char> w) =>
        w.Length >= 5 && (w.EndsWith("yan") || w.EndsWith("ian") || w.EndsWith("ov") || w.EndsWith("ova") || w.EndsWith("ev")
            || w.EndsWith("eva") || w.EndsWith("enko") || w.EndsWith("vili") || w.EndsWith("dze") || w.EndsWith("zade") || w.EndsWith("oglu")
            || w.EndsWith("oğlu") || w.EndsWith("yev") || w.EndsWith("yeva"));

    // ---------------------------------------------------------------- web sites

    private static void FindDomains(EntityUnits u, List<EntityCandidate> output)
    {
        for (int i = 0; i + 2 < u.Count; i++)
        {
            if (!u.Is(i + 1, ".") || !u.Touches(i)) continue;
            if (!u.IsWord(i) || (i > 0 && u.Touches(i - 1) && !u.Is(i - 1, "*") && !u.Is(i - 1, "(") && !u.Is(i - 1, "\"") && !u.Is(i - 1, "'"))) continue;
            int j = i;
            while (u.Is(j + 1, ".") && u.Touches(j) && u.Touches(j + 1) && u.IsWord(j + 2)) j += 2;
            if (j == i || !EntityWords.Domains.Contains(u[j])) continue;
            if (u.Touches(j) && (u.Is(j + 1, "/") || u.Is(j + 1, "@"))) continue;
            if (i > 0 && u.Is(i - 1, "/")) continue;
            if (u.IsCap(j)) continue;
            output.Add(new EntityCandidate(i, j + 1, EntityLabel.Org, EntitySource.Rule, R, null));
            i = j;
        }
    }
}
