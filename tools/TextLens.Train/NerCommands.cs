using System.CommandLine;
using System.Diagnostics;
using TextLens.Tagging;

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

    /// <summary>The out-of-domain training corpora: wikigold, CrossNER politics, re3d (names-only sentences).</summary>
    internal static List<EntityTrainingSentence> LoadOtherCorpora(string corpora, Action<string> log)
    {
        var all = new List<EntityTrainingSentence>();
        void Add(string name, List<EntityTrainingSentence> s) { log($"{name}: {s.Count} sentences"); all.AddRange(s); }
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
        var prune = new Option<float>("--prune") { Description = "Drop averaged weights smaller than this (1 keeps accuracy and a third fewer features: a smaller, faster model).", DefaultValueFactory = _ => 1f };
        var noPos = new Option<bool>("--no-pos") { Description = "Train without part-of-speech features (the shipped tagger's tags are used by default)." };
        var unerCopies = new Option<int>("--uner-copies") { Description = "How many times the gold UNER EWT dev sentences are repeated in the training data (weight of the in-domain gold).", DefaultValueFactory = _ => 2 };
        var silver = new Option<bool>("--silver") { Description = "Add UD English-EWT train (the sentences of the missing UNER EWT train split) with silver entity labels from a teacher (see --teacher, --silver-pipeline, --constrain); the labels exist only in memory.", DefaultValueFactory = _ => true };
        var teacherOthers = new Option<bool>("--teacher-others") { Description = "Also train the silver teacher on the out-of-domain corpora (wikigold, CrossNER, re3d)." };
        var teacherCopies = new Option<int>("--teacher-copies") { Description = "How many times the teacher sees the UNER EWT dev sentences (with their gold UD parse).", DefaultValueFactory = _ => 1 };
        var useOthers = new Option<bool>("--others") { Description = "Train on the out-of-domain corpora too (wikigold, CrossNER politics, re3d).", DefaultValueFactory = _ => true };
        var teacherKind = new Option<string>("--teacher") { Description = "Silver teacher: 'parse' (gold UD parse features, trained on UNER dev) or 'student' (the student's own training data, no parse).", DefaultValueFactory = _ => "student" };
        var constrainSilver = new Option<bool>("--constrain") { Description = "Correct silver spans with the gold parse: drop spans without a proper noun, extend spans over flat name links.", DefaultValueFactory = _ => true };
        var silverPipeline = new Option<bool>("--silver-pipeline") { Description = "Silver labels from the whole recogniser (model + gazetteer + rules) rather than the teacher model alone (not for the parse teacher's first round).", DefaultValueFactory = _ => true };
        var rounds = new Option<int>("--rounds") { Description = "Self-training rounds: after the first, the student trained with the silver labels relabels UD EWT train.", DefaultValueFactory = _ => 1 };
        var holdout = new Option<bool>("--holdout") { Description = "Honest development run: train on the UNER EWT dev documents with an even index only, score on the odd ones, write no model." };
        var errors = new Option<FileInfo?>("--errors") { Description = "With --holdout: write the held-out sentences where the full system and the gold spans differ to this file." };
        var cmd = new Command("ner", "Train the statistical entity model (PERSON/ORG/LOC) on UNER EWT dev, silver-labelled UD EWT train, wikigold, CrossNER politics and re3d.")
        {
            corpora, output, epochs, seed, prune, noPos, unerCopies, silver, teacherOthers, teacherCopies, teacherKind, constrainSilver, silverPipeline, rounds, useOthers, holdout, errors,
        };
        cmd.SetAction(r =>
        {
            var clock = Stopwatch.StartNew();
            void Log(string line) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}");
            string root = r.GetValue(corpora)!.FullName;
            var tagger = r.GetValue(noPos) ? null : PosTagger.Default;
            EntityTrainingOptions Options(TextWriter? log) => new()
            {
                Epochs = r.GetValue(epochs),
                Seed = r.GetValue(seed),
                MinWeight = r.GetValue(prune),
                Tagger = tagger,
                Log = log,
            };

            var uner = NerSilver.ReadUner(Path.Combine(root, "uner-english-ewt", "en_ewt-ud-dev.iob2"));
            List<UnerSentence>? heldOut = null;
            if (r.GetValue(holdout))
            {
                (uner, heldOut) = NerSilver.SplitByDocument(uner);
                Log($"holdout: training on {uner.Count} UNER dev sentences (even documents), scoring on {heldOut.Count} (odd documents)");
            }
            var data = new List<EntityTrainingSentence>();
            for (int k = 0; k < r.GetValue(unerCopies); k++) data.AddRange(uner.Select(s => s.Sentence));
            Log($"uner-english-ewt dev (x{r.GetValue(unerCopies)}): {uner.Count} sentences");
            var others = LoadOtherCorpora(root, Log);
            if (r.GetValue(useOthers)) data.AddRange(others);

            int silverCount = 0;
            if (r.GetValue(silver))
            {
                var udDev = NerSilver.ReadTreebank(Path.Combine(root, "ud-english-ewt", "en_ewt-ud-dev.conllu"));
                bool parseTeacher = r.GetValue(teacherKind) == "parse";
                EntityModel teacher;
                if (parseTeacher)
                {
                    var withParse = uner.Select(s => NerSilver.WithTreebank(s.Sentence, udDev.GetValueOrDefault(s.SentId))).ToList();
                    var teacherData = new List<EntityTrainingSentence>();
                    for (int k = 0; k < r.GetValue(teacherCopies); k++) teacherData.AddRange(withParse);
                    if (r.GetValue(teacherOthers)) teacherData.AddRange(others);
                    teacher = EntityModel.Train(teacherData, Options(null));
                    Log($"silver teacher (gold parse features) trained on {teacherData.Count} sentences ({teacher.FeatureCount:N0} features)");
                }
                else
                {
                    teacher = EntityModel.Train(data, Options(null));
                    Log($"silver teacher (the student's own data) trained on {data.Count} sentences ({teacher.FeatureCount:N0} features)");
                }
                bool constrain = r.GetValue(constrainSilver);
                var heldPairs = new List<(UnerSentence Gold, ConlluWord[] Words)>();
                if (heldOut is not null)
                    foreach (var s in heldOut)
                        if (udDev.GetValueOrDefault(s.SentId) is { } words && NerSilver.WithTreebank(s.Sentence, words).GoldPos is not null)
                            heldPairs.Add((s, words));
                var train = Conllu.ReadFile(Path.Combine(root, "ud-english-ewt", "en_ewt-ud-train.conllu"));
                List<string[]> Labels(IReadOnlyList<ConlluWord[]> sentences, EntityModel labeller, bool parseFeatures)
                {
                    List<string[]> tags;
                    if (r.GetValue(silverPipeline) && !parseFeatures)
                    {
                        var nlp = new Pipeline().Add(new SentenceSplitter()).Add(PosTagger.Default).Add(new EntityRecognizer(EntityRuler.Empty, labeller));
                        tags = NerSilver.LabelWithPipeline(nlp, sentences.Select(w => (IReadOnlyList<string>)w.Select(x => x.Form).ToArray()).ToList());
                    }
                    else
                    {
                        tags = sentences.Select(words =>
                        {
                            var sentence = NerSilver.FromTreebank(words);
                            if (!parseFeatures) sentence = new EntityTrainingSentence(sentence.Tokens, sentence.Tags);
                            return labeller.Label(sentence, tagger);
                        }).ToList();
                    }
                    return constrain ? tags.Select((t, i) => NerSilver.Constrain(sentences[i], t)).ToList() : tags;
                }
                List<EntityTrainingSentence> silverData = [];
                for (int round = 0; round < Math.Max(1, r.GetValue(rounds)); round++)
                {
                    bool parse = parseTeacher && round == 0;
                    if (heldOut is not null)
                    {
                        var predicted = Labels(heldPairs.Select(p => p.Words).ToList(), teacher, parse);
                        foreach (var (type, score) in NerSilver.Score(heldPairs.Select((p, i) => (p.Gold.Sentence.Tags, (IReadOnlyList<string>)predicted[i]))))
                            Log($"held-out  silver labels (round {round + 1}) {type,-7} {score}");
                    }
                    var labels = Labels(train.Select(s => s.Words).ToList(), teacher, parse);
                    silverData = train.Select((s, i) => new EntityTrainingSentence(s.Words.Select(w => w.Form).ToArray(), labels[i])).ToList();
                    if (round + 1 < r.GetValue(rounds))
                    {
                        teacher = EntityModel.Train([.. data, .. silverData], Options(null));
                        Log($"round {round + 2} teacher: the student trained with this round's silver labels");
                    }
                }
                silverCount = silverData.Count;
                Log($"ud-english-ewt train (silver): {silverData.Count} sentences; entities {NerSilver.CountEntities(silverData)}");
                data.AddRange(silverData);
            }

            var model = EntityModel.Train(data, Options(Console.Out));
            Log($"trained on {data.Count} sentences ({model.FeatureCount:N0} features)");
            if (heldOut is not null)
            {
                var eval = heldOut.Select(s => s.Sentence).ToList();
                foreach (var (type, score) in model.Evaluate(eval, PosTagger.Default).OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    Log($"held-out  model alone   {type,-7} {score}");
                var nlp = new Pipeline().Add(new SentenceSplitter()).Add(PosTagger.Default).Add(new EntityRecognizer(EntityRuler.Empty, model));
                using var errorLog = r.GetValue(errors) is { } e ? new StreamWriter(e.FullName) : null;
                foreach (var (type, score) in ScoreFull(nlp, eval, errorLog).OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    Log($"held-out  full system   {type,-7} {score}");
                return 0;
            }
            var path = r.GetValue(output)!.FullName;
            model.Save(path, new Dictionary<string, string>
            {
                ["corpora"] = r.GetValue(silver)
                    ? "uner-english-ewt dev; ud-english-ewt train (silver entity labels); wikigold; crossner-politics train+dev+test; re3d (permissive subsets)"
                    : "uner-english-ewt dev; wikigold; crossner-politics train+dev+test; re3d (permissive subsets)",
                ["silver-teacher"] = r.GetValue(silver)
                    ? $"{r.GetValue(teacherKind)}; pipeline {(r.GetValue(silverPipeline) ? "yes" : "no")}; parse constraints {(r.GetValue(constrainSilver) ? "yes" : "no")}; rounds {r.GetValue(rounds)}"
                    : "none",
                ["epochs"] = r.GetValue(epochs).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["seed"] = r.GetValue(seed).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["sentences"] = data.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["silver-sentences"] = silverCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["uner-copies"] = r.GetValue(unerCopies).ToString(System.Globalization.CultureInfo.InvariantCulture),
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
