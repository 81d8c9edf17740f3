using System.Globalization;
using System.Text;

namespace PerfNotebooks.Claims;

/// <summary>CSV, one row per bullet, with the DataFrame's columns (RFC 4180 quoting).</summary>
internal sealed class CsvClaimWriter : ClaimWriter
{
    public const string Header = "file,line,text,quantified,vague,metric,consistent,baseline,percentile,workload,hardware,tool,score,plausible,values,flags";

    private readonly StreamWriter writer;
    private readonly StringBuilder field = new(256);
    private string? lastFile;
    private string lastFileQuoted = "";

    public CsvClaimWriter(Stream output)
    {
        writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write(Header);
        writer.Write('\n');
    }

    public override void Write(Claim c)
    {
        if (!ReferenceEquals(c.File, lastFile))
        {
            lastFile = c.File;
            lastFileQuoted = CsvFields.Quote(c.File);
        }

        var w = writer;
        var r = c.Reproducibility;
        w.Write(lastFileQuoted);
        w.Write(',');
        w.Write(c.Line.ToString(CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(CsvFields.Quote(c.Text));
        Bool(c.Quantified);
        Bool(c.Vague);
        w.Write(',');
        w.Write(c.Metric ?? "");
        w.Write(',');
        if (c.Consistent is { } consistent)
        {
            w.Write(consistent ? "true" : "false");
        }

        Bool(r.Baseline);
        Bool(r.Percentile);
        Bool(r.Workload);
        Bool(r.Hardware);
        Bool(r.Tool);
        w.Write(',');
        w.Write((char)('0' + c.Score));
        Bool(c.Plausible);
        w.Write(',');
        field.Clear();
        for (var i = 0; i < c.Values.Count; i++)
        {
            field.Append(i == 0 ? "" : "; ").Append(c.Values[i].ToString());
        }

        w.Write(CsvFields.Quote(field.ToString()));
        w.Write(',');
        w.Write(CsvFields.Quote(string.Join(" | ", c.Flags)));
        w.Write('\n');
    }

    public override void Finish() => writer.Flush();

    public override void Dispose() => writer.Dispose();

    private void Bool(bool b)
    {
        writer.Write(b ? ",true" : ",false");
    }
}
