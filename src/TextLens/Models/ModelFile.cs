using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace TextLens.Models;

/// <summary>
/// The one binary container for every trained TextLens model (tagger, entity recogniser, …).
/// </summary>
/// <remarks>
/// Layout (all integers little-endian, strings = u16 byte length + UTF-8):
/// <code>
/// magic        8 bytes  "TLMD\r\n\x1A\n" (catches text-mode mangling and foreign files)
/// version      u16      container format version (<see cref="FormatVersion"/>)
/// flags        u16      0
/// length       u64      total file length in bytes, checksum included (detects truncation)
/// kind         string   model kind, e.g. "pos"
/// kindVersion  u32      layout version of that kind's sections
/// metadata     u32 n, n × (string key, string value)       feature settings, training info
/// labelSets    u32 n, n × (string name, u32 m, m × string)  label sets
/// sections     u32 n, n × (string name, u64 length, bytes) payload
/// checksum     u32      CRC-32C (Castagnoli) of every byte before it
/// </code>
/// The reader checks magic, version, length, checksum and kind before parsing, and bounds-checks every
/// count against the bytes that remain, so a corrupt file can never make it allocate more than the file holds.
/// Every problem is a <see cref="DataFileException"/> that names the file and the problem.
/// </remarks>
internal sealed class ModelFile
{
    /// <summary>Current container format version.</summary>
    public const ushort FormatVersion = 1;

    /// <summary>Files larger than this are refused before reading (models are well under 15 MB).</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    private static ReadOnlySpan<byte> Magic => "TLMD\r\n\x1A\n"u8;
    private const int FixedHeaderBytes = 8 + 2 + 2 + 8;

    private readonly Dictionary<string, ModelWriter> _pendingSections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _sections = new(StringComparer.Ordinal);
    private readonly List<string> _sectionOrder = [];

    /// <summary>Creates an empty model file of the given kind, to be filled and written.</summary>
    public ModelFile(string kind, int kindVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        Kind = kind;
        KindVersion = kindVersion;
        Name = kind;
    }

    /// <summary>File or resource name used in error messages.</summary>
    public string Name { get; private set; }

    /// <summary>Model kind, e.g. <c>pos</c> or <c>ner</c>.</summary>
    public string Kind { get; }

    /// <summary>Layout version of the kind-specific sections.</summary>
    public int KindVersion { get; }

    /// <summary>Free-form settings (feature settings, training corpus, epochs, …), in insertion order.</summary>
    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    /// <summary>Named label sets (e.g. <c>tags</c>).</summary>
    public Dictionary<string, string[]> LabelSets { get; } = new(StringComparer.Ordinal);

    /// <summary>Names of the payload sections, in file order.</summary>
    public IReadOnlyList<string> SectionNames => _sectionOrder;

