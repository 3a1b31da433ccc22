namespace TextLens.BenchGate.Tests;

/// <summary>
/// The instruction-count gate on real callgrind counts (Fixtures/instructions): <c>counts.tsv</c> is an unchanged run,
/// <c>counts-slow-tagger.tsv</c> the replay of a deliberately slowed tagger (<c>tools/instr-gate.sh --slow tagger:50</c>:
/// fixed busy work per token after the tagger, a few percent of its work), both on the article and the policy sample.
/// </summary>
public class InstructionGateTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "instructions", name);

    private static List<StageCount> Counts(string name) => InstructionGate.StageCounts(File.ReadLines(Fixture(name)));

    private static InstructionBaseline BaselineOf(IEnumerable<StageCount> stages) => new() { Commit = "cafe123", Date = "2026-12-02T18:00:00Z", Stages = stages.ToList() };

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Cli.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Test]
    public void ReadsCountsAndRefusesIncompleteOnes()
    {
        var lines = new[] { "article\ttokenizer\t100", "article\tsentences\t50", "article\ttagger\t250",
            "article\tlemmatizer\t50", "article\tentities\t250", "article\tstance\t100", "article\tsentiment\t50" };
        Assert.That(InstructionGate.StageCounts(lines).Select(s => (s.Stage, s.Instructions)), Is.EqualTo(new[]
        {
            ("tokenizer", 100L), ("sentences", 50L), ("tagger", 250L), ("lemmatizer", 50L), ("entities", 250L), ("stance", 100L), ("sentiment", 50L),
        }));
        Assert.Multiple(() =>
        {
            Assert.That(() => InstructionGate.StageCounts(lines.Where(l => !l.Contains("tagger"))),
                Throws.TypeOf<InvalidDataException>().With.Message.EqualTo("article: no count for stage tagger (a run failed half-way?)"));
            Assert.That(() => InstructionGate.StageCounts(["article\ttagger\tmany"]),
                Throws.TypeOf<InvalidDataException>().With.Message.StartsWith("counts line 1: expected"));
            Assert.That(() => InstructionGate.StageCounts([.. lines, "article\ttagger\t7"]),
                Throws.TypeOf<InvalidDataException>().With.Message.EqualTo("counts line 8: article tagger is counted twice"));
            Assert.That(() => InstructionGate.StageCounts(["article\ttagger\t0"]),
                Throws.TypeOf<InvalidDataException>().With.Message.EqualTo("counts line 1: article tagger counted no instructions (a run failed?)"));
        });
    }

    // As in benchmarks/instructions-baseline.json: the policy sample's sentiment stage has its own 5 % (docs/benchmark-gates.md).
    private static InstructionBaseline CommittedBaselineOf(IEnumerable<StageCount> stages) =>
        BaselineOf(stages.Select(c => c.Input == "policy" && c.Stage == "sentiment" ? c with { Threshold = 0.05 } : c));

    [Test]
    public void UnchangedCountsPassAndTheReplayedSlowTaggerFails()
    {
        var baseline = CommittedBaselineOf(Counts("counts.tsv"));
        Assert.That(InstructionGate.Compare(baseline, Counts("counts.tsv"), 0.02).Any(r => r.Fails), Is.False);

        var rows = InstructionGate.Compare(baseline, Counts("counts-slow-tagger.tsv"), 0.02);
        Assert.Multiple(() =>
        {
            Assert.That(rows.Where(r => r.Fails).Select(r => (r.Input, r.Stage)), Is.EqualTo(new[] { ("article", "tagger"), ("policy", "tagger") }));
            Assert.That(rows.Where(r => r.Stage == "tagger").Select(r => r.Change!.Value), Has.All.InRange(0.02, 0.06), "a few percent more work in the tagger");
            // The other stages do not move, except by the known per-run step of the policy sample's stance and sentiment
            // (docs/benchmark-gates.md), which their own thresholds absorb.
            Assert.That(rows.Where(r => r.Stage != "tagger" && r.Threshold is null).Select(r => Math.Abs(r.Change!.Value)), Has.All.LessThan(0.005));
        });
        // ...and a gate at 6 % would let it through: the threshold is what decides.
        Assert.That(InstructionGate.Compare(baseline, Counts("counts-slow-tagger.tsv"), 0.06).Any(r => r.Fails), Is.False);
    }

    [Test]
    public void AStageWithItsOwnThresholdIsJudgedByIt()
    {
        var counts = Counts("counts.tsv");
        var baseline = BaselineOf(counts.Select(c => c.Input == "policy" && c.Stage == "sentiment" ? c with { Threshold = 0.05 } : c));
        var now = counts.Select(c => c.Stage == "sentiment" ? c with { Instructions = c.Instructions * 103 / 100 } : c).ToList();
        var rows = InstructionGate.Compare(baseline, now, 0.02);
        Assert.That(rows.Where(r => r.Fails).Select(r => (r.Input, r.Stage)), Is.EqualTo(new[] { ("article", "sentiment") }), "+3%: over 2%, under the 5% of its own");
        Assert.That(InstructionGate.Table(rows, 0.02), Does.Match(@"\| policy \| sentiment \| [\d,]+ \| [\d,]+ \| \+3\.000% \| ok \(own threshold \+5%\) \|"));
    }

    [Test]
    public void AnInputNotRunIsReportedNotFailed()
    {
        var baseline = BaselineOf(Counts("counts.tsv"));
        var articleOnly = Counts("counts-slow-tagger.tsv").Where(s => s.Input == "article").ToList();
        var rows = InstructionGate.Compare(baseline, articleOnly, 0.02);
        Assert.Multiple(() =>
        {
            Assert.That(rows.Where(r => r.Input == "policy").Select(r => (r.NotRun, r.Fails)), Has.All.EqualTo((true, false)));
            Assert.That(rows.Where(r => r.Fails).Select(r => (r.Input, r.Stage)), Is.EqualTo(new[] { ("article", "tagger") }));
            Assert.That(InstructionGate.Table(rows, 0.02), Does.Contain("| policy | tagger | 548,848,213 | - | - | not run (input absent) |"));
        });
        // A stage missing from an input that ran fails.
        var missing = InstructionGate.Compare(baseline, Counts("counts.tsv").Where(s => !(s.Input == "policy" && s.Stage == "stance")).ToList(), 0.02);
        Assert.That(missing.Where(r => r.Fails).Select(r => (r.Input, r.Stage, r.Now)), Is.EqualTo(new[] { ("policy", "stance", (long?)null) }));
    }

    [Test]
    public void CommandLineUpdateThenCompare()
    {
        string dir = Path.Combine(Path.GetTempPath(), "instr-gate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string baseline = Path.Combine(dir, "instructions-baseline.json"), summary = Path.Combine(dir, "summary.md");
            var update = Run("instructions-update", "--counts", Fixture("counts.tsv"), "--baseline", baseline, "--commit", "cafe123", "--date", "2026-12-02T18:00:00Z");
            Assert.That(update.Code, Is.Zero, update.Err);
            Assert.That(update.Out, Does.Contain("wrote").And.Contain("14 stage counts, commit cafe123"));

            var pass = Run("instructions-compare", "--counts", Fixture("counts.tsv"), "--baseline", baseline, "--summary", summary);
            Assert.That((pass.Code, pass.Out.Trim().Split('\n')[^1]), Is.EqualTo((0, "instr-gate: PASSED (14 stage counts within +2% of the baseline of cafe123)")));

            var fail = Run("instructions-compare", "--counts", Fixture("counts-slow-tagger.tsv"), "--baseline", baseline, "--summary", summary);
            Assert.Multiple(() =>
            {
                Assert.That(fail.Code, Is.EqualTo(1));
                Assert.That(fail.Out, Does.Contain("instr-gate: FAILED (2 stage counts above +2% of the baseline of cafe123, or missing)"));
                Assert.That(File.ReadAllText(summary), Does.Match(@"\| article \| tagger \| [\d,]+ \| [\d,]+ \| \+\d\.\d{3}% \| FAIL slower \|"));
            });
            Assert.That(Run("instructions-compare", "--counts", Fixture("counts.tsv")).Code, Is.EqualTo(3));
            Assert.That(Run("instructions-compare", "--counts", Path.Combine(dir, "absent.tsv"), "--baseline", baseline).Code, Is.EqualTo(2));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
