using TextLens;

// The Huseynov sample: runs the full English pipeline over the article shipped in data/.
string root = FindRepoRoot();
string path = args.Length > 0 ? args[0] : Path.Combine(root, "data", "huseynov-2025-04-17.txt");
string text = File.ReadAllText(path);
var nlp = Pipeline.CreateEnglish();
var doc = nlp.Process(text, Path.GetFileNameWithoutExtension(path));
Console.WriteLine($"{doc.Id}: {doc.Tokens.Count} tokens, {doc.Sentences.Count} sentences");

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "TextLens.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