    /// <summary>Starts a new payload section and returns the writer that fills it.</summary>
    public ModelWriter AddSection(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_sectionOrder.Contains(name)) throw new ArgumentException($"Section '{name}' already exists.", nameof(name));
        var w = new ModelWriter();
        _pendingSections[name] = w;
        _sectionOrder.Add(name);
        return w;
    }

    /// <summary>A reader over a payload section; throws when the file lacks it.</summary>
    public ModelReader Section(string name)
    {
        if (_sections.TryGetValue(name, out var bytes)) return new ModelReader(bytes, Name, $"section '{name}'");
        if (_pendingSections.TryGetValue(name, out var w)) return new ModelReader(w.ToArray(), Name, $"section '{name}'");
        throw new DataFileException(Name, 0, $"{Kind} model lacks the required section '{name}'");
    }

    /// <summary>A required label set; throws when the file lacks it.</summary>
    public string[] Labels(string name) =>
        LabelSets.TryGetValue(name, out var l) ? l : throw new DataFileException(Name, 0, $"{Kind} model lacks the label set '{name}'");

    /// <summary>A required metadata value; throws when the file lacks it.</summary>
    public string Meta(string key) =>
        Metadata.TryGetValue(key, out var v) ? v : throw new DataFileException(Name, 0, $"{Kind} model lacks the metadata entry '{key}'");

    /// <summary>Serialises the whole file.</summary>
    public byte[] ToArray()
    {
        var w = new ModelWriter();
        w.WriteBytes(Magic);
        w.WriteUInt16(FormatVersion);
        w.WriteUInt16(0);
        int lengthAt = w.Length;
        w.WriteUInt64(0); // patched below
        w.WriteString(Kind);
        w.WriteUInt32((uint)KindVersion);
        w.WriteUInt32((uint)Metadata.Count);
        foreach (var (k, v) in Metadata) { w.WriteString(k); w.WriteString(v); }
        w.WriteUInt32((uint)LabelSets.Count);
        foreach (var (name, labels) in LabelSets)
        {
            w.WriteString(name);
            w.WriteStrings(labels);
        }
        w.WriteUInt32((uint)_sectionOrder.Count);
        foreach (var name in _sectionOrder)
        {
            w.WriteString(name);
            var bytes = _sections.TryGetValue(name, out var b) ? b.ToArray() : _pendingSections[name].ToArray();
            w.WriteUInt64((ulong)bytes.Length);
            w.WriteBytes(bytes);
        }
        var result = new byte[w.Length + 4];
        w.CopyTo(result);
        BinaryPrimitives.WriteUInt64LittleEndian(result.AsSpan(lengthAt), (ulong)result.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(result.Length - 4), Crc32C.Compute(result.AsSpan(0, result.Length - 4)));
        return result;
    }

    /// <summary>Writes the file to <paramref name="path"/> (creating its directory).</summary>
    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllBytes(path, ToArray());
    }

    /// <summary>Reads and validates a model file from disk.</summary>
    public static ModelFile Load(string path, string expectedKind, int maxKindVersion)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var s = File.OpenRead(path);
            return Read(s, path, expectedKind, maxKindVersion);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, 0, CannotRead(path, e), e);
        }
    }

    /// <summary>Why a data file could not be opened, in words: a folder given as a file used to read "Access denied".</summary>
    internal static string CannotRead(string path, Exception e) => e switch
    {
        _ when Directory.Exists(path) => "is a folder, not a file",
        _ => $"cannot be read: {e.Message}",
    };

    /// <summary>Reads and validates a model file from a stream.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="name">File or resource name for error messages.</param>
    /// <param name="expectedKind">The kind the caller can use; another kind is an error.</param>
    /// <param name="maxKindVersion">Newest kind layout version the caller understands.</param>
    public static ModelFile Read(Stream stream, string name, string expectedKind, int maxKindVersion)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] data = ReadAllBounded(stream, name);
        return Parse(data, name, expectedKind, maxKindVersion);
    }

    /// <summary>Validates and parses the bytes of a model file.</summary>
    public static ModelFile Parse(byte[] data, string name, string expectedKind, int maxKindVersion)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length < Magic.Length || !data.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new DataFileException(name, 0, "not a TextLens model file (bad magic bytes)");
        if (data.Length < FixedHeaderBytes + 4)
            throw new DataFileException(name, 0, $"truncated: {data.Length} bytes is shorter than the model header");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(8));
        if (version != FormatVersion)
            throw new DataFileException(name, 0, $"unsupported model format version {version} (this TextLens reads version {FormatVersion})");
        ulong declared = BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(12));
        if (declared != (ulong)data.Length)
            throw new DataFileException(name, 0, declared > (ulong)data.Length
                ? $"truncated: header declares {declared} bytes but the file has {data.Length}"
                : $"wrong length: header declares {declared} bytes but the file has {data.Length} (trailing data?)");
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(data.Length - 4));
        uint actual = Crc32C.Compute(data.AsSpan(0, data.Length - 4));
        if (stored != actual)
            throw new DataFileException(name, 0, $"checksum mismatch (stored {stored:x8}, computed {actual:x8}): the file is corrupt");

        var r = new ModelReader(data.AsMemory(FixedHeaderBytes, data.Length - 4 - FixedHeaderBytes), name, "header");
        string kind = r.ReadString();
        uint rawKindVersion = r.ReadUInt32();
        if (kind != expectedKind)
            throw new DataFileException(name, 0, $"is a '{kind}' model, expected a '{expectedKind}' model");
        if (rawKindVersion < 1 || rawKindVersion > (uint)Math.Max(maxKindVersion, 0))
            throw new DataFileException(name, 0, $"unsupported '{kind}' model version {rawKindVersion} (this TextLens reads versions 1–{maxKindVersion})");
        int kindVersion = (int)rawKindVersion;
        if (kindVersion < 1 || kindVersion > maxKindVersion)
            throw new DataFileException(name, 0, $"unsupported '{kind}' model version {kindVersion} (this TextLens reads versions 1–{maxKindVersion})");
        var file = new ModelFile(kind, kindVersion) { Name = name };
        int metaCount = r.ReadCount(4);
        for (int i = 0; i < metaCount; i++)
        {
            string k = r.ReadString();
            if (!file.Metadata.TryAdd(k, r.ReadString())) throw new DataFileException(name, 0, $"duplicate metadata key '{k}'");
        }
        int setCount = r.ReadCount(6);
        for (int i = 0; i < setCount; i++)
        {
            string setName = r.ReadString();
            if (!file.LabelSets.TryAdd(setName, r.ReadStrings())) throw new DataFileException(name, 0, $"duplicate label set '{setName}'");
        }
        int sectionCount = r.ReadCount(10);
        for (int i = 0; i < sectionCount; i++)
        {
            string sectionName = r.ReadString();
            ulong len = r.ReadUInt64();
            if (len > (ulong)r.Remaining)
                throw new DataFileException(name, 0, $"section '{sectionName}' declares {len} bytes but only {r.Remaining} remain");
            if (!file._sections.TryAdd(sectionName, r.ReadMemory((int)len))) throw new DataFileException(name, 0, $"duplicate section '{sectionName}'");
            file._sectionOrder.Add(sectionName);
        }
        if (r.Remaining != 0) throw new DataFileException(name, 0, $"{r.Remaining} unexpected bytes after the last section");
        return file;
    }

    private static byte[] ReadAllBounded(Stream stream, string name)
    {
        try
        {
            if (stream.CanSeek)
            {
                long len = stream.Length - stream.Position;
                if (len > MaxFileBytes) throw new DataFileException(name, 0, $"is {len} bytes, larger than any TextLens model ({MaxFileBytes} bytes)");
                var data = new byte[len];
                stream.ReadExactly(data);
                return data;
            }
            using var ms = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                if (ms.Length + n > MaxFileBytes) throw new DataFileException(name, 0, $"is larger than any TextLens model ({MaxFileBytes} bytes)");
                ms.Write(buffer, 0, n);
            }
            return ms.ToArray();
        }
        catch (Exception e) when (e is IOException or EndOfStreamException)
        {
            throw new DataFileException(name, 0, $"cannot be read: {e.Message}", e);
        }
    }
}

