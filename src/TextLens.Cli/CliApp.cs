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
            CorpusGenCommand.Create(io),
        };
        return root;
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
        return await root.Parse(args).InvokeAsync(config, cancellationToken);
    }
}
