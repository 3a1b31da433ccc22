using System.Buffers;
using TextLens.Models;
using TextLens.Tagging;

namespace TextLens;

/// <summary>
/// Part-of-speech tagger (pipeline component <c>tagger</c>): a greedy left-to-right averaged perceptron that
/// predicts the universal tag (<see cref="Token.Pos"/>) and the Penn Treebank tag (<see cref="Token.Tag"/>) of
/// every token, trained on UD English-EWT. Thread-safe; the shipped model is loaded once, on first use.
/// </summary>
/// <example>
/// <code>
/// var nlp = Pipeline.CreateEnglish();               // includes the tagger and the lemmatizer
/// foreach (var t in nlp.Process("Talks resumed.").Tokens) Console.WriteLine($"{t.Text} {t.Pos} {t.Tag} {t.Lemma}");
/// </code>
/// </example>
public sealed class PosTagger : IPipelineComponent
{
    private const string EmbeddedModel = "models/pos.bin";
    private static readonly Lazy<PosTagger> DefaultTagger = new(() => LoadEmbedded(), LazyThreadSafetyMode.ExecutionAndPublication);

    internal PosTagger(PosModel model) => Model = model;

    internal PosModel Model { get; }

    /// <summary>The tagger with the model that ships inside TextLens (loaded on first use).</summary>
    /// <exception cref="DataFileException">The embedded model is missing or corrupt.</exception>
    public static PosTagger Default => DefaultTagger.Value;

    /// <inheritdoc/>
    public string Name => "tagger";

    /// <summary>The Penn Treebank tags (XPOS) this model predicts, with their universal tags.</summary>
    public IReadOnlyList<(UPos Pos, string Tag)> Labels => Model.Upos.Zip(Model.Xpos).ToArray();

    /// <summary>Loads a model written by <see cref="Save"/> or the <c>TextLens.Train pos</c> tool.</summary>
    /// <param name="path">The model file.</param>
    /// <exception cref="DataFileException">The file is not a valid TextLens POS model (corrupt, truncated, wrong version or kind).</exception>
    public static PosTagger Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new PosTagger(PosModel.FromFile(ModelFile.Load(path, PosModel.Kind, PosModel.KindVersion)));
    }

    /// <summary>Loads a model from a stream.</summary>
    /// <param name="stream">The model file's bytes.</param>
    /// <param name="name">A name for error messages.</param>
    /// <exception cref="DataFileException">The data is not a valid TextLens POS model.</exception>
    public static PosTagger Load(Stream stream, string name = "stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new PosTagger(PosModel.Read(stream, name));
    }

    private static PosTagger LoadEmbedded()
    {
        using var s = EmbeddedData.Open(EmbeddedModel);
        return new PosTagger(PosModel.Read(s, EmbeddedData.DisplayName(EmbeddedModel)));
    }

    /// <summary>A copy of this tagger whose stacked pass uses another margin (see <see cref="PosModel.SecondPassMargin"/>); for evaluation.</summary>
    internal PosTagger WithSecondPassMargin(float margin) => new(Model.With(secondPassMargin: margin));

    /// <summary>Writes the model (weights, labels, tag dictionary, lemma exceptions) to a file.</summary>
    /// <param name="path">Destination; its directory is created.</param>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Model.Save(path);
    }

    /// <summary>Tags every token of <paramref name="document"/>, sentence by sentence (the whole text when it has no sentences).</summary>
    /// <param name="document">A tokenized document.</param>
    /// <param name="cancellationToken">Checked between sentences.</param>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        int n = document.TokenStore.Length;
        var pos = new UPos[n];
        var tags = new string[n];
        var labels = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        try
        {
            TagInto(document, labels, cancellationToken);
            for (int i = 0; i < n; i++)
            {
                pos[i] = Model.Upos[labels[i]];
                tags[i] = Model.Xpos[labels[i]];
            }
        }
        finally { ArrayPool<int>.Shared.Return(labels); }
        document.SetTags(pos, tags);
    }

    /// <summary>Writes the label id of every token into <paramref name="labels"/>.</summary>
    internal void TagInto(Document document, Span<int> labels, CancellationToken cancellationToken = default)
    {
        int n = document.TokenStore.Length;
        if (n == 0) return;
        var sentences = document.Sentences;
        int longest = sentences.Count == 0 ? n : sentences.Max(s => s.TokenCount);
        var atoms = ArrayPool<TokenAtoms>.Shared.Rent(longest + 2 * TaggerFeatures.Pad);
        using var scratch = new FoldScratch(Model.Folded.First);
        try
        {
            if (sentences.Count == 0) TagRange(document, 0, n, atoms, labels, scratch);
            else
            {
                int covered = 0;
                foreach (var s in sentences)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (s.TokenStart > covered) TagGap(document, covered, s.TokenStart, labels, scratch);
                    TagRange(document, s.TokenStart, s.TokenEnd, atoms, labels, scratch);
                    covered = s.TokenEnd;
                }
                if (covered < n) TagGap(document, covered, n, labels, scratch);
            }
        }
        finally { ArrayPool<TokenAtoms>.Shared.Return(atoms); }
    }

    private void TagGap(Document document, int start, int end, Span<int> labels, FoldScratch scratch)
    {
        var atoms = ArrayPool<TokenAtoms>.Shared.Rent(end - start + 2 * TaggerFeatures.Pad);
        try { TagRange(document, start, end, atoms, labels, scratch); }
        finally { ArrayPool<TokenAtoms>.Shared.Return(atoms); }
    }

    private void TagRange(Document document, int start, int end, TokenAtoms[] atoms, Span<int> labels, FoldScratch scratch)
    {
        var span = atoms.AsSpan(0, end - start + 2 * TaggerFeatures.Pad);
        Model.FillAtoms(document, start, end, span);
        Model.TagSentence(span, labels[start..end], scratch);
    }
}
