using TextLens.Models;

namespace TextLens.Tests.Models;

public class CsvTableTests
{
    [Test]
    public void ReadsQuotedFieldsCommentsAndLineNumbers()
    {
        const string csv = "# a comment\nphrase,score\n\"no, never\",-1.5\n\nbreakthrough,2\n";
        var rows = CsvTable.Read(csv, "test.csv", "phrase", "score");
        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(rows[0].Required("phrase"), Is.EqualTo("no, never"));
            Assert.That(rows[0].Double("score"), Is.EqualTo(-1.5));
            Assert.That(rows[0].Line, Is.EqualTo(3));
            Assert.That(rows[1].Required("phrase"), Is.EqualTo("breakthrough"));
            Assert.That(rows[1].Line, Is.EqualTo(5));
        });
    }

    [Test]
    public void BadNumberNamesFileLineAndColumn()
    {
        const string csv = "phrase,score\nfine,1\nbad,abc\n";
        var rows = CsvTable.Read(csv, "lex.csv", "phrase", "score");
        var ex = Assert.Throws<DataFileException>(() => rows[1].Double("score"));
        Assert.That(ex!.Message, Is.EqualTo("lex.csv, line 3: column 'score' is not a number: 'abc'"));
    }

    [Test]
    public void MissingColumnIsReported()
    {
        var ex = Assert.Throws<DataFileException>(() => CsvTable.Read("phrase\nx\n", "lex.csv", "phrase", "score"));
        Assert.That(ex!.Message, Is.EqualTo("lex.csv, line 1: header lacks required column 'score' (has: phrase)"));
    }

    [Test]
    public void EmptyFileIsReported()
    {
        var ex = Assert.Throws<DataFileException>(() => CsvTable.Read("", "empty.csv"));
        Assert.That(ex!.Message, Is.EqualTo("empty.csv: file is empty (no header line)"));
    }
}
