using TextLens.Tokenization;

namespace TextLens.Tests.Tokenization;

public class TokenizerTests
{
    internal static string[] Texts(string text) => Tokenizer.Default.Tokenize(text).Tokens.Select(t => t.Text).ToArray();

    internal static string Joined(string text) => string.Join(" | ", Texts(text));

    private static TokenKind KindOf(string text, string token) =>
        Tokenizer.Default.Tokenize(text).Tokens.First(t => t.Text == token).Kind;

    [TestCase("we dont know", "we | do | nt | know")]
    [TestCase("Thats why Ive left, they wont come", "That | s | why | I | ve | left | , | they | wo | nt | come")]
    [TestCase("alot of people", "a | lot | of | people")]
    [TestCase("its fine", "its | fine")] // "its" stays: usually the possessive
    public void ContractionsWrittenWithoutApostrophe(string text, string expected) => Assert.That(Joined(text), Is.EqualTo(expected));

    [TestCase("Call 853-7906.", "Call | 853-7906 | .")]
    [TestCase("(713) 853-7906 or 732-657-3416", "( | 713 | ) | 853-7906 | or | 732-657-3416")]
    [TestCase("pages 11-13 in 2020-2024", "pages | 11 | - | 13 | in | 2020 | - | 2024")]
    [TestCase("on 2024-03-05", "on | 2024 | - | 03 | - | 05")] // a date is no telephone number
    public void TelephoneNumbersAreOneToken(string text, string expected) => Assert.That(Joined(text), Is.EqualTo(expected));

    [TestCase("Azerbaijan's position", "Azerbaijan | 's | position")]
    [TestCase("Azerbaijan’s bid", "Azerbaijan | ’s | bid")]
    [TestCase("the countries' leaders", "the | countries | ' | leaders")]
    [TestCase("AZERBAIJAN'S", "AZERBAIJAN | 'S")]
    public void Possessives(string text, string expected) => Assert.That(Joined(text), Is.EqualTo(expected));

    [TestCase("don't", "do | n't")]
    [TestCase("can't", "ca | n't")]
    [TestCase("won't", "wo | n't")]
    [TestCase("Don’t", "Do | n’t")]
    [TestCase("DON'T", "DO | N'T")]
    [TestCase("I'm sure we'll see they've won and she'd go", "I | 'm | sure | we | 'll | see | they | 've | won | and | she | 'd | go")]
    [TestCase("you're", "you | 're")]
    [TestCase("cannot", "can | not")]
    [TestCase("gonna", "gon | na")]
    [TestCase("C++ and C#,", "C++ | and | C# | ,")]
    [TestCase("O'Neill rock'n'roll", "O'Neill | rock'n'roll")]
    public void Contractions(string text, string expected) => Assert.That(Joined(text), Is.EqualTo(expected));

    [TestCase("de-facto", "de-facto")]
    [TestCase("people-to-people contacts", "people-to-people | contacts")]
    [TestCase("Armenia-Azerbaijan relations", "Armenia-Azerbaijan | relations")]
    [TestCase("Baku-based", "Baku-based")]
    [TestCase("pre- and post-war", "pre- | and | post-war")]
    [TestCase("a 2-year-old deal", "a | 2-year-old | deal")]
    public void HyphenatedWordsStayWhole(string text, string expected) => Assert.That(Joined(text), Is.EqualTo(expected));

    [TestCase("April 11-13", "April | 11 | - | 13")]
    [TestCase("1990-2000", "1990 | - | 2000")]
    [TestCase("pages 11–13", "pages | 11 | – | 13")]
    public void NumberRangesSplit(string text, string expected) => Assert.That(Joined(text), Is.EqualTo(expected));

    [TestCase("COP29", TokenKind.Alphanumeric)]
    [TestCase("S-400", TokenKind.Alphanumeric)]
    [TestCase("COVID-19", TokenKind.Alphanumeric)]
    [TestCase("1990s", TokenKind.Alphanumeric)]
    public void Alphanumerics(string text, TokenKind kind)
    {
        var doc = Tokenizer.Default.Tokenize(text);
        Assert.Multiple(() =>
        {
            Assert.That(doc.Tokens.Count, Is.EqualTo(1));
            Assert.That(doc.Tokens[0].Text, Is.EqualTo(text));
            Assert.That(doc.Tokens[0].Kind, Is.EqualTo(kind));
        });
    }

