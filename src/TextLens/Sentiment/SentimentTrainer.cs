using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using TextLens.Models;
using TextLens.Sentiment;

namespace TextLens;

/// <summary>A training example: a sentence and its label.</summary>
/// <param name="Text">The sentence.</param>
/// <param name="Label">Its label (any string: <c>-1/0/1</c>, <c>positive</c>, <c>REFUSAL</c>, …).</param>
public sealed record LabeledSentence(string Text, string Label);

/// <summary>Metrics of one cross-validation fold, or their mean.</summary>
/// <param name="Accuracy">Share of sentences labelled correctly (micro accuracy).</param>
/// <param name="MacroAccuracy">Mean per-label recall.</param>
/// <param name="MacroF1">Mean per-label F1.</param>
/// <param name="LogLoss">Mean log-loss.</param>
public sealed record ClassifierMetrics(double Accuracy, double MacroAccuracy, double MacroF1, double LogLoss)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"accuracy {Accuracy:0.000}, macro-accuracy {MacroAccuracy:0.000}, macro-F1 {MacroF1:0.000}, log-loss {LogLoss:0.000}");
}

/// <summary>Cross-validation results: one entry per fold and their mean.</summary>
/// <param name="Folds">Metrics of each fold.</param>
/// <param name="Mean">The mean over folds.</param>
public sealed record CrossValidationResult(IReadOnlyList<ClassifierMetrics> Folds, ClassifierMetrics Mean);

/// <summary>Options of <see cref="SentimentTrainer"/>.</summary>
public sealed record SentimentTrainerOptions
{
    /// <summary>Cross-validation folds run before the final model is trained; 0 or 1 skips cross-validation. Default 5.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Random seed (ML.NET context, fold split). Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>L2 regularisation of the SDCA maximum-entropy trainer; null lets ML.NET choose. Default 0.01.</summary>
    public float? L2Regularization { get; init; } = 0.01f;

    /// <summary>SDCA iterations; null lets ML.NET choose. Default 100.</summary>
    public int? MaximumIterations { get; init; } = 100;

    /// <summary>
    /// Pipeline that annotates each training sentence before TextLens features are computed (stance cues are
    /// features); defaults to <see cref="Pipeline.CreateEnglish"/> without its sentiment component.
    /// </summary>
    public Pipeline? FeaturePipeline { get; init; }
}

/// <summary>
/// Trains a <see cref="SentenceClassifier"/> from labelled sentences: ML.NET text featurisation (word uni-/bigrams and
/// character trigrams) plus TextLens features (lexicon compound and sums, negation, booster, contrast, irrealis, hedge
/// and reporting counts, stance cue counts per type), SDCA maximum entropy, with cross-validation metrics.
/// Works for any label set.
/// </summary>
/// <example>
/// <code>
/// var classifier = new SentimentTrainer().Train("data/training/sentiment.csv", Console.Out);
/// classifier.Save("sentiment.zip");
/// var nlp = Pipeline.CreateEnglish().Replace(new SentimentAnalyzer(classifier: classifier));
/// </code>
/// </example>
public sealed class SentimentTrainer
{
    private readonly SentimentTrainerOptions _options;

    /// <summary>Creates a trainer.</summary>
    /// <param name="options">Options; defaults to <c>new SentimentTrainerOptions()</c>.</param>
    public SentimentTrainer(SentimentTrainerOptions? options = null) => _options = options ?? new SentimentTrainerOptions();

    /// <summary>Reads a training CSV with columns <c>text,label</c> (lines starting with <c>#</c> are comments).</summary>
    /// <param name="path">The CSV file.</param>
    /// <returns>The examples, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="DataFileException">The file is unreadable, malformed, lacks a column, has an empty field or no rows.</exception>
    public static IReadOnlyList<LabeledSentence> ReadCsv(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rows = CsvTable.ReadFile(path, "text", "label");
        var list = rows.Select(r => new LabeledSentence(r.Required("text"), r.Required("label").Trim())).ToList();
        if (list.Count == 0) throw new DataFileException(path, 0, "the training set is empty (a header but no rows)");
        return list;
    }

    /// <summary>Trains on a CSV file of <c>text,label</c> rows, printing cross-validation metrics to <paramref name="log"/>.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="log">Where progress and metrics go; null for silence.</param>
    /// <returns>The trained classifier.</returns>
    /// <exception cref="DataFileException">The file is malformed or empty.</exception>
    /// <exception cref="ArgumentException">Fewer than two labels.</exception>
    public SentenceClassifier Train(string path, TextWriter? log = null) => Train(ReadCsv(path), log);

