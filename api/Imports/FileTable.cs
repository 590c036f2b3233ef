using System.Globalization;
using System.Text;
using CreditGrid.Api.Validation;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace CreditGrid.Api.Imports;

/// <summary>One data row of a file: its number as a spreadsheet shows it (the header is row 1) and its cells as text.</summary>
public sealed record FileRow(int Row, string?[] Cells);

/// <summary>
/// A department file read by a reader library, streaming: CSV (UTF-8, Sylvan.Data.Csv) or XLSX (the first sheet,
/// MiniExcel). No hand-written CSV or XLSX parsing (issue 14). Cells come as text: numbers invariant, dates YYYY-MM-DD.
/// </summary>
public static class FileTable
{
    public const string Csv = ".csv";
    public const string Xlsx = ".xlsx";

    /// <summary>The file's kind by its name: .csv or .xlsx, else 415.</summary>
    public static string KindOf(string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        return extension is Csv or Xlsx
            ? extension
            : throw new Invalid(StatusCodes.Status415UnsupportedMediaType, "文件须为 .csv（UTF-8）或 .xlsx 格式。",
                new() { ["file"] = ["文件须为 .csv（UTF-8）或 .xlsx 格式。"] })
            {
                EnglishDetail = "The file must be a .csv (UTF-8) or .xlsx file.",
                EnglishErrors = new() { ["file"] = ["The file must be a .csv (UTF-8) or .xlsx file."] },
            };
    }

    /// <summary>The header and the rows; rows whose cells are all empty are left out.</summary>
    public static (string[] Header, IEnumerable<FileRow> Rows) Open(string kind, byte[] file) =>
        kind == Csv ? OpenCsv(file) : OpenXlsx(file);

    /// <summary>Reads the header only, so a POST can refuse a file that is not what it claims (422) before answering 202.</summary>
    public static string[] Header(string kind, byte[] file)
    {
        if (kind == Csv && !IsUtf8(file))
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "file", "CSV 文件须为 UTF-8 编码（另存为“CSV UTF-8”）。", "A CSV file must be UTF-8 encoded (save as \"CSV UTF-8\").");
        try
        {
            var (header, _) = Open(kind, file);
            return header.Length > 0 && header.Any(h => h.Length > 0)
                ? header
                : throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "file", "文件没有表头行。", "The file has no header row.");
        }
        catch (Exception ex) when (ex is not Invalid)
        {
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "file",
                kind == Xlsx ? "无法读取该 .xlsx 文件：不是有效的 Excel 工作簿。" : "无法读取该 CSV 文件。",
                kind == Xlsx ? "The .xlsx file cannot be read: it is not a valid Excel workbook." : "The CSV file cannot be read.");
        }
    }

    private static bool IsUtf8(byte[] file)
    {
        try { _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(file); return true; }
        catch (DecoderFallbackException) { return false; }
    }

    private static (string[], IEnumerable<FileRow>) OpenCsv(byte[] file)
    {
        var text = new StreamReader(new MemoryStream(file), new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        var reader = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        var header = Enumerable.Range(0, reader.FieldCount).Select(i => Clean(reader.GetName(i))).ToArray();
        return (header, CsvRows(reader, header.Length));
    }

    private static IEnumerable<FileRow> CsvRows(CsvDataReader reader, int width)
    {
        using var owned = reader;
        var row = 1;
        while (reader.Read())
        {
            row++;
            var cells = new string?[width];
            for (var i = 0; i < width && i < reader.RowFieldCount; i++) cells[i] = Cell(reader.GetString(i));
            if (cells.Any(c => c is not null)) yield return new FileRow(row, cells);
        }
    }

    private static (string[], IEnumerable<FileRow>) OpenXlsx(byte[] file)
    {
        var rows = MiniExcel.Query(new MemoryStream(file), useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>();
        var e = rows.GetEnumerator(); // owned by XlsxRows, which disposes it when the rows are read
        if (!e.MoveNext()) { e.Dispose(); return ([], []); }
        var columns = e.Current.Keys.ToArray();
        var header = columns.Select(c => Clean(Text(e.Current[c]) ?? "")).ToArray();
        return (header, XlsxRows(e, columns));
    }

    private static IEnumerable<FileRow> XlsxRows(IEnumerator<IDictionary<string, object?>> e, string[] columns)
    {
        using var owned = e;
        var row = 1;
        while (e.MoveNext())
        {
            row++;
            var cells = columns.Select(c => e.Current.TryGetValue(c, out var v) ? Cell(Text(v)) : null).ToArray();
            if (cells.Any(c => c is not null)) yield return new FileRow(row, cells);
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        double n => n.ToString("0.############", CultureInfo.InvariantCulture),
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string? Cell(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Clean(string name) => name.Trim().Trim('\uFEFF').Trim();
}