    [TestCase("Dr. Huseynov", "Dr. | Huseynov")]
    [TestCase("U.S. officials", "U.S. | officials")]
    [TestCase("talks, e.g. in Baku", "talks | , | e.g. | in | Baku")]
    [TestCase("(e.g., Baku)", "( | e.g. | , | Baku | )")]
    [TestCase("i.e. the", "i.e. | the")]
    [TestCase("on Jan. 3", "on | Jan. | 3")]
    [TestCase("No. 5", "No. | 5")]
    [TestCase("J. R. Smith", "J. | R. | Smith")]
    [TestCase("at 9 a.m. sharp", "at | 9 | a.m. | sharp")]
    [TestCase("in the U.S.", "in | the | U.S.")]
    [TestCase("tea, coffee etc.)", "tea | , | coffee | etc. | )")]
    [TestCase("the end.", "the | end | .")]
    [TestCase("U.S.-led talks", "U.S. | - | led | talks")]
    [TestCase("the U.S.'s position", "the | U.S. | 's | position")]
    public void Abbreviations(string text, string expected) => Assert.That(Joined(text), Is.EqualTo(expected));

    [TestCase("See https://commonsplace.eu/opinion/a_(b)?x=1.", "See | https://commonsplace.eu/opinion/a_(b)?x=1 | .", TokenKind.Url)]
    [TestCase("(www.example.org)", "( | www.example.org | )", TokenKind.Url)]
    [TestCase("of *commonsplace.eu* or", "of | * | commonsplace.eu | * | or", TokenKind.Url)]
    [TestCase("commonsplace.eu/about, then", "commonsplace.eu/about | , | then", TokenKind.Url)]
    [TestCase("Amazon.com's", "Amazon.com | 's", TokenKind.Url)]
    [TestCase("Write to press@example.org.", "Write | to | press@example.org | .", TokenKind.Email)]
    public void AddressesStayWhole(string text, string expected, TokenKind kind)
    {
        Assert.That(Joined(text), Is.EqualTo(expected));
        var doc = Tokenizer.Default.Tokenize(text);
        Assert.That(doc.Tokens.Count(t => t.Kind == kind), Is.EqualTo(1));
    }

    [TestCase("peace.The", "peace | . | The")]
    [TestCase("file.txt", "file.txt")]
    [TestCase("e.g", "e.g")]
    public void NotAddresses(string text, string expected)
    {
        Assert.That(Joined(text), Is.EqualTo(expected));
        Assert.That(Tokenizer.Default.Tokenize(text).Tokens.Any(t => t.Kind is TokenKind.Url or TokenKind.Email), Is.False);
    }

    [TestCase("1,500.75", "1,500.75")]
    [TestCase("5%", "5 | %")]
    [TestCase("$5bn", "$ | 5 | bn")]
    [TestCase("€20", "€ | 20")]
    [TestCase("₼1.2bn,", "₼ | 1.2 | bn | ,")]
    [TestCase("-5.5", "-5.5")]
    [TestCase("10:30 24/7", "10:30 | 24/7")]
    [TestCase("20 bcm", "20 | bcm")]
    [TestCase("5km", "5 | km")]
    [TestCase("2nd", "2nd")]
    [TestCase("10:30am", "10:30 | am")]
    public void Numbers(string text, string expected) => Assert.That(Joined(text), Is.EqualTo(expected));

    [Test]
    public void NumberKinds()
    {
        Assert.Multiple(() =>
        {
            Assert.That(KindOf("1,500.75", "1,500.75"), Is.EqualTo(TokenKind.Number));
            Assert.That(KindOf("5%", "%"), Is.EqualTo(TokenKind.Symbol));
            Assert.That(KindOf("$5bn", "$"), Is.EqualTo(TokenKind.Symbol));
            Assert.That(KindOf("€20", "€"), Is.EqualTo(TokenKind.Symbol));
            Assert.That(KindOf("$5bn", "bn"), Is.EqualTo(TokenKind.Word));
        });
    }

    [TestCase("“de-jure peace”", "“ | de-jure | peace | ”")]
    [TestCase("‘Peace’, he said", "‘ | Peace | ’ | , | he | said")]
    [TestCase("Baku – Yerevan — talks", "Baku | – | Yerevan | — | talks")]
    [TestCase("Baku–Yerevan", "Baku | – | Yerevan")]
    [TestCase("wait… really... yes...no", "wait | … | really | ... | yes | ... | no")]
    [TestCase("\"Stop!\" he said", "\" | Stop | ! | \" | he | said")]
    [TestCase("why?!", "why | ? | !")]
    [TestCase("a -- b", "a | -- | b")]
    public void UnicodeQuotesDashesEllipsis(string text, string expected) => Assert.That(Joined(text), Is.EqualTo(expected));

