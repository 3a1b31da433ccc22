using System.Diagnostics;
using System.Security.Cryptography;
using TextLens.Reliability;

namespace TextLens.Fuzz;

/// <summary>
/// Fuzzing harness for TextLens. Two engines over the same targets (tests/TextLens.Tests/Reliability/FuzzTargets.cs):
/// the built-in deterministic mutational fuzzer (default; libFuzzer-style) and AFL++ through SharpFuzz (<c>--afl</c>).
/// Run it with <c>tools/fuzz.sh &lt;target&gt; &lt;seconds&gt; [seed]</c>.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: TextLens.Fuzz <target> [--seconds N] [--runs N] [--seed N] [--max-len BYTES] [--timeout-ms N]
                             [--seeds DIR] [--findings DIR] [--large BYTES]
               --large BYTES: text targets also run each input with its sentence ends (. ! ? line breaks) blanked
                              and repeated to BYTES/4 and to BYTES: a time ratio far above 4 is a finding
                              (superlinear-*.bin), as is a timeout on the large input
               TextLens.Fuzz <target> --replay FILE|DIR     run saved inputs once (exit 1 if any fails)
               TextLens.Fuzz <target> --afl                 AFL++ persistent mode (SharpFuzz), under afl-fuzz
               TextLens.Fuzz --list | --dump FILE
        """;

    private static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help") { Console.WriteLine(Usage); return args.Length == 0 ? 2 : 0; }
        if (args[0] == "--dump" && args.Length == 2)
        {
            // Debugging aid: show the layers of one input file (text decoded like the text targets).
            var doc = Pipeline.CreateEnglish().Process(FuzzTargets.DecodeText(File.ReadAllBytes(args[1])), "dump");
            foreach (var t in doc.Tokens) Console.WriteLine($"token [{t.Start},{t.End}) {t.Kind} '{t.Text}' sentence {t.SentenceIndex}");
            foreach (var e in doc.Entities) Console.WriteLine($"entity [{e.Start},{e.End}) tokens [{e.TokenStart},{e.TokenEnd}) {e.Label} '{e.Text}' {e.Source}");
            foreach (var c in doc.StanceCues) Console.WriteLine($"cue [{c.Start},{c.End}) {c.Type} '{c.Text}' holder '{c.Holder}'");
            return 0;
        }
        if (args[0] == "--write-seeds" && args.Length == 2)
        {
            // Regenerates the binary/JSON seeds that depend on the library's own writers (model file, document JSON).
            string dir = args[1];
            Directory.CreateDirectory(Path.Combine(dir, "model"));
            Directory.CreateDirectory(Path.Combine(dir, "json"));
            byte[] model = FuzzTargets.SeedModel();
            File.WriteAllBytes(Path.Combine(dir, "model", "ner-tiny.bin"), model);
            File.WriteAllBytes(Path.Combine(dir, "model", "ner-tiny-resealed.bin"), [0x01, .. model]);
            var nlp = Pipeline.CreateEnglish();
            File.WriteAllText(Path.Combine(dir, "json", "short.json"), nlp.Process("Azerbaijan will not sign until Armenia changes its constitution, Aliyev said.", "short").ToJson());
            File.WriteAllText(Path.Combine(dir, "json", "mixed.json"), nlp.Process("Dr. Smith (U.S.) said: \"It is likely.\"\n\nשלום 😀 e-mail a@b.org", "mixed").ToJson());
            return 0;
        }
        if (args[0] == "--list")
        {
            foreach (var (name, what) in FuzzTargets.Descriptions) Console.WriteLine($"{name,-10} {what}");
            return 0;
        }
        string target = args[0];
        if (!FuzzTargets.Descriptions.ContainsKey(target))
        {
            Console.Error.WriteLine($"unknown target '{target}'; known: {string.Join(", ", FuzzTargets.Descriptions.Keys)}");
            return 2;
        }
        var o = new Options();
        for (int i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--seconds": o.Seconds = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--runs": o.Runs = long.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--seed": o.Seed = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--max-len": o.MaxLength = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--timeout-ms": o.TimeoutMs = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--seeds": o.SeedDirs.Add(Next()); break;
                case "--findings": o.Findings = Next(); break;
                case "--replay": o.Replay = Next(); break;
                case "--afl": o.Afl = true; break;
                case "--large": o.Large = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}\n{Usage}"); return 2;
            }
        }
        if (o.Afl)
        {
            // AFL++ persistent mode: afl-fuzz feeds inputs through shared memory; TextLens.dll must be instrumented with `sharpfuzz`.
            SharpFuzz.Fuzzer.Run(stream =>
            {
                using var ms = new MemoryStream();
                stream.CopyTo(ms);
                try { FuzzTargets.Run(target, ms.ToArray()); }
                catch (Exception e) when (e is not InvariantException && IsExpected(target, e)) { }
            });
            return 0;
        }
        return o.Replay is not null ? Replay(target, o.Replay) : new Engine(target, o).Run();
    }

    /// <summary>Exceptions a target may let escape. None: each target catches the documented rejections itself (DataFileException for loaders).</summary>
    internal static bool IsExpected(string target, Exception e) => false;

    private static int Replay(string target, string path)
    {
        var files = Directory.Exists(path) ? Directory.GetFiles(path).Where(f => !f.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray() : [path];
        int failed = 0;
        foreach (var f in files)
        {
            var sw = Stopwatch.StartNew();
            try
            {
                FuzzTargets.Run(target, File.ReadAllBytes(f));
                Console.WriteLine($"ok    {f} ({sw.ElapsedMilliseconds} ms)");
            }
            catch (Exception e) when (!IsExpected(target, e))
            {
                failed++;
                Console.WriteLine($"FAIL  {f}: {e.GetType().Name}: {e.Message}");
            }
        }
        Console.WriteLine($"replayed {files.Length} inputs, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    internal sealed class Options
    {
        public double Seconds = 60;
        public long Runs = long.MaxValue;
        public int Seed = 1;
        public int MaxLength = 4096;
        public int TimeoutMs = 10_000;
        public List<string> SeedDirs = [];
        public string? Findings;
        public string? Replay;
        public bool Afl;
        public int Large;
    }

    internal static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "TextLens.sln"))) return dir.FullName;
        return Environment.CurrentDirectory;
    }

    internal static string Hash(byte[] data) => Convert.ToHexStringLower(SHA1.HashData(data))[..12];
}

/// <summary>The in-process mutational engine: corpus, mutation, pseudo-coverage, watchdog, crash files.</summary>
internal sealed class Engine
{
    private readonly string _target;
    private readonly Program.Options _o;
    private readonly Random _rng;
    private readonly List<byte[]> _corpus = [];
    private readonly HashSet<ulong> _features = [];
    private readonly HashSet<string> _crashKinds = [];
    private readonly string _findings;
    private byte[] _current = [];
    private long _currentStart; // Stopwatch ticks when the current input started; 0 when idle
    private long _execs;
    private ulong _seenBits;

    public Engine(string target, Program.Options o)
    {
        _target = target;
        _o = o;
        _rng = new Random(o.Seed);
        _findings = o.Findings ?? Path.Combine(Program.RepoRoot(), "artifacts", "fuzz", target);
    }

    public int Run()
    {
        bool text = FuzzTargets.IsTextTarget(_target);
        LoadSeeds(text);
        Directory.CreateDirectory(_findings);
        var mutator = new Mutator(_rng, _o.MaxLength);
        var watchdog = new Thread(Watchdog) { IsBackground = true, Name = "fuzz-watchdog" };
        watchdog.Start();

        Console.WriteLine($"fuzz {_target}: seed {_o.Seed}, {_corpus.Count} seed inputs, max {_o.MaxLength} bytes, timeout {_o.TimeoutMs} ms, findings in {_findings}"
            + (_o.Large > 0 && text ? $", large-input mode {_o.Large:N0} bytes" : ""));
        foreach (var s in _corpus.ToArray()) Execute(s, addToCorpus: false);
        var sw = Stopwatch.StartNew();
        var nextReport = TimeSpan.FromSeconds(10);
        while (sw.Elapsed.TotalSeconds < _o.Seconds && _execs < _o.Runs)
        {
            var parent = _corpus.Count > 0 ? _corpus[_rng.Next(_corpus.Count)] : [];
            var input = mutator.Mutate(parent, _corpus, text);
            Execute(input, addToCorpus: true);
            if (_o.Large > 0 && text) CheckLinear(input);
            if (sw.Elapsed >= nextReport)
            {
                Console.WriteLine($"#{_execs} {sw.Elapsed.TotalSeconds:F0}s {_execs / sw.Elapsed.TotalSeconds:F0}/s corpus {_corpus.Count} features {_features.Count} crashes {_crashKinds.Count}");
                nextReport += TimeSpan.FromSeconds(10);
            }
        }
        double secs = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"DONE target={_target} seed={_o.Seed} inputs={_execs} seconds={secs:F0} rate={_execs / Math.Max(secs, 1e-9):F0}/s corpus={_corpus.Count} features={_features.Count} crashes={_crashKinds.Count}");
        return _crashKinds.Count == 0 ? 0 : 1;
    }

    private void Execute(byte[] input, bool addToCorpus)
    {
        _current = input;
        long alloc0 = GC.GetAllocatedBytesForCurrentThread();
        Volatile.Write(ref _currentStart, Stopwatch.GetTimestamp());
        try
        {
            ulong feature = FuzzTargets.Run(_target, input);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - alloc0;
            long allowed = 256L << 20 | (long)input.Length * 4000;
            if (allocated > allowed) throw new InvalidOperationException($"excessive allocation: {allocated:N0} bytes for a {input.Length}-byte input");
            // Interesting = sets a feature bit never seen before, or a new combination while the corpus is small.
            bool newBit = (feature & ~_seenBits) != 0;
            _seenBits |= feature;
            if (_features.Add(feature) && addToCorpus && (newBit || _corpus.Count < 2048)) _corpus.Add(input);
        }
        catch (Exception e) when (!Program.IsExpected(_target, e))
        {
            Crash(input, e);
        }
        finally
        {
            Volatile.Write(ref _currentStart, 0);
            _execs++;
        }
    }

    /// <summary>
    /// Large-input mode: one long unpunctuated "sentence" made of the input, at a quarter size and full size. Time must
    /// grow about linearly; stages quadratic in sentence length (issue 16) show a ratio near 16 here.
    /// </summary>
    private void CheckLinear(byte[] input)
    {
        if (input.Length == 0) return;
        byte[] small = Expand(input, _o.Large / 4), large = Expand(input, _o.Large);
        double Time(byte[] data)
        {
            // Start each timing from a collected heap: otherwise the collection of an earlier large input lands in a later
            // run (patterns and csv showed ratios of 10-30 in-process and 1.8-2.7 in fresh processes).
            GC.Collect();
            GC.WaitForPendingFinalizers();
            _current = data;
            Volatile.Write(ref _currentStart, Stopwatch.GetTimestamp());
            var sw = Stopwatch.StartNew();
            try { FuzzTargets.Run(_target, data); }
            catch (Exception e) when (!Program.IsExpected(_target, e)) { Crash(input, e); }
            finally { Volatile.Write(ref _currentStart, 0); _execs++; }
            return sw.Elapsed.TotalSeconds;
        }
        double ts = Time(small), tl = Time(large);
        if (tl < 0.2 || tl < 10 * ts) return;
        // Confirm with the best of three before reporting: the machine is shared and a collection can land anywhere.
        ts = Math.Min(ts, Math.Min(Time(small), Time(small)));
        tl = Math.Min(tl, Math.Min(Time(large), Time(large)));
        if (tl < 10 * Math.Max(ts, 0.01)) return;
        string kind = "superlinear";
        if (!_crashKinds.Add(kind + Program.Hash(input)[..4]) || _crashKinds.Count(k => k.StartsWith(kind, StringComparison.Ordinal)) > 5) return;
        string name = Path.Combine(_findings, $"superlinear-{Program.Hash(input)}");
        File.WriteAllBytes(name + ".bin", input);
        File.WriteAllText(name + ".txt", $"target: {_target}\nkind: superlinear time: {small.Length:N0} bytes {ts:F3} s, {large.Length:N0} bytes {tl:F3} s (x{tl / Math.Max(ts, 1e-9):F1}); expand with --large {_o.Large}\n");
        Console.WriteLine($"SUPERLINEAR ({ts:F3} s -> {tl:F3} s for 4x the input) saved to {name}.bin");
    }

    /// <summary>The input with its sentence ends blanked (ASCII bytes only, so UTF-8 stays valid), repeated to about <paramref name="bytes"/>.</summary>
    internal static byte[] Expand(byte[] input, int bytes)
    {
        bool utf16 = input[0] == 0xFE; // FuzzTargets.DecodeText: raw UTF-16LE after the marker byte
        var unit = (utf16 ? input[1..] : input).Select(b => b is (byte)'.' or (byte)'!' or (byte)'?' or (byte)'\n' or (byte)'\r' ? (byte)' ' : b).ToList();
        if (utf16 && unit.Count % 2 == 1) unit.RemoveAt(unit.Count - 1);
        if (!utf16) unit.Add((byte)' ');
        if (unit.Count == 0) return input;
        var result = new List<byte>(bytes + unit.Count + 1);
        if (utf16) result.Add(0xFE);
        while (result.Count < bytes) result.AddRange(unit);
        return result.ToArray();
    }

    private void Crash(byte[] input, Exception e)
    {
        var frame = new StackTrace(e, false).GetFrames().Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType?.Namespace is { } ns && ns.StartsWith("TextLens", StringComparison.Ordinal) && ns != "TextLens.Reliability");
        string kind = $"{e.GetType().Name} at {frame?.DeclaringType?.Name}.{frame?.Name}" + (e is InvariantException ? ": " + new string(e.Message.TakeWhile(c => !char.IsDigit(c)).ToArray()) : "");
        bool fresh = _crashKinds.Add(kind);
        if (!fresh) return;
        string name = Path.Combine(_findings, $"crash-{Program.Hash(input)}");
        File.WriteAllBytes(name + ".bin", input);
        File.WriteAllText(name + ".txt", $"target: {_target}\nkind: {kind}\n\n{e}\n");
        Console.WriteLine($"CRASH #{_crashKinds.Count} ({kind}) saved to {name}.bin: {e.GetType().Name}: {Trim(e.Message)}");
        // The library state stays valid (documents are independent), so keep fuzzing: like libFuzzer's -fork mode with dedupe.
    }

    private void Watchdog()
    {
        while (true)
        {
            Thread.Sleep(100);
            long start = Volatile.Read(ref _currentStart);
            if (start == 0) continue;
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (ms < _o.TimeoutMs) continue;
            var input = _current;
            string name = Path.Combine(_findings, $"timeout-{Program.Hash(input)}");
            File.WriteAllBytes(name + ".bin", input);
            File.WriteAllText(name + ".txt", $"target: {_target}\nkind: timeout ({ms:F0} ms > {_o.TimeoutMs} ms) for {input.Length} bytes\n");
            Console.WriteLine($"TIMEOUT after {ms:F0} ms on a {input.Length}-byte input, saved to {name}.bin");
            Console.WriteLine($"DONE target={_target} seed={_o.Seed} inputs={_execs} crashes={_crashKinds.Count} timeout=1");
            Environment.Exit(3);
        }
    }

    private void LoadSeeds(bool text)
    {
        string root = Program.RepoRoot();
        var dirs = _o.SeedDirs.Count > 0 ? _o.SeedDirs : [Path.Combine(root, "tools", "TextLens.Fuzz", "seeds", _target)];
        foreach (var dir in dirs.Where(Directory.Exists))
            foreach (var f in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
                AddSeed(File.ReadAllBytes(f));
        // Regression inputs are seeds too, so the fuzzer starts from every bug found so far.
        string regressions = Path.Combine(root, "tests", "TextLens.Tests", "Reliability", "FuzzRegressions", _target);
        if (Directory.Exists(regressions))
            foreach (var f in Directory.GetFiles(regressions, "*.bin").Order(StringComparer.Ordinal))
                AddSeed(File.ReadAllBytes(f));
        if (text)
        {
            string article = Path.Combine(root, "data", "huseynov-2025-04-17.txt");
            if (File.Exists(article))
                foreach (var para in File.ReadAllText(article).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
                    AddSeed(System.Text.Encoding.UTF8.GetBytes(para));
        }
        if (_corpus.Count == 0) _corpus.Add([]);
    }

    private void AddSeed(byte[] data) => _corpus.Add(data.Length <= _o.MaxLength ? data : data[.._o.MaxLength]);

    private static string Trim(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