/// <summary>CRC-32C (Castagnoli), hardware-accelerated through <see cref="BitOperations.Crc32C(uint, ulong)"/> where available.</summary>
internal static class Crc32C
{
    /// <summary>The standard CRC-32C of <paramref name="data"/> (initial value and final XOR 0xFFFFFFFF); "123456789" → 0xE3069283.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFF_FFFFu;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8) crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
        for (; i < data.Length; i++) crc = BitOperations.Crc32C(crc, data[i]);
        return ~crc;
    }
}

/// <summary>Appends little-endian values to a growing buffer (the writing side of <see cref="ModelReader"/>).</summary>
internal sealed class ModelWriter
{
    private byte[] _buffer = new byte[256];
    private int _length;

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    private Span<byte> Take(int n)
    {
        if (_length + n > _buffer.Length)
            Array.Resize(ref _buffer, (int)Math.Min(Array.MaxLength, Math.Max((long)_buffer.Length * 2, (long)_length + n)));
        var s = _buffer.AsSpan(_length, n);
        _length += n;
        return s;
    }

    public void WriteByte(byte v) => Take(1)[0] = v;
    public void WriteUInt16(ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(Take(2), v);
    public void WriteInt32(int v) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), v);
    public void WriteUInt32(uint v) => BinaryPrimitives.WriteUInt32LittleEndian(Take(4), v);
    public void WriteUInt64(ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(Take(8), v);
    public void WriteSingle(float v) => BinaryPrimitives.WriteSingleLittleEndian(Take(4), v);
    public void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

    /// <summary>u16 byte length + UTF-8.</summary>
    public void WriteString(string s)
    {
        int n = Encoding.UTF8.GetByteCount(s);
        if (n > ushort.MaxValue) throw new ArgumentException("String too long for a model file.", nameof(s));
        WriteUInt16((ushort)n);
        Encoding.UTF8.GetBytes(s, Take(n));
    }

    /// <summary>u32 count + strings.</summary>
    public void WriteStrings(IReadOnlyList<string> strings)
    {
        WriteUInt32((uint)strings.Count);
        foreach (var s in strings) WriteString(s);
    }

    /// <summary>u32 count + raw little-endian elements.</summary>
    public void WriteArray<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        WriteUInt32((uint)values.Length);
        var bytes = MemoryMarshal.AsBytes(values);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Writing models needs a little-endian machine.");
        WriteBytes(bytes);
    }

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public void CopyTo(Span<byte> destination) => _buffer.AsSpan(0, _length).CopyTo(destination);
}

