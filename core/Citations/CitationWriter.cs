using System.Text;

namespace CreditGrid.Core.Citations;

/// <summary>
/// Writes citations into one text, naming a paper in full the first time and then only its provisions while the text
/// stays with that paper (“…（《张店区市场主体公共信用评价管理办法（试行）》第十八条）…（第二十九条）”).
/// </summary>
public sealed class CitationWriter(PaperIndex index)
{
    private Paper? _last;

    /// <summary>The citation of a seed line the code cites for a rule.</summary>
    public string At(int line) => Write(index.Part(line, group: null));

    /// <summary>The citation of a catalogue row: its annex row, or its article.</summary>
    public string Row(int seedLine, string group) => Write(index.Part(seedLine, group));

    private string Write((Paper Paper, string Tail) part)
    {
        var same = ReferenceEquals(part.Paper, _last) && part.Tail.Length > 0;
        _last = part.Paper;
        return same ? part.Tail : new StringBuilder(part.Paper.Cited).Append(part.Tail).ToString();
    }
}
