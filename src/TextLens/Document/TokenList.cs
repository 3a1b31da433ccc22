using System.Collections;

namespace TextLens;

/// <summary>A range of a document's tokens; indexable and enumerable without allocating.</summary>
public readonly struct TokenList : IReadOnlyList<Token>
{
    private readonly Document _doc;
    private readonly int _start;
    private readonly int _end;

    internal TokenList(Document doc, int start, int end)
    {
        _doc = doc;
        _start = start;
        _end = end;
    }

    /// <summary>Number of tokens in the range.</summary>
    public int Count => _end - _start;

    /// <summary>The token at <paramref name="index"/>, counted from the start of the range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the range.</exception>
    public Token this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return new Token(_doc, _start + index);
        }
    }

    /// <summary>Returns an allocation-free enumerator.</summary>
    public Enumerator GetEnumerator() => new(_doc, _start, _end);

    IEnumerator<Token> IEnumerable<Token>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates the tokens of a <see cref="TokenList"/>.</summary>
    public struct Enumerator : IEnumerator<Token>
    {
        private readonly Document _doc;
        private readonly int _end;
        private int _index;

        internal Enumerator(Document doc, int start, int end)
        {
            _doc = doc;
            _index = start - 1;
            _end = end;
        }

        /// <inheritdoc/>
        public readonly Token Current => new(_doc, _index);

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++_index < _end;

        /// <inheritdoc/>
        public void Reset() => throw new NotSupportedException();

        /// <inheritdoc/>
        public readonly void Dispose() { }
    }
}
