using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace TextLens.Cli;

/// <summary><c>textlens analyze</c>: runs the pipeline over files, folders, stdin or CSV corpora and writes reports.</summary>
internal static class AnalyzeCommand
{
    public static readonly string[] Formats = ["text", "json", "csv", "html"];

    public const int ExitOk = 0, ExitFailures = 1, ExitUsage = 2, ExitCancelled = 130;

    public static Command Create(CliIO io)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Text files, folders (recursive *.txt and *.md), '-' for standard input, or CSV corpora (*.csv).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Output formats: text, json, csv, html. Repeat the option or give a comma list. Default: text.",
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder for json, csv and html (created if needed). Default: ./textlens-out." };
        var parallel = new Option<int>("--parallel", "-p")
        {
            Description = "Documents processed at once; at most twice this many are held in memory.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var components = new Option<string?>("--components") { Description = "Comma list of the pipeline stages to run (sentences, tagger, lemmatizer, entities, stance, sentiment); the others are disabled. The tokenizer always runs." };
        var disable = new Option<string?>("--disable") { Description = "Comma list of pipeline stages to disable, e.g. sentiment,stance." };
        var textColumn = new Option<string>("--text-column") { Description = "CSV corpora: the column holding the text.", DefaultValueFactory = _ => "text" };
        var idColumn = new Option<string>("--id-column") { Description = "CSV corpora: the column holding the document id (default 'id'; rows without one are named <file>-<row>).", DefaultValueFactory = _ => "id" };
        var noProgress = new Option<bool>("--no-progress") { Description = "Never draw the progress bar." };

        var cmd = new Command("analyze", "Analyse documents: tokens, sentences, tags, entities, stance cues, sentiment.")
        {
            inputs, format, output, parallel, components, disable, textColumn, idColumn, noProgress,
        };
        cmd.SetAction((parse, ct) => Task.FromResult(Run(io, new Settings(
            parse.GetValue(inputs) ?? [],
            parse.GetValue(format) ?? [],
            parse.GetValue(output),
            parse.GetValue(parallel),
            parse.GetValue(components),
            parse.GetValue(disable),
            parse.GetValue(textColumn) ?? "text",
            parse.GetValue(idColumn),
            parse.GetValue(noProgress)), ct)));
        return cmd;
    }

