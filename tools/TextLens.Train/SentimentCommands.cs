using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace TextLens.Train;

/// <summary>
/// `sentiment` (train the default sentence and entity-tone model, data/models/sentiment.bin, from NewsMTSC, the dev and
/// article gold and data/training), `sentiment-eval` (without a CSV: its cross-validated figures; with a CSV: score the
/// lexicon scorer on it, with a threshold sweep) and `sentiment-mlnet` (train the optional ML.NET sentence classifier
/// from a text,label CSV and report cross-validated lexicon / classifier / blend scores).
/// </summary>
internal static class SentimentCommands
{
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(TrainModelCommand());
        root.Subcommands.Add(TrainCommand());
        root.Subcommands.Add(EvalCommand());
    }

    private static Option<DirectoryInfo> SharedOption() =>
        new("--shared") { Description = "The shared data folder (corpora/newsmtsc, eval/dev, eval/public).", DefaultValueFactory = _ => new DirectoryInfo("../shared") };

    private static Option<int> EpochsOption() =>
        new("--epochs") { Description = "Perceptron epochs.", DefaultValueFactory = _ => SentimentData.DefaultEpochs };

    private static Option<int> WeightOption() =>
        new("--commentary-weight") { Description = "Times each commentary/article/CSV sentence is repeated in training (NewsMTSC: once).", DefaultValueFactory = _ => SentimentData.DefaultCommentaryWeight };

    /// <summary>`sentiment`: trains the shipped perceptron model (data/models/sentiment.bin) on every source.</summary>
    private static Command TrainModelCommand()
    {
        var shared = SharedOption();
        var epochs = EpochsOption();
        var weight = WeightOption();
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo>("--out") { Description = "Model file to write.", DefaultValueFactory = _ => new FileInfo("data/models/sentiment.bin") };
        var cmd = new Command("sentiment", "Train the sentence and entity-tone sentiment model (averaged perceptron) from NewsMTSC, the dev commentaries, the article and data/training.") { shared, epochs, weight, seed, output };
        cmd.SetAction(r =>
        {
            var clock = Stopwatch.StartNew();
            var data = SentimentData.Load(r.GetValue(shared)!.FullName, ".", Console.Out);
            if (data.Sentences.Count == 0) { Console.Error.WriteLine("no training data found (is --shared right?)"); return 1; }
            var meta = TrainingMetadata(data, r.GetValue(epochs), r.GetValue(weight), r.GetValue(seed));
            var model = data.TrainModel(r.GetValue(epochs), r.GetValue(weight), r.GetValue(seed), meta);
            var path = r.GetValue(output)!.FullName;
            model.Save(path);
            Console.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes; sentence {model.Sentence.WeightCount:N0} weights, target {model.Target?.WeightCount ?? 0:N0}) in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return cmd;
    }

    /// <summary>What the model file records about its training.</summary>
    internal static Dictionary<string, string> TrainingMetadata(SentimentData data, int epochs, int weight, int seed) => new()
    {
        ["data"] = "NewsMTSC train (MIT; sentences whose targets agree, all targets), ../shared/eval dev and public gold sentences, data/training/*.csv",
        ["sentences"] = data.Sentences.Count.ToString(CultureInfo.InvariantCulture),
        ["targets"] = data.Targets.Count.ToString(CultureInfo.InvariantCulture),
        ["epochs"] = epochs.ToString(CultureInfo.InvariantCulture),
        ["commentary-weight"] = weight.ToString(CultureInfo.InvariantCulture),
        ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The cross-validated figures of the perceptron model (what `textlens eval sentiment` prints without a CSV).</summary>
    private static int CrossValidate(string shared, int epochs, int weight, int seed, FileInfo? modelFile)
    {
        var clock = Stopwatch.StartNew();
        var data = SentimentData.Load(shared, ".", Console.Out);
        if (Environment.GetEnvironmentVariable("TEXTLENS_SENTIMENT_ERRORS") is { Length: > 0 } errorFile) data.ErrorLog = new StreamWriter(errorFile);
        var dev = data.DevLeaveOneDocumentOut(epochs, weight, seed, Console.Out);
        data.ErrorLog?.Dispose();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dev leave-one-document-out: accuracy {dev.Accuracy:0.000}, macro-F1 {dev.MacroF1:0.000} ({dev.Count} sentences)"));
        var held = data.ArticleHeldOut(epochs, weight, seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"article held out (trained without it): accuracy {held.Accuracy:0.000}, macro-F1 {held.MacroF1:0.000} ({held.Count} sentences)"));
        var model = modelFile is null ? SentimentModel.Default : SentimentModel.Load(modelFile.FullName);
        var article = SentimentData.Score(model.Sentence, data.Sentences.Where(s => s.Source == "article"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"article with the shipped model (trained with it): accuracy {article.Accuracy:0.000}, macro-F1 {article.MacroF1:0.000}"));
        var news = data.NewsTargetCrossValidation(epochs, weight, seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"NewsMTSC 5-fold by sentence, targets: accuracy {news.Accuracy:0.000}, macro-F1 {news.MacroF1:0.000} ({news.Count} targets); entity tone differs from the sentence label for {news.DiffersOverall:P1} of targets; on the {news.MixedTargets} targets of sentences whose gold targets disagree: differs {news.DiffersOnMixed:P1}, target accuracy {news.AccuracyOnMixed:0.000} (sentence label's {news.SentenceLabelAccuracyOnMixed:0.000})"));
        Console.WriteLine($"({clock.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }

    private static Command TrainCommand()
    {
        var data = new Option<FileInfo>("--data") { Description = "Training CSV with columns text,label.", DefaultValueFactory = _ => new FileInfo("data/training/sentiment.csv") };
        var output = new Option<FileInfo>("--out") { Description = "Model zip to write.", DefaultValueFactory = _ => new FileInfo("data/models/sentiment.zip") };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds (0 = none).", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var blend = new Option<bool>("--blend-cv") { Description = "Also cross-validate lexicon, classifier and their blend (sentiment labels only; trains one model per fold)." };
        var cmd = new Command("sentiment-mlnet", "Train an optional ML.NET sentence classifier (sentiment or any other label set) from a text,label CSV.") { data, output, folds, seed, blend };
        cmd.SetAction(r =>
        {
            var clock = Stopwatch.StartNew();
            var examples = SentimentTrainer.ReadCsv(r.GetValue(data)!.FullName);
            Console.WriteLine($"{examples.Count} sentences; labels: {string.Join(", ", examples.GroupBy(e => e.Label).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}"))}");
            var options = new SentimentTrainerOptions { Folds = r.GetValue(folds), Seed = r.GetValue(seed) };
            if (r.GetValue(blend)) BlendCrossValidation(examples, Math.Max(2, options.Folds), options.Seed);
            var classifier = new SentimentTrainer(options).Train(examples, Console.Out);
            var path = r.GetValue(output)!.FullName;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            classifier.Save(path);
            Console.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes) in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return cmd;
    }

    private static Command EvalCommand()
    {
        var data = new Argument<FileInfo?>("csv") { Description = "Labelled CSV (text,label with labels -1/0/1) to score the lexicon scorer on; without it, cross-validate the trained model on ../shared.", Arity = ArgumentArity.ZeroOrOne };
        var shared = SharedOption();
        var epochs = EpochsOption();
        var commentary = WeightOption();
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var model = new Option<FileInfo?>("--model") { Description = "With a CSV: blend this ML.NET classifier with the lexicon. Without: the perceptron model to score the article with (default: the shipped one)." };
        var weight = new Option<double>("--weight") { Description = "Classifier weight in the blend.", DefaultValueFactory = _ => 0.5 };
        var errors = new Option<bool>("--errors") { Description = "List the sentences labelled wrongly at the default threshold, with their contributions." };
        var cmd = new Command("sentiment-eval", "Cross-validate the trained sentiment model on ../shared (dev leave-one-document-out, NewsMTSC 5-fold targets, the article); or, given a CSV, score the lexicon scorer on it.") { data, model, weight, errors, shared, epochs, commentary, seed };
        cmd.SetAction(r =>
        {
            if (r.GetValue(data) is null)
                return CrossValidate(r.GetValue(shared)!.FullName, r.GetValue(epochs), r.GetValue(commentary), r.GetValue(seed), r.GetValue(model));
            var examples = SentimentTrainer.ReadCsv(r.GetValue(data)!.FullName);
            var classifier = r.GetValue(model) is { } m ? SentenceClassifier.Load(m.FullName) : null;
            var analyzer = new SentimentAnalyzer();
            double w = classifier is null ? 0 : r.GetValue(weight);
            var scored = examples.Select(e =>
            {
                double c = analyzer.Score(e.Text).Compound;
                if (classifier is not null)
                {
                    var p = classifier.Predict(e.Text);
                    c = (1 - w) * c + w * (P(classifier, p, "1") - P(classifier, p, "-1"));
                }
                return (Gold: ParseLabel(e.Label), Compound: c, e.Text);
            }).ToList();
            if (r.GetValue(errors))
            {
                double t0 = analyzer.Options.PositiveThreshold;
                foreach (var x in scored.Where(x => Label(x.Compound, t0) != x.Gold))
                {
                    var s = analyzer.Score(x.Text);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gold {x.Gold,2} got {x.Compound,6:0.000} | {x.Text}"));
                    Console.WriteLine("      " + string.Join("; ", s.Contributions.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Text} {c.Weight:+0.00;-0.00} {c.Modifiers}"))));
                }
            }
            foreach (double t in new[] { 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4 })
            {
                var (acc, f1) = Metrics(scored.Select(x => (x.Gold, Label(x.Compound, t))));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold {t:0.00}: accuracy {acc:0.000}, macro-F1 {f1:0.000}"));
            }
            return 0;
        });
        return cmd;
    }

    private static void BlendCrossValidation(IReadOnlyList<LabeledSentence> examples, int folds, int seed)
    {
        var order = examples.Select((e, i) => (e, i)).OrderBy(x => HashCode.Combine(seed, x.i)).Select(x => x.e).ToArray();
        var analyzer = new SentimentAnalyzer();
        var rows = new List<(int Gold, double Lex, double Ml)>();
        for (int f = 0; f < folds; f++)
        {
            var test = order.Where((_, i) => i % folds == f).ToArray();
            var train = order.Where((_, i) => i % folds != f).ToArray();
            var c = new SentimentTrainer(new SentimentTrainerOptions { Folds = 0, Seed = seed }).Train(train);
            foreach (var e in test)
            {
                var p = c.Predict(e.Text);
                rows.Add((ParseLabel(e.Label), analyzer.Score(e.Text).Compound, P(c, p, "1") - P(c, p, "-1")));
            }
        }
        foreach (double w in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
            foreach (double t in new[] { 0.1, 0.15, 0.2, 0.3 })
            {
                var (acc, f1) = Metrics(rows.Select(x => (x.Gold, Label((1 - w) * x.Lex + w * x.Ml, t))));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"blend CV: classifier weight {w:0.00}, threshold {t:0.00}: accuracy {acc:0.000}, macro-F1 {f1:0.000}"));
            }
    }

    private static double P(SentenceClassifier c, SentencePrediction p, string label)
    {
        for (int i = 0; i < c.Labels.Count; i++)
            if (ParseLabel(c.Labels[i]) == ParseLabel(label)) return p.Probabilities[i];
        return 0;
    }

    private static int ParseLabel(string s) => s.Trim().ToLowerInvariant() switch
    {
        "1" or "+1" or "positive" => 1,
        "-1" or "negative" => -1,
        _ => 0,
    };

    private static int Label(double c, double t) => c >= t ? 1 : c <= -t ? -1 : 0;

    private static (double Accuracy, double MacroF1) Metrics(IEnumerable<(int Gold, int Pred)> pairs)
    {
        var list = pairs.ToList();
        double acc = list.Count(p => p.Gold == p.Pred) / (double)list.Count;
        double f1 = 0;
        foreach (int c in new[] { -1, 0, 1 })
        {
            int tp = list.Count(p => p.Gold == c && p.Pred == c), fp = list.Count(p => p.Gold != c && p.Pred == c), fn = list.Count(p => p.Gold == c && p.Pred != c);
            f1 += tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        }
        return (acc, f1 / 3);
    }
}
