using System.CommandLine;
using System.Diagnostics;
using TextLens.Stance;

namespace TextLens.Train;

/// <summary>
/// `stance` (train the stance-cue tagger on gold folders in the evaluation schema, optionally reporting
/// leave-one-document-out cross-validation) and `stance-eval` (score a model, or cross-validate, on a gold folder).
/// </summary>
internal static class StanceCommands
{
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(TrainCommand());
        root.Subcommands.Add(EvalCommand());
    }

    private static readonly string[] DefaultGold = ["../shared/eval/dev/gold", "../shared/eval/public/gold"];

    private static Option<int> EpochsOption() => new("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => new StanceTrainingOptions().Epochs };
    private static Option<int> SeedOption() => new("--seed") { Description = "Shuffle seed; the same seed gives the same model.", DefaultValueFactory = _ => 1 };
    private static Option<float> PenaltyOption() => new("--outside-penalty") { Description = "Decoding penalty on 'no cue' (higher: more recall, less precision).", DefaultValueFactory = _ => new StanceTrainingOptions().OutsidePenalty };
    private static Option<float> PruneOption() => new("--prune") { Description = "Drop averaged weights smaller than this.", DefaultValueFactory = _ => new StanceTrainingOptions().MinWeight };

    private static Command TrainCommand()
    {
        var gold = new Option<string[]>("--gold") { Description = "Gold folders (*.json in the evaluation schema, texts beside them); repeat for several.", DefaultValueFactory = _ => DefaultGold, AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out") { Description = "Model file to write.", DefaultValueFactory = _ => new FileInfo("data/models/stance.bin") };
        var epochs = EpochsOption();
        var seed = SeedOption();
        var cv = new Option<bool>("--cv") { Description = "Also report leave-one-document-out cross-validation over all the gold documents (trains one model per document)." };
        var penalty = PenaltyOption();
        var prune = PruneOption();
        var cmd = new Command("stance", "Train the stance-cue tagger (BILOU over the seven cue types, averaged perceptron) on gold folders.") { gold, output, epochs, seed, cv, penalty, prune };
        cmd.SetAction(r =>
        {
            var clock = Stopwatch.StartNew();
            var docs = ReadAll(r.GetValue(gold)!);
            var options = new StanceTrainingOptions { Epochs = r.GetValue(epochs), Seed = r.GetValue(seed), OutsidePenalty = r.GetValue(penalty), MinWeight = r.GetValue(prune), Io = Environment.GetEnvironmentVariable("TEXTLENS_STANCE_IO") == "1" };
            Console.WriteLine($"{docs.Count} documents, {docs.Sum(d => d.Cues.Count)} gold cues");
            if (r.GetValue(cv)) Report(StanceTrainer.CrossValidate(docs, options, Console.WriteLine), "leave-one-document-out cross-validation");
            var model = StanceTrainer.Train(docs, options);
            var path = r.GetValue(output)!.FullName;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            model.Save(path);
            Console.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes, {model.Perceptron.FeatureCount:N0} features) in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return cmd;
    }

    private static Command EvalCommand()
    {
        var gold = new Argument<string[]>("gold") { Description = "Gold folders (*.json in the evaluation schema, texts beside them).", Arity = ArgumentArity.OneOrMore };
        var model = new Option<FileInfo?>("--model") { Description = "Model file to score (default: the built-in model)." };
        var rules = new Option<bool>("--rules-only") { Description = "Score the lexicon rules without a model (TextLens 0.1's detector)." };
        var cv = new Option<bool>("--cv") { Description = "Leave-one-document-out cross-validation over the gold documents instead of scoring one model." };
        var epochs = EpochsOption();
        var seed = SeedOption();
        var penalty = PenaltyOption();
        var prune = PruneOption();
        var errors = new Option<FileInfo?>("--errors") { Description = "With --cv: write the held-out misses, extra cues and wrong holders to this file." };
        var cmd = new Command("stance-eval", "Score stance cues on gold folders: strict and lenient P/R/F1 per type and holder accuracy.") { gold, model, rules, cv, epochs, seed, penalty, prune, errors };
        cmd.SetAction(r =>
        {
            var docs = ReadAll(r.GetValue(gold)!);
            if (r.GetValue(cv))
            {
                var options = new StanceTrainingOptions { Epochs = r.GetValue(epochs), Seed = r.GetValue(seed), OutsidePenalty = r.GetValue(penalty), MinWeight = r.GetValue(prune), Io = Environment.GetEnvironmentVariable("TEXTLENS_STANCE_IO") == "1" };
                using var errorWriter = r.GetValue(errors) is { } ef ? new StreamWriter(ef.FullName) : null;
                if (int.TryParse(Environment.GetEnvironmentVariable("TEXTLENS_STANCE_GOLD_COPIES"), out int gc)) options = options with { Copies = docs.ToDictionary(d => d.Id, _ => gc) };
                var extraDocs = Environment.GetEnvironmentVariable("TEXTLENS_STANCE_EXTRA") is { Length: > 0 } ex ? StanceTrainer.ReadGold(ex, StanceTrainer.AnalysisPipeline(), "../shared/eval/dev/texts") : null;
                Report(StanceTrainer.CrossValidate(docs, options, Console.WriteLine, errorWriter, extraDocs), $"leave-one-document-out cross-validation, {docs.Count} documents");
                return 0;
            }
            if (r.GetValue(rules) && r.GetValue(errors) is { } rowFile)
            {
                // per lexicon row: how often its cue overlaps a gold cue of the same type (precision of the row)
                var detector = new StanceDetector(StanceLexicon.Default, null);
                var stats = new Dictionary<int, (int Hit, int All)>();
                foreach (var d in docs)
                    foreach (var c in detector.Detect(d.Document))
                    {
                        bool hit = d.Cues.Any(g => g.Type == c.Type && g.Start < c.End && c.Start < g.End);
                        var (h, a) = stats.GetValueOrDefault(c.RuleIndex);
                        stats[c.RuleIndex] = (h + (hit ? 1 : 0), a + 1);
                    }
                using var w = new StreamWriter(rowFile.FullName);
                foreach (var (row, (h, a)) in stats.OrderBy(x => x.Key))
                    w.WriteLine($"{StanceLexicon.Default.Entries[row].Line}\t{h}/{a}\t{StanceLexicon.Default.Entries[row].Type}\t{StanceLexicon.Default.Entries[row].Pattern}");
            }
            StanceModel? m = r.GetValue(rules) ? null : r.GetValue(model) is { } f ? StanceModel.Load(f.FullName) : StanceModel.Default;
            Report(StanceTrainer.Score(new StanceDetector(StanceLexicon.Default, m), docs), m is null ? "lexicon rules only" : r.GetValue(model)?.Name ?? "built-in model");
            return 0;
        });
        return cmd;
    }

    private static List<StanceGoldDocument> ReadAll(string[] folders)
    {
        var pipeline = StanceTrainer.AnalysisPipeline();
        return folders.SelectMany(f => StanceTrainer.ReadGold(f, pipeline)).ToList();
    }

    private static void Report(StanceScores s, string title)
    {
        Console.WriteLine($"# stance cues: {title}");
        Console.WriteLine($"{"type",-12} {"gold",5} {"sys",5}   {"strict P",8} {"R",6} {"F1",6}   {"lenient P",9} {"R",6} {"F1",6}");
        void Line(string name, Prf strict, Prf lenient) =>
            Console.WriteLine($"{name,-12} {lenient.Gold,5} {lenient.System,5}   {strict.Precision,8:0.000} {strict.Recall,6:0.000} {strict.F1,6:0.000}   {lenient.Precision,9:0.000} {lenient.Recall,6:0.000} {lenient.F1,6:0.000}");
        Line("all", s.Strict, s.Lenient);
        foreach (var t in Enum.GetValues<StanceCueType>()) Line(t.ToString().ToUpperInvariant(), s.StrictOf(t), s.LenientOf(t));
        Console.WriteLine($"holder accuracy on lenient matches: {s.HolderAccuracy:0.000} ({s.HolderCorrect}/{s.HolderMatched})");
    }
}
