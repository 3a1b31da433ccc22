using System.Collections.Frozen;

namespace TextLens.Stance;

/// <summary>Closed word classes the stance layer uses for negation scope, clause boundaries, holders and targets.</summary>
internal static class StanceWords
{
    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Negators (after VADER's list, restricted to clause negation).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Negators = Set(
        "not n't never no cannot can't won't don't doesn't didn't isn't aren't wasn't weren't hasn't haven't hadn't wouldn't " +
        "shouldn't couldn't mustn't needn't neither nor without");

    /// <summary>Auxiliaries and modals that belong to a verb group.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Auxiliaries = Set(
        "be is are was were been being am 's 're 'm has have had having 've do does did will would shall should can could may " +
        "might must 'll 'd wo ca remains remain remained seems seem appears appear");

    /// <summary>Adverbs that may sit inside a verb group ("is still not willing", "no longer seeks").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> VerbGroupAdverbs = Set(
        "also still now clearly apparently reportedly evidently firmly openly repeatedly further therefore thus again even " +
        "already simply certainly ultimately increasingly urgently longer yet so currently consistently publicly officially " +
        "strongly categorically flatly really actually always");

    /// <summary>Words that open a new clause.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseWords = Set(
        "that which who whom whose while whereas although though because if unless until when whether where but since " +
        "whilst why how");

    /// <summary>Words that stop a target phrase.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TargetStops = Set(
        "that which who whom whose while whereas although though because if unless until when whether where but since " +
        "whilst before after as once provided");

    /// <summary>Restrictive predicates that make a following "until"/"before" a condition.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Restrictive = Set(
        "limited restricted impossible blocked suspended frozen postponed delayed halted stalled remain remains remained " +
        "withheld conditional nothing none only hesitant reluctant unwilling refuse refuses refused reject rejects rejected");

    /// <summary>Verbs of saying and thinking that introduce reported speech.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReportingVerbs = Set(
        "said says say stated states noted notes remarked remarks argued argues claimed claims emphasized emphasised " +
        "emphasizes emphasises stressed stresses underlined underlines warned warns insisted insists added adds reiterated " +
        "reiterates declared declares announced announces told tells asserted asserts maintained maintains observed observes " +
        "explained explains believes believe thinks think acknowledged acknowledges admitted admits wrote writes contended " +
        "contends pointed points recalled recalls replied replies countered counters noted cautioned cautions predicted predicts " +
        "concluded concludes estimated estimates opined opines fear fears feared worry worries worried expect expects " +
        "suspect suspects doubt doubts assume assumes signalled signaled");

    /// <summary>Reporting verbs that are also plural nouns ("member states", "claims").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AmbiguousReportingVerbs = Set(
        "states notes claims remarks points estimates replies counters recalls warns adds writes says tells concludes");

    /// <summary>Verbs of demanding: an obligation the subject imposes ("the UN urged Israel to …").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DemandVerbs = Set(
        "urge urges urged urging demand demands demanded demanding oblige obliges obliged compel compels compelled insist insists insisted " +
        "call calls called calling recommend recommends recommended");

    /// <summary>Perception verbs in "In Baku, this is seen as …".</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PerceptionVerbs = Set(
        "seen viewed perceived regarded considered interpreted understood read treated");

    /// <summary>Determiners and quantifiers that can open a noun phrase.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Determiners = Set(
        "the a an this these those both each all several many some its their his her our your my every either most " +
        "two three four five six seven eight nine ten other such another any no");

    /// <summary>Personal pronouns that can be subjects.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Pronouns = Set(
        "i we you he she they it this that there which what who one us them");

    /// <summary>Function words that can never be part of a noun phrase (untagged fallback).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NonNominal = Set(
        "be is are was were been being am 's 're 'm has have had having 've do does did will would shall should can could may " +
        "might must 'll 'd wo ca not n't never to in on at for with by from into onto towards toward among amongst between " +
        "against about under over through during after before despite since until unless if while whereas although though " +
        "because that which who whom whose when where whether but or nor so yet as than then there here also still now " +
        "however therefore thus instead meanwhile moreover furthermore indeed just only even very too quite rather already " +
        "again seeks seek sought aims favors favours wants refuses rejects continue continues remain remains said says");

    /// <summary>Prepositions (untagged fallback).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Prepositions = Set(
        "in on at for with by from into onto towards toward among amongst between against about under over through during " +
        "after before despite since upon within without across along amid around beyond following given regarding per via");

    /// <summary>Titles that precede a person's name and are not part of it.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = Set(
        "president prime minister foreign deputy defense defence secretary general chancellor ambassador chairman chairwoman " +
        "chair director spokesperson spokesman spokeswoman senator governor mayor king queen dr mr mrs ms miss prof professor " +
        "sir lord envoy special representative commissioner head leader vice high advisor adviser senior premier pope " +
        "sheikh emir crown prince princess speaker congressman congresswoman mp former acting interior economy finance");

    /// <summary>First words of multi-word place names (so they are not taken for a person's first name).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceFirstWords = Set(
        "south north east west new saudi united sri costa el hong latin central middle great san santo sierra burkina " +
        "puerto czech dominican ivory papua solomon marshall cape trinidad bosnia antigua saint st le la los las upper lower");

    /// <summary>Words that end organisation names (so they are not taken for a person's surname).</summary>
    /// <summary>Common nouns for people and groups of people, who can hold beliefs and feelings ("policymakers fear").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PeopleWords = Set(
        "officials official policymakers policy-makers leaders leader ministers minister diplomats diplomat analysts analyst " +
        "experts expert critics critic observers observer voters citizens people public residents population populations " +
        "allies ally partners partner governments states countries nations regimes elites generals officers commanders " +
        "investors businesses companies firms lawmakers legislators politicians activists protesters rebels militants " +
        "president prime chancellor spokesman spokeswoman spokesperson scholars commentators bloggers media journalists " +
        "europeans americans russians ukrainians chinese establishment figures decision-makers makers bloggers camp side " +
        "hawks doves opposition supporters opponents");

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InstitutionWords = Set(
        "ministry union office council government center centre committee commission department nations states republic " +
        "kingdom group organization organisation party parliament assembly bank forum agency institute university court " +
        "federation alliance administration cabinet service services army forces police company corporation fund " +
        "foundation association network press times post news summit conference board authority authorities emirates " +
        "islands community");

    public static bool Contains(this FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> set, Document doc, int token)
    {
        ref readonly var t = ref doc.TokenStore[token];
        return set.Contains(doc.LowerText.AsSpan(t.Start, t.Length));
    }
}
