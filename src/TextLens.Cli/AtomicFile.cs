using System.Text;

namespace TextLens.Cli;

/// <summary>Writes a file through a temporary file in the same folder and a rename, so readers never see half a file.</summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // The temporary names every writer uses: {final name}.{process id}.{32 hex digits}[.s|.e|.c].tmp.
    private static readonly System.Text.RegularExpressions.Regex TempName = new(@"\.(\d+)\.[0-9a-f]{32}(\.[sec])?\.tmp$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// Deletes the temporary files a killed run left in <paramref name="directory"/> (SIGKILL runs no clean-up): those named
    /// like ours whose process is no longer running, so a run in progress in the same folder keeps its own. Returns their names.
    /// </summary>
    public static List<string> RemoveLeftovers(string directory)
    {
        var removed = new List<string>();
        IEnumerable<string> files;
        try { files = Directory.EnumerateFiles(directory, "*.tmp").ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return removed; }
        foreach (var file in files)
        {
            var m = TempName.Match(Path.GetFileName(file));
            if (!m.Success || !int.TryParse(m.Groups[1].ValueSpan, out int pid) || IsRunning(pid)) continue;
            try
            {
                File.Delete(file);
                removed.Add(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return removed;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    public static void WriteAllText(string path, string content, CancellationToken cancellationToken = default)
    {
        string temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            File.WriteAllText(temp, content, Utf8);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    /// <summary>Writes through <paramref name="write"/> into a temporary file (64 KiB buffered), then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write, CancellationToken cancellationToken = default)
    {
        string temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                write(stream);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