    /// <summary>Trains on examples, printing cross-validation metrics to <paramref name="log"/>.</summary>
    /// <param name="examples">The labelled sentences.</param>
    /// <param name="log">Where progress and metrics go; null for silence.</param>
    /// <returns>The trained classifier; <see cref="SentenceClassifier.CrossValidation"/> holds the metrics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="examples"/> is null.</exception>
    /// <exception cref="ArgumentException">The set is empty, has a null or empty text or label, or fewer than two labels.</exception>
    public SentenceClassifier Train(IEnumerable<LabeledSentence> examples, TextWriter? log = null)
    {
        var rows = Prepare(examples);
        var ml = new MLContext(seed: _options.Seed);
        var data = ml.Data.LoadFromEnumerable(rows, SchemaDefinition());
        CrossValidationResult? cv = null;
        if (_options.Folds >= 2)
        {
            cv = CrossValidate(ml, data, rows.Count);
            if (log is not null)
            {
                for (int i = 0; i < cv.Folds.Count; i++) log.WriteLine($"fold {i + 1}: {cv.Folds[i]}");
                log.WriteLine($"cross-validation ({cv.Folds.Count} folds, {rows.Count} sentences): {cv.Mean}");
            }
        }
        var model = Estimator(ml).Fit(data);
        log?.WriteLine($"trained on {rows.Count} sentences, labels: {string.Join(", ", rows.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal))}");
        return new SentenceClassifier(ml, model, data.Schema, "trained model") { CrossValidation = cv };
    }

    /// <summary>Cross-validates without keeping a model.</summary>
    /// <param name="examples">The labelled sentences.</param>
    /// <returns>Per-fold and mean metrics.</returns>
    /// <exception cref="ArgumentException">The set is empty or has fewer than two labels, or <see cref="SentimentTrainerOptions.Folds"/> is below 2.</exception>
    public CrossValidationResult CrossValidate(IEnumerable<LabeledSentence> examples)
    {
        if (_options.Folds < 2) throw new ArgumentException("Cross-validation needs Folds ≥ 2.", nameof(examples));
        var rows = Prepare(examples);
        var ml = new MLContext(seed: _options.Seed);
        return CrossValidate(ml, ml.Data.LoadFromEnumerable(rows, SchemaDefinition()), rows.Count);
    }

    private CrossValidationResult CrossValidate(MLContext ml, IDataView data, int count)
    {
        int folds = Math.Min(_options.Folds, count);
        var results = ml.MulticlassClassification.CrossValidate(data, Estimator(ml), folds, labelColumnName: "Label", seed: _options.Seed);
        var list = results.Select(r => Metrics(r.Metrics)).ToArray();
        var mean = new ClassifierMetrics(list.Average(m => m.Accuracy), list.Average(m => m.MacroAccuracy), list.Average(m => m.MacroF1), list.Average(m => m.LogLoss));
        return new CrossValidationResult(list, mean);
    }

    private static ClassifierMetrics Metrics(MulticlassClassificationMetrics m)
    {
        var cm = m.ConfusionMatrix;
        double f1 = 0;
        int k = cm.NumberOfClasses;
        for (int i = 0; i < k; i++)
        {
            double p = cm.PerClassPrecision[i], r = cm.PerClassRecall[i];
            f1 += p + r > 0 ? 2 * p * r / (p + r) : 0;
        }
        return new ClassifierMetrics(m.MicroAccuracy, m.MacroAccuracy, k == 0 ? 0 : f1 / k, m.LogLoss);
    }

    private IEstimator<ITransformer> Estimator(MLContext ml)
    {
        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepPunctuations = false,
            KeepNumbers = false,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        return ml.Transforms.Conversion.MapValueToKey("Label", "Label")
            .Append(ml.Transforms.Text.FeaturizeText("TextFeatures", text, "Text"))
            .Append(ml.Transforms.NormalizeMinMax("LexNorm", "Lex"))
            .Append(ml.Transforms.Concatenate("Features", "TextFeatures", "LexNorm"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features",
                l2Regularization: _options.L2Regularization, maximumNumberOfIterations: _options.MaximumIterations))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
    }

    private static SchemaDefinition SchemaDefinition()
    {
        var schema = Microsoft.ML.Data.SchemaDefinition.Create(typeof(MlInput));
        schema["Lex"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, SentenceClassifier.FeatureCount);
        return schema;
    }

    private List<MlInput> Prepare(IEnumerable<LabeledSentence> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var pipeline = _options.FeaturePipeline ?? DefaultFeaturePipeline();
        var scorer = new SentimentScorer(SentimentLexicon.Default, new SentimentOptions());
        var rows = new List<MlInput>();
        int n = 0;
        foreach (var ex in examples)
        {
            n++;
            if (ex is null || string.IsNullOrWhiteSpace(ex.Text) || string.IsNullOrWhiteSpace(ex.Label))
                throw new ArgumentException($"Example {n} has an empty text or label.", nameof(examples));
            var doc = pipeline.Process(ex.Text);
            rows.Add(new MlInput { Text = ex.Text, Label = ex.Label.Trim(), Lex = Features.Compute(doc, 0, doc.TokenStore.Length, scorer) });
        }
        if (rows.Count == 0) throw new ArgumentException("The training set is empty: give at least two labelled sentences with two different labels.", nameof(examples));
        int labels = rows.Select(r => r.Label).Distinct(StringComparer.Ordinal).Count();
        if (labels < 2) throw new ArgumentException($"The training set has only one label ('{rows[0].Label}'): a classifier needs at least two.", nameof(examples));
        return rows;
    }

    private static Pipeline DefaultFeaturePipeline()
    {
        var p = Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = 1 });
        if (p.ComponentNames.Contains("sentiment")) p.Remove("sentiment");
        return p;
    }
}
