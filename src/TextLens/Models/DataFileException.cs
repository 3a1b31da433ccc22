namespace TextLens;

/// <summary>
/// A lexicon, pattern, training or model file is malformed. The message names the file, the line
/// (when the problem is on one) and the problem.
/// </summary>
public sealed class DataFileException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">Path or resource name of the file.</param>
    /// <param name="line">1-based line number, or 0 when the problem is not on one line.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public DataFileException(string file, int line, string problem, Exception? inner = null)
        : base(line > 0 ? $"{file}, line {line}: {problem}" : $"{file}: {problem}", inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>Path or resource name of the file.</summary>
    public string File { get; }

    /// <summary>1-based line number, or 0 when the problem is not on one line.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the file and line.</summary>
    public string Problem { get; }
}