    public static Command CreateRender(CliIO io)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "JSON files written by 'textlens analyze --format json' (or folders of them).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string[]>("--format", "-f") { Description = "Output formats: text, json, csv, html (repeat or comma list). Default: html." };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder. Default: ./textlens-out." };
        var cmd = new Command("render", "Render saved JSON analyses again as text, CSV or HTML reports (no re-analysis).") { inputs, format, output };
        cmd.SetAction((parse, ct) =>
        {
            var formats = parse.GetValue(format) is { Length: > 0 } f ? f : ["html"];
            return Task.FromResult(Run(io, new Settings(parse.GetValue(inputs) ?? [], formats, parse.GetValue(output), 1, null, null, "text", null, true, Render: true), ct));
        });
        return cmd;
    }

    internal sealed record Settings(
        string[] Inputs, string[] Formats, string? Out, int Parallel, string? Components, string? Disable,
        string TextColumn, string? IdColumn, bool NoProgress, bool Render = false);

    // Document is null with no Error for a large file analysed in pieces (LargeInput): LargeTokens counts its tokens.
    private sealed record Result(InputItem Item, Document? Document, string? Error, long LargeTokens = 0, string? Source = null);

    public static int Run(CliIO io, Settings settings, CancellationToken cancellationToken)
    {
        // ---- options
        var formats = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in settings.Formats.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            string lower = f.ToLowerInvariant();
            if (!Formats.Contains(lower)) return Usage(io, $"unknown format '{f}' (use {string.Join(", ", Formats)})");
            formats.Add(lower);
        }
        if (formats.Count == 0) formats.Add("text");
        if (settings.Parallel < 1) return Usage(io, "--parallel must be at least 1");

        var nlp = Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = 1 });
        if (ConfigureComponents(io, nlp, settings) is int bad) return bad;

        bool writesFiles = formats.Overlaps(["json", "csv", "html"]);
        string outDir = settings.Out ?? "textlens-out";
        if (writesFiles)
        {
            try { Directory.CreateDirectory(outDir); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Usage(io, $"cannot create output folder {outDir}: {ex.Message}");
            }
        }

        // ---- inputs
        var set = InputSet.Expand(settings.Inputs, io.In, settings.TextColumn, settings.IdColumn, settings.Render);
        int failures = 0;
        foreach (var p in set.Problems)
        {
            io.Error.WriteLine($"textlens: {p}; skipped");
            failures++;
        }

        var stopwatch = Stopwatch.StartNew();
        long tokens = 0;
        int documents = 0;
        bool wantJson = formats.Contains("json"), wantHtml = formats.Contains("html"), wantText = formats.Contains("text");

        Result Analyze(InputItem item)
        {
            if (item.Error is not null) return new Result(item, null, item.Error);
            if (!settings.Render && item.Text is null && item.FilePath is not null && LargeInput.IsLarge(item.FilePath))
                return AnalyzeLarge(item);
            string text;
            try { text = item.Text ?? InputSet.ReadUtf8(item.FilePath!); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
            {
                return new Result(item, null, InputSet.Describe(ex));
            }
            Document doc;
            string source = item.Display;
            string? textFile = item.FilePath;
            if (settings.Render)
            {
                // A saved analysis keeps the source and text file it was made from when written again as JSON.
                try { doc = TextLens.Output.DocumentJson.FromJson(text, out var savedSource, out textFile); source = string.IsNullOrEmpty(savedSource) ? item.Display : savedSource; }
                catch (FormatException ex) { return new Result(item, null, ex.Message); }
            }
            else
            {
                try { doc = nlp.Process(text, item.Id, cancellationToken); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A bug in one stage must not take the whole run down: report this document and go on.
                    return new Result(item, null, $"analysis failed ({ex.GetType().Name}: {ex.Message})");
                }
            }
            try
            {
                if (wantJson)
                    AtomicFile.WriteAllText(OutputNames.PathIn(outDir, item.Stem, ".json"), doc.ToJson(source: source, textFile: textFile), cancellationToken);
                if (wantHtml)
                    AtomicFile.WriteAllText(OutputNames.PathIn(outDir, item.Stem, ".html"), DocumentHtmlWriter.ToHtml(doc, source: source), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                return new Result(item, null, $"cannot write output: {ex.Message}");
            }
            return new Result(item, doc, null, Source: source);
        }

        Pipeline? largeNlp = null;
        Result AnalyzeLarge(InputItem item)
        {
            // Too large for one string: pieces cut at paragraph boundaries, processed in parallel, one JSON with whole-file offsets.
            if (largeNlp is null)
            {
                var p = Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = Math.Max(1, Math.Min(settings.Parallel, 512)) });
                ConfigureComponents(io, p, settings);
                Interlocked.CompareExchange(ref largeNlp, p, null);
            }
            if (wantHtml || wantText || formats.Contains("csv"))
                io.Error.WriteLine($"textlens: {item.Display}: larger than {LargeInput.ThresholdBytes >> 20} MB, analysed in pieces; only the json format is written for it");
            try
            {
                long n = LargeInput.Analyze(largeNlp!, item.FilePath!, item.Id, item.Display,
                    wantJson ? OutputNames.PathIn(outDir, item.Stem, ".json") : null, cancellationToken);
                return new Result(item, null, null, n);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
            {
                return new Result(item, null, InputSet.Describe(ex));
            }
        }

        DocumentCsvWriter? csv = null;
        try
        {
            if (formats.Contains("csv")) csv = new DocumentCsvWriter(outDir);

            IEnumerable<Result> results = settings.Parallel == 1 || set.Items.Count < 2
                ? set.Items.Select(Analyze)
                : OrderedParallel.Select(set.Items, Analyze, Math.Min(settings.Parallel, 512), cancellationToken); // at most 2 × -p files ahead of the writer

            void Consume(Action? tick)
            {
                foreach (var r in results)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (r.Document is null && r.Error is null)
                    {
                        documents++;
                        tokens += r.LargeTokens;
                    }
                    else if (r.Document is null)
                    {
                        failures++;
                        io.Error.WriteLine($"textlens: {r.Item.Display}: {r.Error}; skipped");
                    }
                    else
                    {
                        documents++;
                        tokens += r.Document.Tokens.Count;
                        csv?.Write(r.Document, r.Source ?? r.Item.Display);
                        if (wantText)
                        {
                            DocumentTextWriter.Write(r.Document, io.Out);
                            io.Out.WriteLine();
                        }
                    }
                    tick?.Invoke();
                }
            }

            bool progress = io.ErrorIsTerminal && !settings.NoProgress && set.Items.Count > 1;
            if (progress)
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(io.Error) });
                console.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("Analysing", maxValue: set.Items.Count);
                        Consume(() => task.Increment(1));
                    });
            }
            else
            {
                Consume(null);
            }
            csv?.Complete();
        }
        catch (OperationCanceledException)
        {
            io.Error.WriteLine($"textlens: cancelled after {documents} documents; finished files are complete, unfinished ones were not written");
            return ExitCancelled;
        }
        finally
        {
            csv?.Dispose();
        }

        stopwatch.Stop();
        double seconds = Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-6);
        string where = writesFiles ? $" → {outDir}" : "";
        string failed = failures > 0 ? $"; {failures} failed" : "";
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"textlens: {documents:N0} documents, {tokens:N0} tokens in {seconds:0.00} s ({documents / seconds:N1} documents/s, {tokens / seconds:N0} tokens/s){failed}{where}"));
        return failures > 0 || documents == 0 ? ExitFailures : ExitOk;
    }

    private static int? ConfigureComponents(CliIO io, Pipeline nlp, Settings settings)
    {
        var all = nlp.ComponentNames;
        static string[] List(string? s) => s is null ? [] : s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var only = List(settings.Components);
        var off = List(settings.Disable);
        foreach (var name in only.Concat(off))
            if (!all.Contains(name))
                return Usage(io, $"unknown component '{name}' (components: {string.Join(", ", all)})");
        if (settings.Components is not null)
            foreach (var name in all)
                if (!only.Contains(name)) nlp.Disable(name);
        foreach (var name in off) nlp.Disable(name);
        return null;
    }

    private static int Usage(CliIO io, string message)
    {
        io.Error.WriteLine($"textlens: {message}");
        return ExitUsage;
    }
}