    [TestCase("[Vasif Huseynov](#)", "[ | Vasif | Huseynov | ] | ( | # | )")]
    [TestCase("[link](https://x.org/p)", "[ | link | ] | ( | https://x.org/p | )")]
    [TestCase("*commonsplace.eu*", "* | commonsplace.eu | *")]
    [TestCase("**bold** and _it_", "** | bold | ** | and | _ | it | _")]
    [TestCase("Wow!!! Really??? ====", "Wow | !!! | Really | ??? | ====")]
    [TestCase("nice :) and :-( ok", "nice | :) | and | :-( | ok")]
    public void Markdown(string text, string expected) => Assert.That(Joined(text), Is.EqualTo(expected));

    [Test]
    public void MarkdownLinkNameTokensAreWords()
    {
        var doc = Tokenizer.Default.Tokenize("[Vasif Huseynov](#)");
        Assert.That(doc.Tokens.Select(t => t.Kind).ToArray(), Is.EqualTo(new[]
        {
            TokenKind.Punctuation, TokenKind.Word, TokenKind.Word, TokenKind.Punctuation,
            TokenKind.Punctuation, TokenKind.Symbol, TokenKind.Punctuation,
        }));
    }

    [TestCase("peace🕊️", "peace | 🕊️", 1)]
    [TestCase("👍🏽👍", "👍🏽 | 👍", 2)]
    [TestCase("🇦🇿🇦🇲", "🇦🇿 | 🇦🇲", 2)]
    [TestCase("👨‍👩‍👧 ok", "👨‍👩‍👧 | ok", 1)]
    [TestCase("great!❤️", "great | ! | ❤️", 1)]
    public void Emoji(string text, string expected, int emoji)
    {
        Assert.That(Joined(text), Is.EqualTo(expected));
        Assert.That(Tokenizer.Default.Tokenize(text).Tokens.Count(t => t.Kind == TokenKind.Emoji), Is.EqualTo(emoji));
    }

    [TestCase("Türkiye")]
    [TestCase("Ağdam")]
    [TestCase("Москва")]
    [TestCase("ქართული")]
    [TestCase("東京")]
    [TestCase("Tu\u0308rkiye")]
    [TestCase("हिन्दी")]
    [TestCase("𝐀𝐁𝐂")]
    public void NonLatinLettersAreWords(string word)
    {
        var doc = Tokenizer.Default.Tokenize(word + ",");
        Assert.Multiple(() =>
        {
            Assert.That(doc.Tokens.Count, Is.EqualTo(2));
            Assert.That(doc.Tokens[0].Text, Is.EqualTo(word));
            Assert.That(doc.Tokens[0].Kind, Is.EqualTo(TokenKind.Word));
        });
    }

    [Test]
    public void OffsetsSpaceAfterAndNorm()
    {
        var doc = Tokenizer.Default.Tokenize("“Baku’s”  view\n");
        var t = doc.Tokens;
        Assert.Multiple(() =>
        {
            Assert.That(t.Select(x => (x.Start, x.End)).ToArray(), Is.EqualTo(new[] { (0, 1), (1, 5), (5, 7), (7, 8), (10, 14) }));
            Assert.That(t.Select(x => x.SpaceAfter).ToArray(), Is.EqualTo(new[] { false, false, false, true, true }));
            Assert.That(t[2].Norm.ToString(), Is.EqualTo("'s"));
            Assert.That(t[0].Norm.ToString(), Is.EqualTo("\""));
            Assert.That(t[1].Lower.ToString(), Is.EqualTo("baku"));
        });
    }

    [Test]
    public void ControlCharactersAndLoneSurrogatesBecomeOtherTokens()
    {
        var text = "ab\0\u0001cd \uD800x \uDC00";
        var doc = Tokenizer.Default.Tokenize(text);
        Assert.Multiple(() =>
        {
            Assert.That(doc.Tokens.Select(t => t.Text).ToArray(), Is.EqualTo(new[] { "ab", "\0\u0001", "cd", "\uD800", "x", "\uDC00" }));
            Assert.That(doc.Tokens.Select(t => t.Kind).ToArray(), Is.EqualTo(new[]
            {
                TokenKind.Word, TokenKind.Other, TokenKind.Word, TokenKind.Other, TokenKind.Word, TokenKind.Other,
            }));
        });
    }

