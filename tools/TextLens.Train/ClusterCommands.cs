using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TextLens.Train;

/// <summary>
/// `clusters`: induces distributional word classes from unlabelled text (the policy-commentaries corpus) for the stance
/// model's features. Each frequent word gets a sparse vector of the words around it (two left, two right; positive PMI
/// with smoothed context frequencies), and spherical k-means (seeded k-means++) groups the vectors at two granularities. Words that occur in the same contexts ("reluctant"/"hesitant", "ambitions"/"aspirations") share a
/// cluster, so a cue word the gold never showed still looks like those it did.
/// </summary>
internal static class ClusterCommands
{
    public static void AddTo(RootCommand root) => root.Subcommands.Add(Command());

    private static Command Command()
    {
        var input = new Option<DirectoryInfo>("--texts") { Description = "Folder of unlabelled .txt files.", DefaultValueFactory = _ => new DirectoryInfo("../shared/corpora/policy-commentaries/texts") };
        var output = new Option<FileInfo>("--out") { Description = "CSV to write.", DefaultValueFactory = _ => new FileInfo("data/lexicons/word_clusters.csv") };
        var minCount = new Option<int>("--min-count") { Description = "Words seen fewer times get no cluster.", DefaultValueFactory = _ => 5 };
        var contexts = new Option<int>("--contexts") { Description = "Number of most frequent words used as context features.", DefaultValueFactory = _ => 2000 };
        var coarse = new Option<int>("--coarse") { Description = "Clusters at the coarse level.", DefaultValueFactory = _ => 200 };
        var fine = new Option<int>("--fine") { Description = "Clusters at the fine level.", DefaultValueFactory = _ => 800 };
        var seed = new Option<int>("--seed") { Description = "Seed of the projection and of k-means.", DefaultValueFactory = _ => 1 };
        var cmd = new Command("clusters", "Induce distributional word clusters from unlabelled text (stance model features).") { input, output, minCount, contexts, coarse, fine, seed };
        cmd.SetAction(r =>
        {
            var clock = Stopwatch.StartNew();
            void Log(string s) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {s}");
            var files = r.GetValue(input)!.GetFiles("*.txt").OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var counts = new List<int>();
            var sequences = new List<int[]>();
            foreach (var f in files)
            {
                var doc = Tokenizer.Default.Tokenize(File.ReadAllText(f.FullName));
                var seq = new int[doc.TokenStore.Length];
                for (int i = 0; i < seq.Length; i++)
                {
                    var t = doc.TokenStore[i];
                    var w = doc.LowerText.Substring(t.Start, t.Length);
                    if (!ids.TryGetValue(w, out int id)) { id = ids.Count; ids[w] = id; counts.Add(0); }
                    counts[id]++;
                    seq[i] = id;
                }
                sequences.Add(seq);
            }
            var words = new string[ids.Count];
            foreach (var (w, id) in ids) words[id] = w;
            Log($"{files.Length} texts, {sequences.Sum(s => s.Length):N0} tokens, {words.Length:N0} word types");

            // vocabulary to cluster and context words, by frequency (ties by spelling: deterministic)
            var byFrequency = Enumerable.Range(0, words.Length).OrderByDescending(i => counts[i]).ThenBy(i => words[i], StringComparer.Ordinal).ToArray();
            int nContexts = Math.Min(r.GetValue(contexts), words.Length);
            var contextIndex = new Dictionary<int, int>();
            for (int k = 0; k < nContexts; k++) contextIndex[byFrequency[k]] = k;
            var vocab = byFrequency.Where(i => counts[i] >= r.GetValue(minCount) && words[i].Any(char.IsLetter)).ToArray();
            var vocabIndex = new Dictionary<int, int>();
            for (int k = 0; k < vocab.Length; k++) vocabIndex[vocab[k]] = k;
            int features = 4 * nContexts;
            var cooc = new Dictionary<long, float>();
            var rowTotals = new double[vocab.Length];
            var colTotals = new double[features];
            foreach (var seq in sequences)
                for (int i = 0; i < seq.Length; i++)
                {
                    if (!vocabIndex.TryGetValue(seq[i], out int v)) continue;
                    for (int o = -2; o <= 2; o++)
                    {
                        if (o == 0 || i + o < 0 || i + o >= seq.Length || !contextIndex.TryGetValue(seq[i + o], out int c)) continue;
                        int feature = (o < 0 ? o + 2 : o + 1) * nContexts + c;
                        long key = (long)v * features + feature;
                        cooc[key] = cooc.GetValueOrDefault(key) + 1;
                        rowTotals[v]++;
                        colTotals[feature]++;
                    }
                }
            double total = rowTotals.Sum();
            Log($"{vocab.Length:N0} words to cluster, {nContexts} context words, {cooc.Count:N0} co-occurrences");

            // positive PMI vectors (sparse, unit length), clustered in that space: no projection noise
            var rowsIdx = new List<int>[vocab.Length];
            var rowsVal = new List<float>[vocab.Length];
            for (int v = 0; v < vocab.Length; v++) { rowsIdx[v] = []; rowsVal[v] = []; }
            double smoothed = colTotals.Sum(c => Math.Pow(c, 0.75));
            foreach (var (key, n) in cooc.OrderBy(kv => kv.Key))
            {
                int v = (int)(key / features), feature = (int)(key % features);
                double pmi = Math.Log(n / rowTotals[v] / (Math.Pow(colTotals[feature], 0.75) / smoothed));
                if (pmi <= 0) continue;
                rowsIdx[v].Add(feature);
                rowsVal[v].Add((float)pmi);
            }
            var x = new SparseRows(rowsIdx.Select(l => l.ToArray()).ToArray(), rowsVal.Select(l => l.ToArray()).ToArray(), features);
            int seedValue = r.GetValue(seed);
            foreach (var probe in Environment.GetEnvironmentVariable("TEXTLENS_CLUSTER_PROBE")?.Split(',') ?? [])
            {
                if (!ids.TryGetValue(probe, out int pid) || !vocabIndex.TryGetValue(pid, out int pv)) continue;
                var dense = new float[features];
                x.AddTo(pv, dense);
                var near = Enumerable.Range(0, vocab.Length).OrderByDescending(v => x.Dot(v, dense)).Take(12).Select(v => words[vocab[v]]);
                Log($"{probe}: {string.Join(" ", near)}");
            }
            var coarseIds = KMeans(x, r.GetValue(coarse), seedValue, Log);
            var fineIds = KMeans(x, r.GetValue(fine), seedValue + 1, Log);

            var path = r.GetValue(output)!.FullName;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var sb = new StringBuilder();
            sb.Append("# TextLens word clusters, version 1\n");
            sb.Append("# Distributional word classes induced by `TextLens.Train clusters` from the unlabelled policy-commentaries corpus\n");
            sb.Append("# (word statistics only, no text; see NOTICE): words used in the same contexts share a cluster. Features of the stance model.\n");
            sb.Append("word,coarse,fine\n");
            foreach (int v in Enumerable.Range(0, vocab.Length).OrderBy(v => words[vocab[v]], StringComparer.Ordinal))
            {
                var w = words[vocab[v]];
                if (w.Contains(',') || w.Contains('"') || w.StartsWith('#')) continue;
                sb.Append(w).Append(',').Append(coarseIds[v].ToString(CultureInfo.InvariantCulture)).Append(',').Append(fineIds[v].ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
            File.WriteAllText(path, sb.ToString());
            Log($"wrote {path} ({new FileInfo(path).Length:N0} bytes)");
            return 0;
        });
        return cmd;
    }

    private static void Normalize(Span<float> v)
    {
        double n = 0;
        foreach (var x in v) n += x * x;
        if (n <= 0) return;
        float inv = (float)(1 / Math.Sqrt(n));
        for (int i = 0; i < v.Length; i++) v[i] *= inv;
    }

    /// <summary>Unit-length sparse rows over <see cref="Width"/> features.</summary>
    private sealed class SparseRows
    {
        private readonly int[][] _idx;
        private readonly float[][] _val;

        public SparseRows(int[][] idx, float[][] val, int width)
        {
            _idx = idx;
            _val = val;
            Width = width;
            foreach (var v in _val) Normalize(v);
        }

        public int Count => _idx.Length;
        public int Width { get; }

        public float Dot(int row, ReadOnlySpan<float> dense)
        {
            float s = 0;
            var idx = _idx[row];
            var val = _val[row];
            for (int k = 0; k < idx.Length; k++) s += val[k] * dense[idx[k]];
            return s;
        }

        public void AddTo(int row, Span<float> dense)
        {
            var idx = _idx[row];
            var val = _val[row];
            for (int k = 0; k < idx.Length; k++) dense[idx[k]] += val[k];
        }
    }

    /// <summary>Spherical k-means (cosine) over sparse rows, seeded k-means++ start, at most 20 rounds; deterministic.</summary>
    private static int[] KMeans(SparseRows x, int k, int seed, Action<string> log)
    {
        int n = x.Count, d = x.Width;
        var rng = new Random(seed);
        var centres = new float[k * d];
        var best = new double[n];
        Array.Fill(best, 2.0);
        x.AddTo(rng.Next(n), centres.AsSpan(0, d));
        for (int c = 1; c < k; c++)
        {
            var prev = centres.AsSpan((c - 1) * d, d).ToArray();
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double dist = 1 - x.Dot(i, prev);
                if (dist < best[i]) best[i] = dist;
                sum += best[i] * best[i];
            }
            double pick = rng.NextDouble() * sum;
            int chosen = n - 1;
            for (int i = 0; i < n; i++) { pick -= best[i] * best[i]; if (pick <= 0) { chosen = i; break; } }
            x.AddTo(chosen, centres.AsSpan(c * d, d));
        }
        var assign = new int[n];
        for (int round = 0; round < 20; round++)
        {
            int changed = 0;
            Parallel.For(0, n, i =>
            {
                int arg = 0;
                float top = float.MinValue;
                for (int c = 0; c < k; c++)
                {
                    float s = x.Dot(i, centres.AsSpan(c * d, d));
                    if (s > top) { top = s; arg = c; }
                }
                if (assign[i] != arg || round == 0) { assign[i] = arg; Interlocked.Increment(ref changed); }
            });
            Array.Clear(centres);
            for (int i = 0; i < n; i++) x.AddTo(i, centres.AsSpan(assign[i] * d, d));
            for (int c = 0; c < k; c++) Normalize(centres.AsSpan(c * d, d));
            log($"k-means k={k} round {round + 1}: {changed} changed");
            if (changed == 0) break;
        }
        return assign;
    }
}