/// <summary>
/// Bounds-checked little-endian reader over a model file's bytes: every read and every count is checked
/// against what remains, and a violation is a <see cref="DataFileException"/> naming file and section.
/// </summary>
internal sealed class ModelReader
{
    private readonly ReadOnlyMemory<byte> _data;
    private readonly string _file;
    private readonly string _where;
    private int _pos;

    public ModelReader(ReadOnlyMemory<byte> data, string file, string where)
    {
        _data = data;
        _file = file;
        _where = where;
    }

    /// <summary>Bytes not yet read.</summary>
    public int Remaining => _data.Length - _pos;

    /// <summary>An exception for a problem in this part of the file.</summary>
    public DataFileException Error(string problem) => new(_file, 0, $"{_where}: {problem}");

    private ReadOnlySpan<byte> Take(int n)
    {
        if (n < 0 || n > Remaining) throw Error($"truncated: needs {n} more bytes at offset {_pos}, only {Remaining} remain");
        var s = _data.Span.Slice(_pos, n);
        _pos += n;
        return s;
    }

    public byte ReadByte() => Take(1)[0];
    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));
    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
    public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    /// <summary>Reads a non-negative int and checks it against the remaining bytes (each element needs at least <paramref name="minBytesPerElement"/>).</summary>
    public int ReadCount(int minBytesPerElement)
    {
        uint n = ReadUInt32();
        if ((ulong)n * (ulong)Math.Max(1, minBytesPerElement) > (ulong)Remaining)
            throw Error($"count {n} exceeds what the remaining {Remaining} bytes can hold");
        return (int)n;
    }

    /// <summary>Reads an int that must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int ReadInt32InRange(string what, int min, int max)
    {
        int v = ReadInt32();
        if (v < min || v > max) throw Error($"{what} {v} is out of range [{min}, {max}]");
        return v;
    }

    public string ReadString()
    {
        int n = ReadUInt16();
        var bytes = Take(n);
        try { return new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException) { throw Error("string is not valid UTF-8"); }
    }

    public string[] ReadStrings()
    {
        int n = ReadCount(2);
        var result = new string[n];
        for (int i = 0; i < n; i++) result[i] = ReadString();
        return result;
    }

    public ReadOnlyMemory<byte> ReadMemory(int n)
    {
        Take(n);
        return _data.Slice(_pos - n, n);
    }

    /// <summary>u32 count + raw little-endian elements, copied into a new array.</summary>
    public T[] ReadArray<T>() where T : unmanaged
    {
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        int n = ReadCount(size);
        var bytes = Take(n * size);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Reading models needs a little-endian machine.");
        var result = new T[n];
        bytes.CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }

    /// <summary>Throws unless every byte has been read.</summary>
    public void EnsureEnd()
    {
        if (Remaining != 0) throw Error($"{Remaining} unexpected bytes at the end");
    }
}