    [Test]
    public void ByteOrderMarkAndZeroWidthSpaceAreSeparate() =>
        Assert.That(Joined("\uFEFFThe\u200Bend"), Is.EqualTo("\uFEFF | The | \u200B | end"));

    [TestCase("")]
    [TestCase("   \n\t ")]
    public void EmptyOrWhitespaceGivesNoTokens(string text) => Assert.That(Tokenizer.Default.Tokenize(text).Tokens.Count, Is.Zero);

    [Test]
    public void NullThrows() => Assert.Throws<ArgumentNullException>(() => Tokenizer.Default.Tokenize(null!));

    [Test]
    public void SpecialCasesCanBeAdded()
    {
        var tok = Tokenizer.Default.WithSpecialCase("gimme", "gim", "me").WithSpecialCase("Gov't", "Gov't");
        Assert.Multiple(() =>
        {
            Assert.That(tok.Tokenize("(gimme)").Tokens.Select(t => t.Text).ToArray(), Is.EqualTo(new[] { "(", "gim", "me", ")" }));
            Assert.That(tok.Tokenize("Gov't.").Tokens.Select(t => t.Text).ToArray(), Is.EqualTo(new[] { "Gov't", "." }));
            Assert.That(Texts("gimme"), Is.EqualTo(new[] { "gimme" }), "the default tokenizer is unchanged");
        });
        Assert.Throws<ArgumentException>(() => Tokenizer.Default.WithSpecialCase("gimme", "gim", "mi"));
        Assert.Throws<ArgumentException>(() => Tokenizer.Default.WithSpecialCase("a b", "a b"));
        Assert.Throws<ArgumentException>(() => Tokenizer.Default.WithSpecialCase("", ""));
    }

    [Test]
    public void ArticleTokensAreExactAndSensible()
    {
        var text = File.ReadAllText(TestPaths.Article);
        var doc = Tokenizer.Default.Tokenize(text);
        var texts = doc.Tokens.Select(t => t.Text).ToList();
        Assert.Multiple(() =>
        {
            foreach (var t in doc.Tokens) Assert.That(t.Text, Is.EqualTo(text[t.Start..t.End]));
            Assert.That(texts, Does.Contain("Türkiye"));
            Assert.That(texts, Does.Contain("commonsplace.eu"));
            Assert.That(texts, Does.Contain("COP29"));
            Assert.That(texts, Does.Contain("de-facto"));
            Assert.That(texts, Does.Contain("’s"));
            Assert.That(texts, Does.Not.Contain("11-13"));
            Assert.That(doc.Tokens.Count(t => t.Kind == TokenKind.Url), Is.EqualTo(1));
        });
    }

    [Test]
    public void ExceptionTableRejectsBadFiles()
    {
        const string header = TokenizerExceptions.FormatHeader + "\n";
        var ok = TokenizerExceptions.Parse(header + "text,pieces,class\ncannot,can not,\nDr.,,title\n", "t.csv");
        Assert.That(ok.Count, Is.EqualTo(2));
        var e1 = Assert.Throws<DataFileException>(() => TokenizerExceptions.Parse("text,pieces,class\n", "t.csv"));
        Assert.That(e1!.Problem, Does.Contain("format header"));
        var e2 = Assert.Throws<DataFileException>(() => TokenizerExceptions.Parse(header + "text,pieces,class\ncannot,can nit,\n", "t.csv"));
        Assert.That(e2!.Line, Is.EqualTo(3));
        var e3 = Assert.Throws<DataFileException>(() => TokenizerExceptions.Parse(header + "text,pieces,class\nDr.,,doctor\n", "t.csv"));
        Assert.That(e3!.Problem, Does.Contain("unknown value"));
        var e4 = Assert.Throws<DataFileException>(() => TokenizerExceptions.Parse(header + "text,pieces,class\nDr.,,title\nDr.,,title\n", "t.csv"));
        Assert.That(e4!.Problem, Does.Contain("duplicate"));
    }

    [Test]
    public void EmbeddedExceptionTableLoads() => Assert.That(TokenizerExceptions.Default.Count, Is.GreaterThan(100));
}
