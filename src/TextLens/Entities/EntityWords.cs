namespace TextLens.Entities;

/// <summary>Closed word classes the built-in rules use (titles, organisation and event heads, months, …).</summary>
internal static class EntityWords
{
    private static WordSet Set(params string[] words) => new(words, StringComparer.Ordinal);
    private static WordSet SetIgnoreCase(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);

    public static readonly WordSet Months = SetIgnoreCase(
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December");

    /// <summary>Ordinals that enumerate points ("Second, the railway must open."): never a name when a comma follows.</summary>
    public static readonly WordSet EnumeratingOrdinals = Set(
        "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Next", "Last", "Thirdly", "Fourthly");

    public static readonly WordSet MonthAbbreviations = SetIgnoreCase(
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec");

    /// <summary>Every word that can start a date expression (lower-case): months, weekdays, counts, relative words, periods.</summary>
    public static readonly WordSet DateWords = SetIgnoreCase([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow", "the",
        "this", "last", "next", "past", "coming", "previous", "current", "same", "following",
        "year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "century", "centuries", "quarter", "quarters",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
        "thirty", "forty", "fifty", "hundred", "a", "many", "several", "few", "some", "recent", "couple"]);

    public static readonly WordSet Weekdays = Set("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    public static readonly WordSet PeriodUnits = SetIgnoreCase(
        "year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "century", "centuries", "quarter", "quarters");

    public static readonly WordSet Seasons = SetIgnoreCase("spring", "summer", "autumn", "fall", "winter");

    public static readonly WordSet NumberWords = SetIgnoreCase(
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
        "thirty", "forty", "fifty", "hundred", "a", "many", "several", "few", "some", "recent", "couple");

    public static readonly WordSet RelativeDeterminers = SetIgnoreCase("this", "last", "next", "past", "coming", "previous", "current", "same", "following");

    public static readonly WordSet DatePrepositions = SetIgnoreCase(
        "in", "since", "until", "till", "by", "from", "before", "after", "during", "of", "through", "throughout", "early", "late", "mid", "last", "next", "this", "on", "to", "the");

    /// <summary>Words that end an organisation name: "Khazar University", "OSCE Minsk Group".</summary>
    public static readonly WordSet OrgHeads = Set(
        "University", "Institute", "Institution", "Center", "Centre", "Council", "Committee", "Commission", "Ministry", "Department",
        "Agency", "Bank", "Fund", "Foundation", "Association", "Organization", "Organisation", "Party", "Union", "Group", "Assembly",
        "Parliament", "Court", "Office", "Academy", "Corporation", "Company", "Inc", "Ltd", "LLC", "Alliance", "Movement", "Front",
        "Network", "Service", "Forces", "Army", "Navy", "Guard", "Police", "School", "College", "Society", "Federation", "Board",
        "Authority", "Bureau", "Programme", "Program", "Secretariat", "Cabinet", "Government", "Tribunal", "Endowment", "Trust",
        "Council", "Chamber", "Commission", "Consortium", "Initiative", "Club", "Brigade", "Battalion", "Command", "Corps",
        "Mission", "Embassy", "Consulate", "Observatory", "Times", "Post", "Journal", "Herald", "Tribune", "Press", "News",
        "Television", "Radio", "Airlines", "Airways", "Group", "Holding", "Holdings", "Partnership", "Coalition", "Caucus",
        "Senate", "Congress", "Duma", "Majlis", "Knesset", "Rada", "Sejm", "Bundestag", "Milli", "Hospital", "Library", "Museum",
        "Church", "Patriarchate", "Synod", "Diocese");

    /// <summary>
    /// Words that head the name of a document, law or route ("Declaration of Independence", "Treaty of Kars", "Trump Route
    /// for International Peace and Prosperity"): OntoNotes LAW/FAC, none of TextLens's labels, and nothing inside such a
    /// name is an entity of its own.
    /// </summary>
    public static readonly WordSet DocumentHeads = Set(
        "Declaration", "Treaty", "Agreement", "Accord", "Accords", "Act", "Charter", "Constitution", "Protocol", "Convention",
        "Route", "Plan", "Doctrine", "Resolution", "Memorandum", "Pact", "Strategy", "Law", "Code", "Statute", "Bill");

    /// <summary>
    /// The <see cref="DocumentHeads"/> that also end such a name ("Washington Declaration", "Paris Agreement", "Dayton
    /// Accords"); not "Constitution", "Law" or "Plan", which follow a nationality as common nouns ("the Armenian Constitution").
    /// </summary>
    public static readonly WordSet DocumentTails = Set(
        "Declaration", "Treaty", "Agreement", "Accord", "Accords", "Protocol", "Pact", "Memorandum", "Doctrine", "Charter");

    /// <summary>Words that end a (non-GPE) location name the gazetteer may not know: "Southern Gas Corridor", "Zangezur Corridor".</summary>
    public static readonly WordSet LocationHeads = Set(
        "Corridor", "Sea", "Mountains", "Valley", "Basin", "Strait", "Peninsula", "Plateau", "Highlands", "Desert", "Lowlands", "Steppe");

    /// <summary>Words that end an event name: "Antalya Diplomacy Forum", "Cold War".</summary>
    public static readonly WordSet EventHeads = Set(
        "Forum", "Summit", "Conference", "Games", "Olympics", "Expo", "Festival", "Dialogue", "Revolution", "War", "Crisis",
        "Massacre", "Genocide", "Uprising", "Spring", "Championship", "Championships", "Cup", "Olympiad",
        "Biennale", "Marathon", "Offensive", "Blockade", "Siege", "Election", "Elections", "Referendum", "Protests", "Revolt",
        "Rebellion", "Invasion", "Holocaust");

    /// <summary>Given names that are also English words, which given_names.csv leaves out ("Mark Lay", "Will Hutton").</summary>
    public static readonly WordSet WordGivenNames = new(
        ["Mark", "Will", "Grace", "Rose", "Hope", "Faith", "Joy", "Bill", "Frank", "Jack", "Victor", "Grant", "Dean", "Gene",
         "Guy", "Pat", "Sue", "Ray", "Rod", "Bob", "Art", "Ruby", "Iris", "Daisy", "Holly", "Amber", "April", "June", "May",
         "Don", "Drew", "Carol", "Sandy", "Dawn", "Max", "Wade", "Lance", "Chase", "Miles", "Ivy", "Pearl", "Violet", "Angel",
         "Earl", "Rich", "Glen", "Clay", "Cliff", "Dale", "Reed", "Penny", "Harry", "Bud", "Sky", "Crystal", "Autumn", "Summer"],
        StringComparer.Ordinal);

    /// <summary>
    /// Acronyms of common nouns, measures and weapon types ("GDP", "GPS", "UAV", "JDAM"): no names, however often
    /// capitalised; the model's spans on them are dropped and they never take an acronym's organisation label.
    /// </summary>
    public static readonly WordSet CommonAcronyms = new(
        ["GDP", "GNP", "GNI", "GPS", "CEO", "CFO", "FDI", "LNG", "LPG", "NGO", "NGOs", "UAV", "UAS", "ICBM", "SLBM", "IRBM", "WMD",
         "ESG", "ICT", "VAT", "SME", "SMEs", "IPO", "ETF", "CPI", "PMI", "EEZ", "ADIZ", "HIMARS", "ATACMS", "MANPADS", "IED",
         "JDAM", "GMLRS", "AI", "EV", "EVs", "USD", "EUR", "GHG", "API", "CPU", "GPU", "DNA", "HIV", "AIDS", "COVID", "PPP",
         "ODA", "FTA", "BIT", "MOU", "MoU", "PhD", "TV", "IT", "PR", "HR", "IP", "KPI", "R&D", "CBRN", "SIGINT", "HUMINT",
         "OSINT", "ISR", "C4ISR", "NPP", "SMR", "EW", "IADS", "SAM", "SAMs", "ASAT", "MIRV", "SSBN", "SSN", "PGM", "ATGM"],
        StringComparer.Ordinal);

    /// <summary>Titles before a person's name ("Foreign Minister Bayramov", "Dr Vasif Huseynov").</summary>
    public static readonly WordSet Titles = Set(
        "President", "Presidents", "Minister", "Ministers", "Senators", "Generals", "Leaders", "Chancellor", "Premier", "Dr", "Mr", "Mrs", "Ms", "Miss", "Prof", "Professor", "Ambassador",
        "Senator", "Secretary", "General", "Gen", "King", "Queen", "Prince", "Princess", "Sheikh", "Emir", "Pope", "Speaker", "Envoy",
        "Commissioner", "Governor", "Mayor", "Chairman", "Chairwoman", "Chair", "Director", "Representative", "Spokesperson",
        "Spokesman", "Spokeswoman", "Colonel", "Col", "Lieutenant", "Lt", "Marshal", "Admiral", "Adm", "Leader", "Patriarch",
        "Catholicos", "Archbishop", "Bishop", "Ayatollah", "Vice", "Deputy", "Foreign", "Prime", "Defence", "Defense", "Interior",
        "Justice", "Finance", "Economy", "Commander", "Captain", "Capt", "Sergeant", "Sgt", "Major", "Judge", "Justice", "Sir",
        "Dame", "Lord", "Lady", "Rev", "Father", "Imam", "Rabbi", "Sultan", "Tsar", "Czar", "Crown", "Supreme", "Acting",
        "Chief", "Executive", "Officer", "Advisor", "Adviser", "Counselor", "Councillor", "Rapporteur", "Coordinator", "Head",
        "Congressman", "Congresswoman", "Rep", "Sen", "MP", "MEP", "CEO", "Founder", "Editor", "Senior", "Fellow", "Analyst",
        "Ombudsman", "Prosecutor", "Attorney", "Elect", "Doctor", "Drs", "PM", "Pastor", "Coach", "Detective", "Reverend", "Mister", "Madam", "Madame", "Mme");

    /// <summary>Lower-case role nouns after an appositive comma ("Farid Shafiyev, Chairman of …", "X, a senior fellow at …").</summary>
    public static readonly WordSet RoleNouns = SetIgnoreCase(
        "chairman", "chairwoman", "chair", "president", "director", "head", "minister", "spokesman", "spokeswoman", "spokesperson",
        "founder", "co-founder", "author", "professor", "leader", "ambassador", "ceo", "adviser", "advisor", "analyst", "expert",
        "researcher", "fellow", "senior", "secretary", "envoy", "commissioner", "deputy", "member", "editor", "journalist",
        "correspondent", "lecturer", "associate", "scholar", "representative", "governor", "mayor", "general", "colonel", "former",
        "chief", "executive", "prime", "foreign", "vice", "minister", "lawmaker", "politician", "official", "diplomat", "historian",
        "economist", "activist", "co-chair", "rapporteur", "mp", "mep", "who");

    /// <summary>Verbs of saying after a person's name ("Pashinyan said").</summary>
    public static readonly WordSet SpeechVerbs = Set(
        "said", "says", "told", "noted", "notes", "remarked", "stated", "states", "argued", "argues", "added", "wrote", "writes",
        "stressed", "emphasized", "emphasised", "warned", "warns", "claimed", "claims", "believes", "explained", "insisted",
        "declared", "announced", "suggested", "suggests", "reiterated", "underlined", "acknowledged", "admitted", "recalled", "urged",
        "called", "asked", "replied", "responded", "tweeted", "posted", "met", "visited", "signed");

    /// <summary>Capitalised function words that start sentences but never names.</summary>
    public static readonly WordSet CapitalStopWords = Set(
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

    /// <summary>
    /// Evaluative words and chat abbreviations that capitalised review titles and informal lines start with
    /// ("Great Service", "WOW", "PS"): a span that starts with one is not a name unless the gazetteer knows it.
    /// </summary>
    public static readonly WordSet NotNameStarts = SetIgnoreCase(
        "Great", "Good", "Poor", "Bad", "Best", "Worst", "Better", "Worse", "Excellent", "Prompt", "Terrible", "Awful", "Amazing",
        "Wonderful", "Fantastic", "Friendly", "Horrible", "Fast", "Quick", "Reliable", "Professional", "Outstanding", "Superb",
        "Perfect", "Lousy", "Rude", "Fabulous", "Helpful", "Courteous", "Efficient", "Affordable", "Cheap", "Awesome", "Decent",
        "Wow", "Very", "Really", "Highly", "Okay", "Ok", "Avoid", "Beware", "Disappointing", "Disappointed", "Slow", "Expensive",
        "Overpriced", "Delicious", "Tasty", "Dirty", "Honest", "Caring", "Knowledgeable", "Thorough", "Reasonable", "Recommended",
        "Love", "Loved", "Lovely", "Pleasant", "Favorite", "Favourite", "Incompetent", "Unprofessional", "Never", "Fun", "Cool",
        "Happy", "Satisfied", "Unhappy", "Nasty", "Mediocre", "Exceptional", "Impressive", "Incredible", "Ripoff",
        "Scam", "PS", "FYI", "LOL", "OMG", "BTW", "ASAP", "IMO", "IMHO", "AKA",
        "RSVP", "TBA", "FAQ", "DIY", "THX", "PLS", "PLZ");

    /// <summary>Greetings and sign-offs before a name in messages ("Hi Vladi", "Thanks Jim"): never part of it.</summary>
    public static readonly WordSet Greetings = SetIgnoreCase(
        "Hi", "Hey", "Hello", "Dear", "Thanks", "Thank", "Welcome", "Congratulations", "Congrats", "Bye", "Cheers", "Regards", "Sincerely", "Yo");

    /// <summary>Lower-case words that may join capitalised words inside a name ("Center of Analysis of International Relations").</summary>
    public static readonly WordSet NameConnectors = Set("of", "for", "on", "and", "the", "de", "du", "des", "la", "le", "al", "el", "bin", "van", "von", "der", "den", "da", "di", "&", "in");

    /// <summary>Top-level domains for bare web-site names ("commonsplace.eu").</summary>
    public static readonly WordSet Domains = SetIgnoreCase(
        "com", "org", "net", "eu", "int", "gov", "edu", "info", "io", "news", "az", "am", "ge", "ru", "uk", "tr", "de", "fr", "ua",
        "kz", "uz", "ir", "us", "ca", "au", "in", "cn", "jp", "it", "es", "nl", "be", "ch", "at", "se", "pl", "media", "online", "press");

}

/// <summary>A read-only word set queried by span without allocating (the alternate lookup is created once).</summary>
/// <remarks>
/// The rules ask several sets about nearly every word, and most words are in none of them. Two exact pre-checks
/// reject most words before the span is hashed: the length (ordinal and ordinal-ignore-case equality both require
/// equal lengths) and, for an ASCII first character, whether any word of the set starts with it (in either case for
/// an ignore-case set). Non-ASCII first characters always go to the hash lookup, and an ignore-case set with a
/// non-ASCII initial disables the first-character check, so the answer is always the hash set's.
/// </remarks>
internal sealed class WordSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _minLength, _maxLength;
    private readonly UInt128 _asciiInitials; // bit c: some word may start with ASCII character c

    public WordSet(IEnumerable<string> words, StringComparer comparer)
    {
        var set = new HashSet<string>(words, comparer);
        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        bool ordinal = ReferenceEquals(comparer, StringComparer.Ordinal), ignoreCase = ReferenceEquals(comparer, StringComparer.OrdinalIgnoreCase);
        _minLength = int.MaxValue;
        bool allInitials = !ordinal && !ignoreCase;
        foreach (var w in set)
        {
            _minLength = Math.Min(_minLength, w.Length);
            _maxLength = Math.Max(_maxLength, w.Length);
            if (w.Length == 0) continue;
            char c = w[0];
            if (c >= 128) { allInitials |= ignoreCase; continue; }
            _asciiInitials |= UInt128.One << c;
            if (ignoreCase) _asciiInitials |= (UInt128.One << char.ToLowerInvariant(c)) | (UInt128.One << char.ToUpperInvariant(c));
        }
        if (allInitials) { _minLength = 0; _maxLength = int.MaxValue; _asciiInitials = UInt128.MaxValue; }
    }

    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length < _minLength || word.Length > _maxLength) return false;
        if (word.Length > 0 && word[0] < 128 && (_asciiInitials & (UInt128.One << word[0])) == UInt128.Zero) return false;
        return _lookup.Contains(word);
    }
}
