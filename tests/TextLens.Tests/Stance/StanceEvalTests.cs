using System.Text.Json;

namespace TextLens.Tests.Stance;

/// <summary>Stance cues against the public gold annotations (../shared/eval/public), scored like score.py.</summary>
public class StanceEvalTests
{
    private sealed record GoldCue(int Start, int End, string Type, string Text, string Holder);

    private static List<GoldCue> ReadGold(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("stance_cues").EnumerateArray()
            .Select(c => new GoldCue(c.GetProperty("start").GetInt32(), c.GetProperty("end").GetInt32(), c.GetProperty("type").GetString()!,
                                     c.GetProperty("text").GetString()!, c.GetProperty("holder").GetString()!))
            .ToList();
    }

    private static List<(int Start, int End)> GoldSentences(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("sentences").EnumerateArray()
            .Select(s => (s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32())).ToList();
    }

    /// <summary>Holder agreement: equal ignoring case, or one is a whole-word part of the other ("Farid Shafiyev" / "Shafiyev").</summary>
    internal static bool SameHolder(string gold, string system)
    {
        if (string.Equals(gold, system, StringComparison.OrdinalIgnoreCase)) return true;
        static string[] Words(string s) => s.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToArray();
        var g = Words(gold);
        var s = Words(system);
        if (g.Length == 0 || s.Length == 0) return false;
        static bool Inside(string[] small, string[] big)
        {
            for (int i = 0; i + small.Length <= big.Length; i++)
                if (small.SequenceEqual(big.Skip(i).Take(small.Length))) return true;
            return false;
        }
        return Inside(g, s) || Inside(s, g);
    }

    [Test]
    public void PublicArticleMeetsTargets()
    {
        var gold = TestPaths.RequireShared("eval/public/gold/huseynov-2025-04-17.json");
        var textPath = TestPaths.RequireShared("eval/public/texts/huseynov-2025-04-17.txt");
        var text = File.ReadAllText(textPath);
        var doc = TextLens.Pipeline.CreateEnglish().Process(text, "huseynov-2025-04-17");
        var outDir = Path.Combine(Path.GetTempPath(), "textlens-stance-eval");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "huseynov-2025-04-17.json"), doc.ToJson());

        var goldCues = ReadGold(gold);
        var region = GoldSentences(gold);
        var sys = doc.StanceCues.Where(c => region.Count == 0 || region.Any(r => c.Start < r.End && r.Start < c.End)).ToList();
        string Type(StanceCue c) => c.Type.ToString().ToUpperInvariant();

        int strict = 0;
        var usedStrict = new HashSet<int>();
        foreach (var g in goldCues)
        {
            int k = sys.FindIndex(c => !usedStrict.Contains(sys.IndexOf(c)) && c.Start == g.Start && c.End == g.End && Type(c) == g.Type);
            if (k >= 0) { usedStrict.Add(k); strict++; }
        }
        // lenient: one-to-one by largest overlap, same type
        var pairs = new List<(int Overlap, int G, int S)>();
        for (int gi = 0; gi < goldCues.Count; gi++)
            for (int si = 0; si < sys.Count; si++)
            {
                int ov = Math.Min(goldCues[gi].End, sys[si].End) - Math.Max(goldCues[gi].Start, sys[si].Start);
                if (ov > 0 && Type(sys[si]) == goldCues[gi].Type) pairs.Add((ov, gi, si));
            }
        var ug = new HashSet<int>(); var us = new HashSet<int>();
        var matched = new List<(GoldCue G, StanceCue S)>();
        foreach (var p in pairs.OrderByDescending(p => p.Overlap).ThenBy(p => p.G).ThenBy(p => p.S))
            if (!ug.Contains(p.G) && !us.Contains(p.S)) { ug.Add(p.G); us.Add(p.S); matched.Add((goldCues[p.G], sys[p.S])); }
        static double F1(int tp, int nSys, int nGold) => tp == 0 ? 0 : 2.0 * tp / (nSys + nGold);
        double strictF1 = F1(strict, sys.Count, goldCues.Count);
        double lenientF1 = F1(matched.Count, sys.Count, goldCues.Count);
        int holderOk = matched.Count(m => SameHolder(m.G.Holder, m.S.Holder));
        double holderAcc = matched.Count == 0 ? 0 : (double)holderOk / matched.Count;

        TestContext.Out.WriteLine($"gold {goldCues.Count}, system {sys.Count}, strict F1 {strictF1:F3}, lenient F1 {lenientF1:F3}, holder {holderOk}/{matched.Count} = {holderAcc:F3}");
        foreach (var g in goldCues.Where((g, i) => !ug.Contains(i))) TestContext.Out.WriteLine($"  missed {g.Type} '{g.Text}' ({g.Holder}) @{g.Start}");
        foreach (var s in sys.Where((s, i) => !us.Contains(i))) TestContext.Out.WriteLine($"  extra  {Type(s)} '{s.Text}' ({s.Holder}) @{s.Start}");
        foreach (var m in matched.Where(m => !SameHolder(m.G.Holder, m.S.Holder))) TestContext.Out.WriteLine($"  holder {m.G.Type} '{m.G.Text}': gold {m.G.Holder}, system {m.S.Holder}");
        foreach (var m in matched.Where(m => m.G.Start != m.S.Start || m.G.End != m.S.End)) TestContext.Out.WriteLine($"  span   {m.G.Type} gold '{m.G.Text}' system '{m.S.Text}'");

        Assert.Multiple(() =>
        {
            Assert.That(lenientF1, Is.GreaterThanOrEqualTo(0.85), "lenient F1");
            Assert.That(strictF1, Is.GreaterThanOrEqualTo(0.70), "strict F1");
            Assert.That(holderAcc, Is.GreaterThanOrEqualTo(0.85), "holder accuracy on lenient matches");
        });
    }
}
