namespace TextLens.Cli;

/// <summary>The streams the command line uses; tests pass their own.</summary>
/// <param name="In">Standard input (for the <c>-</c> input).</param>
/// <param name="Out">Standard output (the text report).</param>
/// <param name="Error">Standard error (messages, progress and the closing summary).</param>
/// <param name="ErrorIsTerminal">True when standard error is a terminal: only then is a progress bar drawn.</param>
internal sealed record CliIO(TextReader In, TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    public static CliIO FromConsole()
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var stdin = new StreamReader(Console.OpenStandardInput(), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
        return new CliIO(stdin, Console.Out, Console.Error, !Console.IsErrorRedirected);
    }
}
