using System.Collections.Frozen;

namespace TextLens.Entities;

/// <summary>Closed word classes the built-in rules use (titles, organisation and event heads, months, …).</summary>
internal static class EntityWords
{
    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
    private static FrozenSet<string> SetIgnoreCase(params string[] words) => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> Months = SetIgnoreCase(
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December");

    public static readonly FrozenSet<string> MonthAbbreviations = SetIgnoreCase(
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec");

    public static readonly FrozenSet<string> Weekdays = Set("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    public static readonly FrozenSet<string> PeriodUnits = SetIgnoreCase(
        "year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "century", "centuries", "quarter", "quarters");

    public static readonly FrozenSet<string> Seasons = SetIgnoreCase("spring", "summer", "autumn", "fall", "winter");

    public static readonly FrozenSet<string> NumberWords = SetIgnoreCase(
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
        "thirty", "forty", "fifty", "hundred", "a", "many", "several", "few", "some", "recent", "couple");

    public static readonly FrozenSet<string> RelativeDeterminers = SetIgnoreCase("this", "last", "next", "past", "coming", "previous", "current", "same", "following");

    public static readonly FrozenSet<string> DatePrepositions = SetIgnoreCase(
        "in", "since", "until", "till", "by", "from", "before", "after", "during", "of", "through", "throughout", "early", "late", "mid", "last", "next", "this", "on", "to");

    /// <summary>Words that end an organisation name: "Khazar University", "OSCE Minsk Group".</summary>
    public static readonly FrozenSet<string> OrgHeads = Set(
        "University", "Institute", "Institution", "Center", "Centre", "Council", "Committee", "Commission", "Ministry", "Department",
        "Agency", "Bank", "Fund", "Foundation", "Association", "Organization", "Organisation", "Party", "Union", "Group", "Assembly",
        "Parliament", "Court", "Office", "Academy", "Corporation", "Company", "Inc", "Ltd", "LLC", "Alliance", "Movement", "Front",
        "Network", "Service", "Forces", "Army", "Navy", "Guard", "Police", "School", "College", "Society", "Federation", "Board",
        "Authority", "Bureau", "Programme", "Program", "Secretariat", "Cabinet", "Government", "Tribunal", "Endowment", "Trust",
        "Council", "Chamber", "Commission", "Consortium", "Initiative", "Club", "Brigade", "Battalion", "Command", "Corps",
        "Mission", "Embassy", "Consulate", "Observatory", "Times", "Post", "Journal", "Herald", "Tribune", "Press", "News",
        "Television", "Radio", "Airlines", "Airways", "Group", "Holding", "Holdings", "Partnership", "Coalition", "Caucus",
        "Senate", "Congress", "Duma", "Majlis", "Knesset", "Rada", "Sejm", "Bundestag", "Milli", "Hospital", "Library", "Museum");

    /// <summary>Words that end an event name: "Antalya Diplomacy Forum", "Cold War".</summary>
    public static readonly FrozenSet<string> EventHeads = Set(
        "Forum", "Summit", "Conference", "Games", "Olympics", "Expo", "Festival", "Dialogue", "Revolution", "War", "Crisis",
        "Massacre", "Genocide", "Uprising", "Spring", "Championship", "Championships", "Cup", "Convention", "Olympiad",
        "Biennale", "Marathon", "Offensive", "Blockade", "Siege", "Election", "Elections", "Referendum", "Protests", "Revolt",
        "Rebellion", "Invasion", "Holocaust");

    /// <summary>Titles before a person's name ("Foreign Minister Bayramov", "Dr Vasif Huseynov").</summary>
    public static readonly FrozenSet<string> Titles = Set(
        "President", "Minister", "Ministers", "Chancellor", "Premier", "Dr", "Mr", "Mrs", "Ms", "Miss", "Prof", "Professor", "Ambassador",
        "Senator", "Secretary", "General", "Gen", "King", "Queen", "Prince", "Princess", "Sheikh", "Emir", "Pope", "Speaker", "Envoy",
        "Commissioner", "Governor", "Mayor", "Chairman", "Chairwoman", "Chair", "Director", "Representative", "Spokesperson",
        "Spokesman", "Spokeswoman", "Colonel", "Col", "Lieutenant", "Lt", "Marshal", "Admiral", "Adm", "Leader", "Patriarch",
        "Catholicos", "Archbishop", "Bishop", "Ayatollah", "Vice", "Deputy", "Foreign", "Prime", "Defence", "Defense", "Interior",
        "Justice", "Finance", "Economy", "Commander", "Captain", "Capt", "Sergeant", "Sgt", "Major", "Judge", "Justice", "Sir",
        "Dame", "Lord", "Lady", "Rev", "Father", "Imam", "Rabbi", "Sultan", "Tsar", "Czar", "Crown", "Supreme", "Acting",
        "Chief", "Executive", "Officer", "Advisor", "Adviser", "Counselor", "Councillor", "Rapporteur", "Coordinator", "Head",
        "Congressman", "Congresswoman", "Rep", "Sen", "MP", "MEP", "CEO", "Founder", "Editor", "Senior", "Fellow", "Analyst",
        "Ombudsman", "Prosecutor", "Attorney", "Elect");

    /// <summary>Lower-case role nouns after an appositive comma ("Farid Shafiyev, Chairman of …", "X, a senior fellow at …").</summary>
    public static readonly FrozenSet<string> RoleNouns = SetIgnoreCase(
        "chairman", "chairwoman", "chair", "president", "director", "head", "minister", "spokesman", "spokeswoman", "spokesperson",
        "founder", "co-founder", "author", "professor", "leader", "ambassador", "ceo", "adviser", "advisor", "analyst", "expert",
        "researcher", "fellow", "senior", "secretary", "envoy", "commissioner", "deputy", "member", "editor", "journalist",
        "correspondent", "lecturer", "associate", "scholar", "representative", "governor", "mayor", "general", "colonel", "former",
        "chief", "executive", "prime", "foreign", "vice", "minister", "lawmaker", "politician", "official", "diplomat", "historian",
        "economist", "activist", "co-chair", "rapporteur", "mp", "mep", "who");

    /// <summary>Verbs of saying after a person's name ("Pashinyan said").</summary>
    public static readonly FrozenSet<string> SpeechVerbs = Set(
        "said", "says", "told", "noted", "notes", "remarked", "stated", "states", "argued", "argues", "added", "wrote", "writes",
        "stressed", "emphasized", "emphasised", "warned", "warns", "claimed", "claims", "believes", "explained", "insisted",
        "declared", "announced", "suggested", "suggests", "reiterated", "underlined", "acknowledged", "admitted", "recalled", "urged",
        "called", "asked", "replied", "responded", "tweeted", "posted", "met", "visited", "signed");

    /// <summary>Capitalised function words that start sentences but never names.</summary>
    public static readonly FrozenSet<string> CapitalStopWords = Set(
        "The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "For", "From", "By", "With", "As", "If", "While", "When",
        "Whereas", "Although", "Though", "But", "And", "Or", "Nor", "However", "Moreover", "Meanwhile", "Instead", "Indeed", "Yet",
        "So", "It", "Its", "He", "She", "They", "We", "I", "Our", "Their", "His", "Her", "There", "Here", "What", "Which", "Who",
        "Whom", "Whose", "Why", "How", "Where", "According", "After", "Before", "During", "Since", "Until", "Despite", "Given",
        "Considering", "Notably", "Clearly", "Certainly", "Importantly", "Unfortunately", "Fortunately", "Recently", "Also", "Such",
        "Many", "Some", "Several", "Both", "Each", "Every", "All", "No", "Not", "Any", "Most", "Other", "Another", "Today",
        "Yesterday", "Tomorrow", "Source", "Photo", "Opinion", "Read", "See", "Note", "Thus", "Hence", "Therefore", "Furthermore",
        "Nevertheless", "Nonetheless", "Still", "Then", "Now", "Once", "Even", "Only", "Just", "Perhaps", "Maybe", "Of", "To",
        "Under", "Over", "Between", "Among", "Against", "Without", "Within", "Through", "Into", "Across", "Via", "Per", "Do",
        "Does", "Did", "Is", "Are", "Was", "Were", "Be", "Will", "Would", "Can", "Could", "Should", "Must", "May", "Might",
        "Let", "Let's", "You", "Your", "My", "Me", "Us", "Them", "Him", "One", "Two", "Three", "Dear", "Hello", "Thanks", "Yes",
        "Please", "Like", "Unlike", "Because", "Unless", "Whether", "Similarly", "Likewise", "Overall", "Finally", "Lastly",
        "Firstly", "Secondly", "Ultimately", "Apparently", "Obviously", "Surely", "Interestingly", "Crucially", "Specifically",
        "Especially", "Particularly", "Regardless", "Either", "Neither", "Upon", "Toward", "Towards", "About", "Above", "Below",
        "Beyond", "Near", "Around", "Following", "Including", "Regarding", "Concerning", "Amid", "Amidst");

    /// <summary>Lower-case words that may join capitalised words inside a name ("Center of Analysis of International Relations").</summary>
    public static readonly FrozenSet<string> NameConnectors = Set("of", "for", "on", "and", "the", "de", "du", "des", "la", "le", "al", "el", "bin", "van", "von", "der", "den", "da", "di", "&", "in");

    /// <summary>Top-level domains for bare web-site names ("commonsplace.eu").</summary>
    public static readonly FrozenSet<string> Domains = SetIgnoreCase(
        "com", "org", "net", "eu", "int", "gov", "edu", "info", "io", "news", "az", "am", "ge", "ru", "uk", "tr", "de", "fr", "ua",
        "kz", "uz", "ir", "us", "ca", "au", "in", "cn", "jp", "it", "es", "nl", "be", "ch", "at", "se", "pl", "media", "online", "press");

    public static bool Contains(FrozenSet<string> set, ReadOnlySpan<char> word) => set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
