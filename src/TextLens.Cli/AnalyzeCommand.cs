using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using TextLens.Output;

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
        var resume = new Option<bool>("--resume")
        {
            Description = "Skip documents already done: their .json (and .html when asked for) exist in the output folder and are newer than the input. "
                + "Their CSV rows and text report are rebuilt from the saved JSON. Standard input is always analysed.",
        };

        var tokensOption = TokensOption();
        var cmd = new Command("analyze", "Analyse documents: tokens, sentences, tags, entities, stance cues, sentiment.")
        {
            inputs, format, output, parallel, components, disable, textColumn, idColumn, noProgress, resume, tokensOption,
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
            parse.GetValue(noProgress),
            Resume: parse.GetValue(resume), Tokens: parse.GetValue(tokensOption)), ct)));
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
        var tokensOption = TokensOption();
        var cmd = new Command("render", "Render saved JSON analyses again as text, CSV or HTML reports (no re-analysis).") { inputs, format, output, tokensOption };
        cmd.SetAction((parse, ct) =>
        {
            var formats = parse.GetValue(format) is { Length: > 0 } f ? f : ["html"];
            return Task.FromResult(Run(io, new Settings(parse.GetValue(inputs) ?? [], formats, parse.GetValue(output), 1, null, null, "text", null, true,
                Render: true, Tokens: parse.GetValue(tokensOption)), ct));
        });
        return cmd;
    }

    private static Option<bool> TokensOption() => new("--tokens")
    {
        Description = "JSON: write every token (offsets, kind, tag, lemma) and indent the file. By default the JSON is compact and "
            + "holds a token count instead: reading it back re-tokenizes the text (without tags and lemmas).",
    };

    internal sealed record Settings(
        string[] Inputs, string[] Formats, string? Out, int Parallel, string? Components, string? Disable,
        string TextColumn, string? IdColumn, bool NoProgress, bool Render = false, bool Resume = false, bool Tokens = false);

    // Document is null with no Error for a document too large to analyse whole: Pending reads it (prefix already read
    // included) and the writer thread analyses it in pieces.
    // Resumed: done by an earlier run (Document, when set, was read back from its saved JSON).
    // Unwritten: analysed, its json/html still to write (by the consuming thread, see overlapWrites), with this text_file.
    private sealed record Result(InputItem Item, Document? Document, string? Error, PrefixedReader? Pending = null, string? Source = null, bool Resumed = false,
        bool Unwritten = false, string? TextFile = null);

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
            foreach (var leftover in AtomicFile.RemoveLeftovers(outDir))
                io.Error.WriteLine($"textlens: removed {leftover}, left by a run that was killed");
        }

        // ---- inputs
        var set = InputSet.Expand(settings.Inputs, settings.TextColumn, settings.IdColumn, settings.Render);
        int failures = 0;
        foreach (var p in set.Problems)
        {
            io.Error.WriteLine($"textlens: {p}; skipped");
            failures++;
        }

        var stopwatch = Stopwatch.StartNew();
        long tokens = 0;
        int documents = 0, resumed = 0;
        bool wantJson = formats.Contains("json"), wantHtml = formats.Contains("html"), wantText = formats.Contains("text");
        var jsonLayout = settings.Tokens ? JsonLayout.Full : JsonLayout.Compact;
        int whole = LargeInput.WholeDocumentChars;
        // With -p 1 and several documents, one worker reads and analyses the next document while this thread writes
        // the json/html (and csv/text) of the one before: reading and writing overlap with analysis.
        bool overlapWrites = settings.Parallel == 1 && set.Count is not <= 1 && (wantJson || wantHtml);

        Result Analyze(InputItem item)
        {
            if (item.Error is not null) return new Result(item, null, item.Error);
            if (settings.Render) return Render(item);
            if (settings.Resume && Resume(item) is Result done) return done;
            // One bounded read for every source: up to the whole-document size; a longer document is left to the
            // writer thread to analyse in pieces, so no source is ever read whole into memory.
            string text;
            TextReader? reader = null;
            try
            {
                if (item.Text is not null && item.Text.Length <= whole) text = item.Text;
                else
                {
                    reader = item.Text is not null ? new StringReader(item.Text) : item.Stdin ? io.In : InputSet.OpenText(item.FilePath!);
                    var (head, filled) = ReadUpTo(reader, whole + 1);
                    if (Array.IndexOf(head, '\0', 0, filled) >= 0)
                        return new Result(item, null, "contains NUL characters: binary data, not text");
                    if (filled > whole)
                    {
                        var pending = new PrefixedReader(head, filled, reader, ownsInner: !item.Stdin);
                        reader = null; // the pending reader owns it now
                        return new Result(item, null, null, pending);
                    }
                    text = new string(head, 0, filled);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
            {
                return new Result(item, null, InputSet.Describe(ex));
            }
            finally
            {
                if (!item.Stdin) reader?.Dispose();
            }
            if (text.Contains('\0')) return new Result(item, null, "contains NUL characters: binary data, not text");
            Document doc;
            try { doc = nlp.Process(text, item.Id, cancellationToken); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bug in one stage must not take the whole run down: report this document and go on.
                return new Result(item, null, $"analysis failed ({ex.GetType().Name}: {ex.Message})");
            }
            return overlapWrites ? new Result(item, doc, null, Source: item.Display, Unwritten: true, TextFile: item.FilePath) : Write(item, doc, item.Display, item.FilePath);
        }

        // --resume: the document's own output files exist under their final names (so they are complete: they are only
        // ever written by a rename) and are newer than its input; the run-wide outputs (CSV tables, text report) are
        // rebuilt from the saved JSON, so they need it whole (a document saved in pieces is analysed again).
        Result? Resume(InputItem item)
        {
            string? input = item.FilePath ?? item.CorpusPath;
            if (input is null || !(wantJson || wantHtml)) return null;
            DateTime inputTime;
            try { inputTime = File.GetLastWriteTimeUtc(input); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
            string json = OutputNames.PathIn(outDir, item.Stem, ".json"), html = OutputNames.PathIn(outDir, item.Stem, ".html");
            bool Fresh(string path) => File.Exists(path) && File.GetLastWriteTimeUtc(path) >= inputTime;
            if (wantJson && !Fresh(json) || wantHtml && !Fresh(html)) return null;
            if (!formats.Contains("csv") && !wantText) return new Result(item, null, null, Resumed: true);
            if (!Fresh(json)) return null;
            try
            {
                string saved = File.ReadAllText(json);
                var doc = TextLens.Output.DocumentJson.FromJson(saved, out var source, out _);
                if (doc.Id != item.Id || source != item.Display) return null; // another document's output under this name
                return new Result(item, doc, null, Source: source, Resumed: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                return null; // not a full analysis (or unreadable): analyse again
            }
        }

        Result Render(InputItem item)
        {
            // A saved analysis is JSON, never prose, whatever its size: rebuilt whole (FromJson needs all of it).
            string json;
            try
            {
                using var reader = InputSet.OpenText(item.FilePath!);
                json = reader.ReadToEnd();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException or OutOfMemoryException)
            {
                return new Result(item, null, ex is OutOfMemoryException ? "too large to render" : InputSet.Describe(ex));
            }
            Document doc;
            string? source, textFile;
            // A saved analysis keeps the source and text file it was made from when written again as JSON.
            try { doc = TextLens.Output.DocumentJson.FromJson(json, out source, out textFile); }
            catch (FormatException ex) { return new Result(item, null, ex.Message); }
            return Write(item, doc, string.IsNullOrEmpty(source) ? item.Display : source, textFile);
        }

        Result Write(InputItem item, Document doc, string source, string? textFile)
        {
            try
            {
                if (wantJson)
                    AtomicFile.Write(OutputNames.PathIn(outDir, item.Stem, ".json"),
                        stream => DocumentJsonWriter.Write(doc, stream, source, textFile, jsonLayout), cancellationToken);
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
        DocumentCsvWriter? csv = null;

        // On the writer thread, one large document at a time (its pieces are analysed on -p threads).
        string? AnalyzeLarge(InputItem item, PrefixedReader reader)
        {
            if (largeNlp is null)
            {
                largeNlp = Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = Math.Max(1, Math.Min(settings.Parallel, 512)) });
                ConfigureComponents(io, largeNlp, settings);
            }
            using (reader)
            {
                try
                {
                    var outcome = LargeInput.Analyze(largeNlp, reader, item.Id, item.Display, item.FilePath,
                        wantJson ? OutputNames.PathIn(outDir, item.Stem, ".json") : null, csv, wantText ? io.Out : null, cancellationToken);
                    documents++;
                    tokens += outcome.Tokens;
                    foreach (var w in outcome.Warnings) io.Error.WriteLine($"textlens: {item.Display}: warning: {w}");
                    if (wantHtml)
                        return $"longer than {whole:N0} characters, analysed in pieces: the html report is not written for it (json, csv and text are)";
                    return null;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
                {
                    return InputSet.Describe(ex);
                }
            }
        }

        try
        {
            if (formats.Contains("csv")) csv = new DocumentCsvWriter(outDir);

            var items = set.Items;
            IEnumerable<Result> results = overlapWrites
                ? OrderedParallel.Select(items, Analyze, 1, cancellationToken).Select(r => r.Unwritten ? Write(r.Item, r.Document!, r.Source!, r.TextFile) : r)
                : settings.Parallel == 1 || set.Count is <= 1
                ? items.Select(Analyze)
                : OrderedParallel.Select(items, Analyze, Math.Min(settings.Parallel, 512), cancellationToken); // at most 2 × -p documents ahead of the writer

            void Consume(Action? tick)
            {
                foreach (var r in results)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (r.Resumed) resumed++;
                    if (r.Resumed && r.Document is null)
                    {
                        documents++;
                    }
                    else if (r.Pending is not null)
                    {
                        if (AnalyzeLarge(r.Item, r.Pending) is string problem)
                        {
                            failures++;
                            io.Error.WriteLine($"textlens: {r.Item.Display}: {problem}");
                        }
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

            bool progress = io.ErrorIsTerminal && !settings.NoProgress && set.Count > 1;
            if (progress)
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(io.Error) });
                console.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("Analysing", maxValue: set.Count!.Value);
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
        string failed = (resumed > 0 ? $"; {resumed} done by an earlier run, not analysed again" : "") + (failures > 0 ? $"; {failures} failed" : "");
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"textlens: {documents:N0} documents, {tokens:N0} tokens in {seconds:0.00} s ({documents / seconds:N1} documents/s, {tokens / seconds:N0} tokens/s){failed}{where}"));
        return failures > 0 || documents == 0 ? ExitFailures : ExitOk;
    }

    /// <summary>Reads up to <paramref name="limit"/> characters, in a buffer that grows as needed (most documents are small).</summary>
    private static (char[] Buffer, int Filled) ReadUpTo(TextReader reader, int limit)
    {
        var buffer = new char[Math.Min(limit, 16 * 1024)];
        int filled = 0;
        while (true)
        {
            int n = reader.ReadBlock(buffer, filled, buffer.Length - filled);
            filled += n;
            if (filled < buffer.Length || buffer.Length == limit) return (buffer, filled);
            Array.Resize(ref buffer, (int)Math.Min(limit, 2L * buffer.Length));
        }
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
