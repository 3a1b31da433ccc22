namespace TextLens.Tests.Entities;

/// <summary>Training, saving and loading the statistical entity model on a tiny synthetic set (never a full model in a test).</summary>
public class EntityModelTests
{
    private static List<EntityTrainingSentence> Synthetic()
    {
        var names = new[] { ("Anna", "Petrova"), ("Omar", "Haddad"), ("Lena", "Berg"), ("Ivo", "Marin"), ("Sara", "Novak") };
        var orgs = new[] { "Acme Holdings", "Blue River Trust", "Nordic Grain" };
        var places = new[] { "Tallinn", "Riga", "Vilnius" };
        var list = new List<EntityTrainingSentence>();
        foreach (var (first, last) in names)
            foreach (var org in orgs)
                foreach (var place in places)
                {
                    var tokens = new List<string> { first, last, "joined" };
                    var tags = new List<string> { "B-PERSON", "I-PERSON", "O" };
                    var o = org.Split(' ');
                    tokens.AddRange(o);
                    tags.AddRange(o.Select((_, i) => i == 0 ? "B-ORG" : "I-ORG"));
                    tokens.AddRange(["in", place, "."]);
                    tags.AddRange(["O", "B-LOC", "O"]);
                    list.Add(new EntityTrainingSentence(tokens, tags));
                }
        return list;
    }

    [Test]
    public void TrainsSavesLoadsAndRecognises()
    {
        var model = EntityModel.Train(Synthetic(), new EntityTrainingOptions { Epochs = 3, MinWeight = 0 });
        Assert.That(model.Evaluate(Synthetic())["ALL"].F1, Is.EqualTo(1.0));
        var path = Path.Combine(Path.GetTempPath(), $"textlens-ner-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path, new Dictionary<string, string> { ["corpora"] = "synthetic" });
            var loaded = EntityModel.Load(path);
            Assert.That(loaded.FeatureCount, Is.EqualTo(model.FeatureCount));
            var nlp = new TextLens.Pipeline().Add(new SentenceSplitter()).Add(new EntityRecognizer(EntityRuler.Empty, loaded));
            var doc = nlp.Process("Lena Haddad joined Blue River Trust in Vilnius.");
            Assert.That(doc.Entities.Select(e => (e.Label.Name, e.Text)), Is.EqualTo(new[] { ("PERSON", "Lena Haddad"), ("ORG", "Blue River Trust"), ("GPE", "Vilnius") }));
            Assert.That(doc.Entities[0].Source, Is.EqualTo(EntitySource.Model));
            Assert.That(doc.Entities[0].Confidence, Is.InRange(0.0, 1.0));
            Assert.That(doc.Entities[2].Source, Is.EqualTo(EntitySource.Gazetteer)); // same span: the gazetteer is more specific
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void SameSeedSameModel()
    {
        var a = EntityModel.Train(Synthetic(), new EntityTrainingOptions { Epochs = 2 });
        var b = EntityModel.Train(Synthetic(), new EntityTrainingOptions { Epochs = 2 });
        var pa = Path.GetTempFileName();
        var pb = Path.GetTempFileName();
        try
        {
            a.Save(pa);
            b.Save(pb);
            Assert.That(File.ReadAllBytes(pa), Is.EqualTo(File.ReadAllBytes(pb)));
        }
        finally { File.Delete(pa); File.Delete(pb); }
    }

    [Test]
    public void CorruptOrForeignFilesAreRejected()
    {
        var model = EntityModel.Train(Synthetic(), new EntityTrainingOptions { Epochs = 1 });
        var path = Path.GetTempFileName();
        try
        {
            model.Save(path);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            var e = Assert.Throws<DataFileException>(() => EntityModel.Load(path));
            Assert.That(e!.File, Is.EqualTo(path));
            bytes[bytes.Length / 2] ^= 0x5A;
            File.WriteAllBytes(path, bytes);
            Assert.Throws<DataFileException>(() => EntityModel.Load(path));
            File.WriteAllText(path, "not a model");
            Assert.Throws<DataFileException>(() => EntityModel.Load(path));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void MismatchedTokensAndTagsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => EntityModel.Train([new EntityTrainingSentence(["a", "b"], ["O"])]));
    }

    [Test]
    public void ReadsIob1AndIob2Columns()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "-DOCSTART- O\n\nthe I-ORG\nBlue I-ORG\nTrust I-ORG\nAcme B-ORG\nAnna I-PER\nX I-MISC\n\n");
            var s = EntityCorpus.ReadColumns(path, 0, 1, t => t switch { "PER" => "PERSON", "ORG" => "ORG", _ => null }).Single();
            Assert.That(s.Tags, Is.EqualTo(new[] { "O", "B-ORG", "I-ORG", "B-ORG", "B-PERSON", "O" }));
        }
        finally { File.Delete(path); }
    }
}
