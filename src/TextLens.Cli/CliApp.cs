using System.CommandLine;

namespace TextLens.Cli;

/// <summary>The <c>textlens</c> command tree.</summary>
internal static class CliApp
{
    public static RootCommand Build(CliIO io)
    {
        var root = new RootCommand("TextLens: tokens, sentences, POS tags, entities, stance cues and sentiment for policy commentaries.")
        {
            AnalyzeCommand.Create(io),
            AnalyzeCommand.CreateRender(io),
            CorpusGenCommand.Create(io),
            ReportCommand.Create(io),
        };
        AddTrainingCommands(root);
        return root;
    }

    // The training tool (tools/TextLens.Train) registers `pos`, `eval`, `ner`, `ner-eval`, `sentiment`, `sentiment-eval`
    // at its root; here they become `textlens train pos|ner|sentiment` and `textlens eval pos|ner|sentiment`.
    private static void AddTrainingCommands(RootCommand root)
    {
        var tool = new RootCommand();
        TextLens.Train.PosCommands.AddTo(tool);
        TextLens.Train.NerCommands.AddTo(tool);
        TextLens.Train.SentimentCommands.AddTo(tool);
        TextLens.Train.StanceCommands.AddTo(tool);
        var byName = tool.Subcommands.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var train = new Command("train", "Train models (needs the corpora in ../shared/corpora or gold folders): pos, ner, sentiment, stance.");
        var eval = new Command("eval", "Evaluate models on a corpus: pos, ner, sentiment, stance.");
        foreach (var (group, name, source) in new[]
        {
            (train, "pos", "pos"), (train, "ner", "ner"), (train, "sentiment", "sentiment"), (train, "stance", "stance"),
            (eval, "pos", "eval"), (eval, "ner", "ner-eval"), (eval, "sentiment", "sentiment-eval"), (eval, "stance", "stance-eval"),
        })
        {
            if (!byName.TryGetValue(source, out var command)) continue;
            var alias = new Command(name, command.Description) { Action = command.Action };
            foreach (var a in command.Arguments) alias.Arguments.Add(a);
            foreach (var o in command.Options) alias.Options.Add(o);
            group.Subcommands.Add(alias);
        }
        root.Subcommands.Add(train);
        root.Subcommands.Add(eval);
    }

    public static async Task<int> RunAsync(string[] args, CliIO io, CancellationToken cancellationToken, bool handleSignals = true)
    {
        var root = Build(io);
        var config = new InvocationConfiguration
        {
            Output = io.Out,
            Error = io.Error,
            // Ctrl-C / SIGTERM cancel the token the command receives; it stops between documents and cleans up.
            ProcessTerminationTimeout = handleSignals ? TimeSpan.FromSeconds(10) : null,
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Usage errors (no inputs, '-p abc', an unknown command) exit 2 as documented, not System.CommandLine's 1,
            // so a script can tell a bad command line from documents that failed.
            foreach (var error in parse.Errors) io.Error.WriteLine($"textlens: {error.Message}");
            io.Error.WriteLine("textlens: run 'textlens --help' for usage");
            return AnalyzeCommand.ExitUsage;
        }
        return await parse.InvokeAsync(config, cancellationToken);
    }
}
