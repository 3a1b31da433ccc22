using System.Buffers.Binary;
using System.Text;
using TextLens.Models;

namespace TextLens.Tests.Tagging;

public class ModelFileTests
{
    private static byte[] Sample()
    {
        var f = new ModelFile("pos", kindVersion: 1);
        f.Metadata["features"] = "v1";
        f.LabelSets["tags"] = ["NOUN|NN", "VERB|VB"];
        var w = f.AddSection("weights");
        w.WriteInt32(12345);
        w.WriteArray<float>([1.5f, -2f]);
        return f.ToArray();
    }

    private static DataFileException Fails(byte[] bytes, string kind = "pos", int maxVersion = 1) =>
        Assert.Throws<DataFileException>(() => ModelFile.Parse(bytes, "m.bin", kind, maxVersion))!;

    [Test]
    public void RoundTripsEverything()
    {
        var f = ModelFile.Parse(Sample(), "m.bin", "pos", 1);
        var r = f.Section("weights");
        Assert.Multiple(() =>
        {
            Assert.That(f.Kind, Is.EqualTo("pos"));
            Assert.That(f.KindVersion, Is.EqualTo(1));
            Assert.That(f.Meta("features"), Is.EqualTo("v1"));
            Assert.That(f.Labels("tags"), Is.EqualTo(new[] { "NOUN|NN", "VERB|VB" }));
            Assert.That(r.ReadInt32(), Is.EqualTo(12345));
            Assert.That(r.ReadArray<float>(), Is.EqualTo(new[] { 1.5f, -2f }));
            Assert.That(r.Remaining, Is.Zero);
        });
    }

    [Test]
    public void Crc32CMatchesTheStandardCheckValue() =>
        Assert.That(Crc32C.Compute("123456789"u8), Is.EqualTo(0xE3069283u));

    [Test]
    public void ForeignFileIsReported()
    {
        var ex = Fails(Encoding.UTF8.GetBytes("ID,FORM\n1,hello\n"));
        Assert.That(ex.Message, Is.EqualTo("m.bin: not a TextLens model file (bad magic bytes)"));
    }

    [Test]
    public void EmptyFileIsReported() =>
        Assert.That(Fails([]).Problem, Is.EqualTo("not a TextLens model file (bad magic bytes)"));

    [Test]
    public void TruncatedFileIsReported()
    {
        var bytes = Sample();
        int n = bytes.Length;
        var ex = Fails(bytes[..(n - 10)]);
        Assert.That(ex.Problem, Is.EqualTo($"truncated: header declares {n} bytes but the file has {n - 10}"));
    }

    [Test]
    public void TruncatedInsideHeaderIsReported() =>
        Assert.That(Fails(Sample()[..12]).Problem, Is.EqualTo("truncated: 12 bytes is shorter than the model header"));

    [Test]
    public void WrongFormatVersionIsReported()
    {
        var bytes = Sample();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 9);
        Assert.That(Fails(bytes).Problem, Is.EqualTo("unsupported model format version 9 (this TextLens reads version 1)"));
    }

    [Test]
    public void FlippedByteFailsTheChecksum()
    {
        var bytes = Sample();
        bytes[bytes.Length / 2] ^= 0x40;
        Assert.That(Fails(bytes).Problem, Does.StartWith("checksum mismatch (stored ").And.EndWith("): the file is corrupt"));
    }

    [Test]
    public void WrongKindIsReported() =>
        Assert.That(Fails(Sample(), kind: "ner").Problem, Is.EqualTo("is a 'pos' model, expected a 'ner' model"));

    [Test]
    public void NewerKindVersionIsReported()
    {
        var f = new ModelFile("pos", kindVersion: 3);
        Assert.That(Fails(f.ToArray()).Problem, Is.EqualTo("unsupported 'pos' model version 3 (this TextLens reads versions 1–1)"));
    }

    [Test]
    public void HugeCountWithValidChecksumIsRefusedWithoutAllocating()
    {
        // A well-formed container whose section claims 2^31 floats: the reader must refuse, not allocate 8 GB.
        var f = new ModelFile("pos", 1);
        var w = f.AddSection("weights");
        w.WriteUInt32(0x7FFF_FFFF);
        w.WriteSingle(1f);
        var g = ModelFile.Parse(f.ToArray(), "m.bin", "pos", 1);
        var ex = Assert.Throws<DataFileException>(() => g.Section("weights").ReadArray<float>());
        Assert.That(ex!.Message, Is.EqualTo("m.bin: section 'weights': count 2147483647 exceeds what the remaining 4 bytes can hold"));
    }

    [Test]
    public void MissingSectionIsReported()
    {
        var f = ModelFile.Parse(Sample(), "m.bin", "pos", 1);
        var ex = Assert.Throws<DataFileException>(() => f.Section("lemmas"));
        Assert.That(ex!.Message, Is.EqualTo("m.bin: pos model lacks the required section 'lemmas'"));
    }

    [Test]
    public void ReadingPastASectionIsReported()
    {
        var r = ModelFile.Parse(Sample(), "m.bin", "pos", 1).Section("weights");
        r.ReadInt32();
        r.ReadArray<float>();
        var ex = Assert.Throws<DataFileException>(() => r.ReadInt32());
        Assert.That(ex!.Message, Is.EqualTo("m.bin: section 'weights': truncated: needs 4 more bytes at offset 16, only 0 remain"));
    }

    [Test]
    public void StreamsAndFilesReadTheSame()
    {
        var path = Path.Combine(Path.GetTempPath(), $"textlens-modelfile-{Environment.ProcessId}.bin");
        try
        {
            File.WriteAllBytes(path, Sample());
            var f = ModelFile.Load(path, "pos", 1);
            Assert.That(f.Labels("tags"), Has.Length.EqualTo(2));
            var ex = Assert.Throws<DataFileException>(() => ModelFile.Load(path + ".missing", "pos", 1));
            Assert.That(ex!.Problem, Does.StartWith("cannot be read: "));
        }
        finally { File.Delete(path); }
    }
}
