namespace TextLens.Tests;

/// <summary>Locations the tests read from: the repository (always there) and ../shared (CI and developers only).</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Data(string relative) => Path.Combine(RepoRoot, "data", relative);

    public static string Article => Data("huseynov-2025-04-17.txt");

    /// <summary>../shared beside the repository, or null when it is absent.</summary>
    public static string? Shared
    {
        get
        {
            var dir = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(dir) ? dir : null;
        }
    }

    /// <summary>Path inside ../shared; the test is ignored with a clear message when ../shared is absent.</summary>
    public static string RequireShared(string relative)
    {
        var shared = Shared;
        if (shared is null) Assert.Ignore("../shared is absent beside the repository: this evaluation runs only where it is present (CI).");
        var path = Path.Combine(shared!, relative);
        if (!File.Exists(path) && !Directory.Exists(path)) Assert.Ignore($"{path} is absent: this evaluation needs it.");
        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TextLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("TextLens.sln not found above " + AppContext.BaseDirectory);
    }
}
