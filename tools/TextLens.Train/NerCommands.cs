using System.CommandLine;
using System.Diagnostics;

namespace TextLens.Train;

/// <summary>`ner` (train the statistical entity model from the shared corpora) and `ner-eval` (score it on UNER-style IOB2 files).</summary>
internal static class NerCommands
{
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(TrainCommand());
        root.Subcommands.Add(EvalCommand());
    }

    /// <summary>Corpus label → model type (PERSON, ORG, LOC); other labels are not entities for the model.</summary>
    internal static string? MapType(string corpusType) => corpusType switch
    {
        "PER" or "Person" or "person" or "politician" => "PERSON",
        "ORG" or "Organisation" or "organisation" or "politicalparty" => "ORG",
        "LOC" or "Location" or "location" or "country" => "LOC",
        _ => null,
    };

    /// <summary>The training corpora under a ../shared/corpora folder (UNER EWT test and PUD are kept for evaluation).</summary>
    internal static List<EntityTrainingSentence> LoadTrainingCorpora(string corpora, Action<string> log)
    {
        var all = new List<EntityTrainingSentence>();
        void Add(string name, List<EntityTrainingSentence> s) { log($"{name}: {s.Count} sentences"); all.AddRange(s); }
        // UNER EWT dev is the only in-domain (web English) set with our label scheme: it counts twice.
        var uner = EntityCorpus.ReadColumns(Path.Combine(corpora, "uner-english-ewt", "en_ewt-ud-dev.iob2"), 1, 2, MapType);
        Add("uner-english-ewt dev (x2)", [.. uner, .. uner]);
        Add("wikigold", EntityCorpus.ReadColumns(Path.Combine(corpora, "wikigold", "wikigold.conll.txt"), 0, 1, MapType));
        foreach (var split in new[] { "train", "dev", "test" })
            Add($"crossner-politics {split}", EntityCorpus.ReadColumns(Path.Combine(corpora, "crossner-politics", split + ".txt"), 0, 1, MapType));
        foreach (var dir in Directory.GetDirectories(Path.Combine(corpora, "re3d", "conll")).Order(StringComparer.Ordinal))
        {
            var list = new List<EntityTrainingSentence>();
            foreach (var f in Directory.GetFiles(dir, "*.conll").Order(StringComparer.Ordinal))
                list.AddRange(EntityCorpus.ReadColumns(f, 0, 1, MapType));
            // re3d also marks nominal mentions ("U.S. service members" as an organisation): keep only sentences whose
            // entities are names (capitalised words, digits and connectors), as TextLens spans are.
            Add($"re3d {Path.GetFileName(dir)} (names only)", list.Where(IsNamesOnly).ToList());
        }
        return all;
    }

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "the", "and", "for", "de", "-", ".", "&", "'s" };

    private static bool IsNamesOnly(EntityTrainingSentence s)
    {
        for (int i = 0; i < s.Tokens.Count; i++)
        {
            var t = s.Tokens[i];
            if (s.Tags[i] != "O" && !(char.IsUpper(t[0]) || char.IsDigit(t[0]) || Connectors.Contains(t))) return false;
        }
        return true;
    }

    private static Command TrainCommand()
    {
        var corpora = new Option<DirectoryInfo>("--corpora") { Description = "The shared corpora folder.", DefaultValueFactory = _ => new DirectoryInfo("../shared/corpora") };
        var output = new Option<FileInfo>("--out") { Description = "Model file to write.", DefaultValueFactory = _ => new FileInfo("data/models/ner.bin") };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed; the same seed gives the same model.", DefaultValueFactory = _ => 1 };
        var prune = new Option<float>("--prune") { Description = "Drop averaged weights smaller than this.", DefaultValueFactory = _ => 0.002f };
        var noPos = new Option<bool>("--no-pos") { Description = "Train without part-of-speech features (the shipped tagger's tags are used by default)." };
        var cmd = new Command("ner", "Train the statistical entity model (PERSON/ORG/LOC) on UNER EWT dev, wikigold, CrossNER politics and re3d.") { corpora, output, epochs, seed, prune, noPos };
        cmd.SetAction(r =>
        {
            var clock = Stopwatch.StartNew();
            void Log(string line) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}");
            var data = LoadTrainingCorpora(r.GetValue(corpora)!.FullName, Log);
            var model = EntityModel.Train(data, new EntityTrainingOptions
            {
                Epochs = r.GetValue(epochs),
                Seed = r.GetValue(seed),
                MinWeight = r.GetValue(prune),
                Tagger = r.GetValue(noPos) ? null : PosTagger.Default,
                Log = Console.Out,
            });
            var path = r.GetValue(output)!.FullName;
            model.Save(path, new Dictionary<string, string>
            {
                ["corpora"] = "uner-english-ewt dev; wikigold; crossner-politics train+dev+test; re3d (permissive subsets)",
                ["epochs"] = r.GetValue(epochs).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["seed"] = r.GetValue(seed).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["sentences"] = data.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["pos-features"] = r.GetValue(noPos) ? "no" : "yes (shipped tagger)",
            });
            Log($"wrote {path} ({new FileInfo(path).Length:N0} bytes, {model.FeatureCount:N0} features)");
            return 0;
        });
        return cmd;
    }

    private static Command EvalCommand()
    {
        var data = new Argument<FileInfo>("iob2") { Description = "UNER IOB2 file to score, e.g. ../shared/corpora/uner-english-ewt/en_ewt-ud-test.iob2." };
        var model = new Option<FileInfo?>("--model") { Description = "Entity model file; the one shipped in TextLens when omitted." };
        var errors = new Option<FileInfo?>("--errors") { Description = "Write every sentence where the full system and the gold spans differ to this file." };
        var cmd = new Command("ner-eval", "Score the entity model alone and the full recogniser (model + gazetteer + rules; PERSON→PER, ORG→ORG, GPE/LOC→LOC) on a UNER IOB2 file.") { data, model, errors };
        cmd.SetAction(r =>
        {
            var m = r.GetValue(model) is { } f ? EntityModel.Load(f.FullName) : EntityModel.BuiltIn ?? throw new InvalidOperationException("No built-in entity model.");
            var sentences = EntityCorpus.ReadColumns(r.GetValue(data)!.FullName, 1, 2, MapType);
            Console.WriteLine($"{sentences.Count} sentences");
            foreach (var (type, score) in m.Evaluate(sentences, PosTagger.Default).OrderBy(kv => kv.Key, StringComparer.Ordinal))
                Console.WriteLine($"model alone   {type,-7} {score}");
            var nlp = new Pipeline().Add(new SentenceSplitter()).Add(PosTagger.Default).Add(new EntityRecognizer(EntityRuler.Empty, m));
            using var errorLog = r.GetValue(errors) is { } e ? new StreamWriter(e.FullName) : null;
            foreach (var (type, score) in ScoreFull(nlp, sentences, errorLog).OrderBy(kv => kv.Key, StringComparer.Ordinal))
                Console.WriteLine($"full system   {type,-7} {score}");
            return 0;
        });
        return cmd;
    }

    /// <summary>Runs the whole recogniser on each sentence (tokens joined by spaces) and scores exact character spans.</summary>
    internal static Dictionary<string, EntityScore> ScoreFull(Pipeline nlp, IReadOnlyList<EntityTrainingSentence> sentences, TextWriter? errors = null)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal) { ["ALL"] = new int[3], ["PER"] = new int[3], ["ORG"] = new int[3], ["LOC"] = new int[3] };
        var texts = sentences.Select(s => string.Join(' ', s.Tokens)).ToList();
        int index = 0;
        foreach (var doc in nlp.Process(texts))
        {
            var s = sentences[index++];
            var gold = new HashSet<(int, int, string)>();
            int offset = 0, start = -1;
            string? type = null;
            for (int i = 0; i <= s.Tokens.Count; i++)
            {
                string tag = i < s.Tokens.Count ? s.Tags[i] : "O";
                if (type is not null && !tag.StartsWith("I-", StringComparison.Ordinal))
                {
                    gold.Add((start, offset - 1, type));
                    type = null;
                }
                if (i == s.Tokens.Count) break;
                if (tag.StartsWith("B-", StringComparison.Ordinal)) { start = offset; type = tag[2..] switch { "PERSON" => "PER", var t => t }; }
                offset += s.Tokens[i].Length + 1;
            }
            var predicted = new HashSet<(int, int, string)>();
            foreach (var e in doc.Entities)
            {
                string? t = e.Label.Name switch { "PERSON" => "PER", "ORG" => "ORG", "GPE" or "LOC" => "LOC", _ => null };
                if (t is not null) predicted.Add((e.Start, e.End, t));
            }
            if (errors is not null && !gold.SetEquals(predicted))
            {
                string text = texts[index - 1];
                string Show(IEnumerable<(int Start, int End, string Type)> spans) =>
                    string.Join(" | ", spans.OrderBy(x => x.Start).Select(x => $"{text[x.Start..x.End]}/{x.Type}"));
                errors.WriteLine(text);
                errors.WriteLine($"  missed:   {Show(gold.Except(predicted))}");
                errors.WriteLine($"  spurious: {Show(predicted.Except(gold))}");
            }
            foreach (var g in gold) { counts["ALL"][0]++; counts[g.Item3][0]++; }
            foreach (var p in predicted)
            {
                counts["ALL"][1]++; counts[p.Item3][1]++;
                if (gold.Contains(p)) { counts["ALL"][2]++; counts[p.Item3][2]++; }
            }
        }
        return counts.ToDictionary(kv => kv.Key, kv =>
        {
            int g = kv.Value[0], p = kv.Value[1], c = kv.Value[2];
            double pr = p == 0 ? 0 : (double)c / p, rc = g == 0 ? 0 : (double)c / g;
            return new EntityScore(pr, rc, pr + rc == 0 ? 0 : 2 * pr * rc / (pr + rc), g, p, c);
        });
    }
}
