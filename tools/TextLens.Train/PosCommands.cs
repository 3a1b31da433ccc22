using System.CommandLine;
using System.Diagnostics;

namespace TextLens.Train;

/// <summary>`pos` (train the tagger + lemmatizer tables) and `eval` (score them on a CoNLL-U file).</summary>
internal static class PosCommands
{
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(TrainCommand());
        root.Subcommands.Add(EvalCommand());
    }

    private static Command TrainCommand()
    {
        var train = new Option<FileInfo>("--train") { Description = "Training treebank (CoNLL-U), e.g. en_ewt-ud-train.conllu.", Required = true };
        var dev = new Option<FileInfo?>("--dev") { Description = "Development treebank scored after each epoch (selects the best epoch)." };
        var output = new Option<FileInfo>("--out") { Description = "Model file to write.", DefaultValueFactory = _ => new FileInfo("data/models/pos.bin") };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed; the same seed gives the same model.", DefaultValueFactory = _ => 1 };
        var fixedMin = new Option<int>("--fixed-min-count") { Description = "Frequent unambiguous words (seen this often, with one tag in --fixed-ratio of cases) are tagged by lookup at run time; 0 = off.", DefaultValueFactory = _ => 20 };
        var fixedRatio = new Option<double>("--fixed-ratio") { Description = "See --fixed-min-count.", DefaultValueFactory = _ => 0.99 };
        var ambMin = new Option<int>("--ambiguity-min-count") { Description = "Rarer words get the unknown ambiguity class.", DefaultValueFactory = _ => 2 };
        var prune = new Option<float>("--prune") { Description = "Drop averaged weights smaller than this from the final model (1 halves the size); 0 = keep all.", DefaultValueFactory = _ => 0f };
        var wordnet = new Option<DirectoryInfo?>("--wordnet") { Description = "WordNet 3.0 dictionary folder (Debian package wordnet-base: /usr/share/wordnet); its word classes become features." };
        var stacked = new Option<bool>("--stacked") { Description = "Add the stacked second pass (+0.1 UPOS on dev, about half the speed).", DefaultValueFactory = _ => true };
        var margin = new Option<float>("--second-pass-margin") { Description = "The stacked pass re-tags only tokens whose first-pass margin is below this (∞ = every token).", DefaultValueFactory = _ => 8f };
        var vocabulary = new Option<int>("--vocabulary") { Description = "Most frequent words whose weights are pre-summed at load time (speed only).", DefaultValueFactory = _ => 4096 };
        var cmd = new Command("pos", "Train the part-of-speech tagger (and the lemmatizer's exception tables).") { train, dev, output, epochs, seed, fixedMin, fixedRatio, ambMin, prune, wordnet, stacked, margin, vocabulary };
        cmd.SetAction(r =>
        {
            var clock = Stopwatch.StartNew();
            var options = new PosTaggerTrainingOptions
            {
                Epochs = r.GetValue(epochs),
                Seed = r.GetValue(seed),
                FixedTagMinCount = r.GetValue(fixedMin),
                FixedTagRatio = r.GetValue(fixedRatio),
                AmbiguityMinCount = r.GetValue(ambMin),
                PruneBelow = r.GetValue(prune),
                WordNetFolder = r.GetValue(wordnet)?.FullName,
                Stacked = r.GetValue(stacked),
                SecondPassMargin = r.GetValue(margin),
                VocabularySize = r.GetValue(vocabulary),
                Log = line => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}"),
            };
            var tagger = PosTaggerTrainer.Train(r.GetValue(train)!.FullName, r.GetValue(dev)?.FullName, options);
            var path = r.GetValue(output)!.FullName;
            tagger.Save(path);
            Console.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes) in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return cmd;
    }

    private static Command EvalCommand()
    {
        var data = new Argument<FileInfo>("conllu") { Description = "Treebank to score (CoNLL-U), e.g. en_ewt-ud-test.conllu." };
        var model = new Option<FileInfo?>("--model") { Description = "POS model file; the one shipped in TextLens when omitted." };
        var raw = new Option<bool>("--end-to-end") { Description = "Also tag each sentence's raw `# text` with TextLens's tokenizer and score by character offsets." };
        var confusions = new Option<int>("--confusions") { Description = "Also print the N most frequent tagging errors.", DefaultValueFactory = _ => 0 };
        var margin = new Option<float?>("--second-pass-margin") { Description = "Override the model's second-pass margin (to measure its effect; ∞ = every token)." };
        var cmd = new Command("eval", "Print UPOS/XPOS/lemma accuracy of the tagger and lemmatizer on a CoNLL-U file.") { data, model, raw, confusions, margin };
        cmd.SetAction(r =>
        {
            var clock = Stopwatch.StartNew();
            var tagger = r.GetValue(model) is { } m ? PosTagger.Load(m.FullName) : PosTagger.Default;
            if (r.GetValue(margin) is { } mg) tagger = tagger.WithSecondPassMargin(mg);
            var lemmatizer = new Lemmatizer(tagger);
            Console.WriteLine($"model loaded in {clock.ElapsedMilliseconds} ms");
            Pipeline? pipeline = null;
            if (r.GetValue(raw))
            {
                pipeline = new Pipeline();
                pipeline.Add(tagger).Add(lemmatizer);
            }
            var result = PosEvaluator.Evaluate(r.GetValue(data)!.FullName, tagger, lemmatizer, pipeline);
            Console.WriteLine(result);
            foreach (var (gold, predicted, count) in result.Confusions.Take(r.GetValue(confusions)))
                Console.WriteLine($"  {count,5}  gold {gold,-14} predicted {predicted}");
            Console.WriteLine($"({clock.Elapsed.TotalSeconds:F1} s)");
            return 0;
        });
        return cmd;
    }
}
