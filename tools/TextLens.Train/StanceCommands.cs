using System.CommandLine;
using System.Diagnostics;
using TextLens.Stance;

namespace TextLens.Train;

/// <summary>
/// `stance` (train the stance-cue tagger on gold folders in the evaluation schema plus annotations kept apart from their
/// texts, optionally reporting leave-one-document-out cross-validation) and `stance-eval` (score a model, or
/// cross-validate, on gold folders).
/// </summary>
internal static class StanceCommands
{
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(TrainCommand());
        root.Subcommands.Add(EvalCommand());
        root.Subcommands.Add(RowsCommand());
    }

    private static readonly string[] DefaultGold = ["../shared/eval/dev/gold", "../shared/eval/public/gold"];

    /// <summary>Options shared by training and cross-validation.</summary>
    private sealed class Settings
    {
        public readonly Option<int> Epochs = new("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => new StanceTrainingOptions().Epochs };
        public readonly Option<int> Seed = new("--seed") { Description = "Shuffle seed; the same seed gives the same model.", DefaultValueFactory = _ => 1 };
        public readonly Option<float> Penalty = new("--outside-penalty") { Description = "Decoding penalty on 'no cue' (higher: more recall, less precision).", DefaultValueFactory = _ => new StanceTrainingOptions().OutsidePenalty };
        public readonly Option<float> Prune = new("--prune") { Description = "Drop averaged weights smaller than this.", DefaultValueFactory = _ => new StanceTrainingOptions().MinWeight };
        public readonly Option<int> GoldCopies = new("--gold-copies") { Description = "How many times each gold document is repeated next to the extra annotations.", DefaultValueFactory = _ => StanceTrainer.GoldCopies };
        public readonly Option<string> Annotations = new("--annotations") { Description = "Extra training annotations (TSV doc,start,end,type,holder), or 'none'.", DefaultValueFactory = _ => "data/training/stance/policy-commentaries.tsv" };
        public readonly Option<DirectoryInfo> AnnotationTexts = new("--annotation-texts") { Description = "Folder with the texts of the extra annotations (<doc>.txt).", DefaultValueFactory = _ => new DirectoryInfo("../shared/corpora/policy-commentaries/texts") };

        public void AddTo(Command c)
        {
            c.Options.Add(Epochs); c.Options.Add(Seed); c.Options.Add(Penalty); c.Options.Add(Prune);
            c.Options.Add(GoldCopies); c.Options.Add(Annotations); c.Options.Add(AnnotationTexts);
        }

        public StanceTrainingOptions Options(ParseResult r, IEnumerable<StanceGoldDocument> gold) => new()
        {
            Epochs = r.GetValue(Epochs), Seed = r.GetValue(Seed), OutsidePenalty = r.GetValue(Penalty), MinWeight = r.GetValue(Prune),
            Copies = gold.ToDictionary(d => d.Id, _ => r.GetValue(GoldCopies)),
        };

        public List<StanceGoldDocument> Extra(ParseResult r, Pipeline pipeline)
        {
            var path = r.GetValue(Annotations)!;
            if (path == "none") return [];
            var docs = StanceTrainer.ReadAnnotations(path, r.GetValue(AnnotationTexts)!.FullName, pipeline);
            Console.WriteLine($"{path}: {docs.Count} documents, {docs.Sum(d => d.Cues.Count)} cues (training only)");
            return docs;
        }
    }

    private static Command TrainCommand()
    {
        var gold = new Option<string[]>("--gold") { Description = "Gold folders (*.json in the evaluation schema, texts beside them); repeat for several.", DefaultValueFactory = _ => DefaultGold, AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out") { Description = "Model file to write.", DefaultValueFactory = _ => new FileInfo("data/models/stance.bin") };
        var cv = new Option<bool>("--cv") { Description = "Also report leave-one-document-out cross-validation over the gold documents (trains one model per document; the extra annotations train every fold)." };
        var settings = new Settings();
        var cmd = new Command("stance", "Train the stance-cue tagger (BILOU over the seven cue types, averaged perceptron) on gold folders and extra annotations.") { gold, output, cv };
        settings.AddTo(cmd);
        cmd.SetAction(r =>
        {
            var clock = Stopwatch.StartNew();
            var pipeline = StanceTrainer.AnalysisPipeline();
            var docs = ReadAll(r.GetValue(gold)!, pipeline);
            var extra = settings.Extra(r, pipeline);
            var options = settings.Options(r, docs);
            if (r.GetValue(cv)) Report(StanceTrainer.CrossValidate(docs, options, Console.WriteLine, null, extra), $"leave-one-document-out cross-validation, {docs.Count} documents");
            var model = StanceTrainer.Train([.. docs, .. extra], options);
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
        var cv = new Option<bool>("--cv") { Description = "Leave-one-document-out cross-validation over the gold documents instead of scoring one model (the extra annotations train every fold)." };
        var errors = new Option<FileInfo?>("--errors") { Description = "Write the misses, extra cues and wrong holders (held-out ones with --cv) to this file." };
        var settings = new Settings();
        var cmd = new Command("stance-eval", "Score stance cues on gold folders: strict and lenient P/R/F1 per type and holder accuracy.") { gold, model, rules, cv, errors };
        settings.AddTo(cmd);
        cmd.SetAction(r =>
        {
            var pipeline = StanceTrainer.AnalysisPipeline();
            var docs = ReadAll(r.GetValue(gold)!, pipeline);
            using var errorWriter = r.GetValue(errors) is { } ef ? new StreamWriter(ef.FullName) : null;
            if (r.GetValue(cv))
            {
                var extra = settings.Extra(r, pipeline);
                Report(StanceTrainer.CrossValidate(docs, settings.Options(r, docs), Console.WriteLine, errorWriter, extra), $"leave-one-document-out cross-validation, {docs.Count} documents");
                return 0;
            }
            StanceModel? m = r.GetValue(rules) ? null : r.GetValue(model) is { } f ? StanceModel.Load(f.FullName) : StanceModel.Default;
            var detector = new StanceDetector(StanceLexicon.Default, m);
            if (errorWriter is not null) foreach (var d in docs) StanceTrainer.WriteErrors(errorWriter, d, detector.Detect(d.Document));
            Report(StanceTrainer.Score(detector, docs), m is null ? "lexicon rules only" : r.GetValue(model)?.Name ?? "built-in model");
            return 0;
        });
        return cmd;
    }

    /// <summary>`stance-rows`: how often each built-in lexicon row's cue overlaps a gold cue of its type (the rows' precision, for choosing 'rule' rows).</summary>
    private static Command RowsCommand()
    {
        var gold = new Argument<string[]>("gold") { Description = "Gold folders.", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("stance-rows", "Precision of each built-in stance lexicon row on gold folders (rules alone).") { gold };
        cmd.SetAction(r =>
        {
            var docs = ReadAll(r.GetValue(gold)!, StanceTrainer.AnalysisPipeline());
            var detector = new StanceDetector(StanceLexicon.Default, null);
            var stats = new SortedDictionary<int, (int Hit, int All)>();
            foreach (var d in docs)
                foreach (var c in detector.Detect(d.Document))
                {
                    bool hit = d.Cues.Any(g => g.Type == c.Type && g.Start < c.End && c.Start < g.End);
                    var (h, a) = stats.GetValueOrDefault(c.RuleIndex);
                    stats[c.RuleIndex] = (h + (hit ? 1 : 0), a + 1);
                }
            Console.WriteLine("line\thits/matches\ttype\tpattern");
            foreach (var (row, (h, a)) in stats)
            {
                var e = StanceLexicon.Default.Entries[row];
                Console.WriteLine($"{e.Line}\t{h}/{a}\t{e.Type}\t{e.Pattern}");
            }
            return 0;
        });
        return cmd;
    }

    private static List<StanceGoldDocument> ReadAll(string[] folders, Pipeline pipeline) =>
        folders.SelectMany(f => StanceTrainer.ReadGold(f, pipeline)).ToList();

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
