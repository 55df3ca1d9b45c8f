using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;

namespace AgencyWorkroom.Data.Features.Import;

/// <summary>A timesheet row as read from a file, before names are resolved; <see cref="Problem"/> says what is wrong with its cells.</summary>
public sealed record StagedTimesheetRow(
    int Line, string PersonEmail, string PersonName, string ClientName, string CampaignCode, string CampaignName,
    DateOnly? Date, decimal? Hours, bool? Billable, string? Notes, string? Problem);

/// <summary>The file cannot be read as timesheets at all (no header, a column missing): said in a sentence.</summary>
public sealed class ImportFormatException(string message) : Exception(message);

/// <summary>
/// Reads a timesheet CSV one row at a time (never the whole file): Harvest's and Kimai's standard
/// exports by their headers, the workroom's own columns, or any file through a column mapping.
/// Cells are kept as written: a note starting with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> is text.
/// Whether a person or campaign exists is the database's answer (agency.timesheet_import_problems).
/// </summary>
public sealed partial class TimesheetCsv : IDisposable
{
    public const decimal MaxHours = 24m;

    // Harvest's detailed time report and Kimai's CSV export, by the columns each always has.
    private static readonly string[] HarvestColumns = ["Date", "Client", "Project", "Project Code", "Hours", "First Name", "Last Name"];
    private static readonly string[] KimaiColumns = ["Date", "From", "To", "Duration", "User", "Customer", "Project"];

    public static readonly IReadOnlyDictionary<TimesheetField, string> WorkroomHeaders = new Dictionary<TimesheetField, string>
    {
        [TimesheetField.Date] = "Date", [TimesheetField.Person] = "Person", [TimesheetField.Email] = "Email",
        [TimesheetField.Client] = "Client", [TimesheetField.Campaign] = "Campaign", [TimesheetField.CampaignCode] = "Campaign code",
        [TimesheetField.Hours] = "Hours", [TimesheetField.Billable] = "Billable", [TimesheetField.Notes] = "Notes",
    };

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy/MM/dd", "dd.MM.yyyy", "d.M.yyyy", "MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"];

    private readonly CsvReader _csv;
    private readonly Dictionary<TimesheetField, int> _columns = [];
    private readonly int _firstName = -1;
    private readonly int _lastName = -1;

    public TimesheetCsv(Stream input, IReadOnlyDictionary<TimesheetField, string>? mapping = null)
    {
        _csv = Open(input);
        var headers = ReadHeaders(_csv);
        Headers = headers;
        Format = mapping is not null ? TimesheetFormat.Mapped : Detect(Headers);
        Mapping = mapping ?? DefaultMapping(Format, Headers);
        foreach (var (field, header) in Mapping)
        {
            var index = IndexOf(header);
            if (index < 0)
            {
                throw new ImportFormatException($"The file has no column '{header}' (mapped to {field}).");
            }

            _columns[field] = index;
        }

        if (Format == TimesheetFormat.Harvest)
        {
            _firstName = IndexOf("First Name");
            _lastName = IndexOf("Last Name");
        }

        var missing = new[] { TimesheetField.Date, TimesheetField.Hours }.Where(f => !_columns.ContainsKey(f))
            .Concat(_columns.ContainsKey(TimesheetField.Person) || _columns.ContainsKey(TimesheetField.Email) || _firstName >= 0 ? [] : new[] { TimesheetField.Person })
            .Concat(_columns.ContainsKey(TimesheetField.Campaign) || _columns.ContainsKey(TimesheetField.CampaignCode) ? [] : new[] { TimesheetField.Campaign })
            .ToList();
        if (missing.Count > 0)
        {
            throw new ImportFormatException(Format == TimesheetFormat.Unknown
                ? $"The columns are not Harvest's, Kimai's or the workroom's ({string.Join(", ", WorkroomHeaders.Values)}); map them to {string.Join(", ", missing)}."
                : $"Nothing is mapped to {string.Join(", ", missing)}.");
        }
    }

    public IReadOnlyList<string> Headers { get; }

    public TimesheetFormat Format { get; }

    public IReadOnlyDictionary<TimesheetField, string> Mapping { get; }

    /// <summary>Which export the headers are, with no mapping.</summary>
    public static TimesheetFormat Detect(IReadOnlyList<string> headers)
    {
        bool Has(string[] columns) => columns.All(c => headers.Contains(c, StringComparer.OrdinalIgnoreCase));
        return Has(HarvestColumns) ? TimesheetFormat.Harvest
            : Has(KimaiColumns) ? TimesheetFormat.Kimai
            : Has(["Date", "Hours"]) && (Has(["Person"]) || Has(["Email"])) && (Has(["Campaign"]) || Has(["Campaign code"])) ? TimesheetFormat.Workroom
            : TimesheetFormat.Unknown;
    }

    /// <summary>The mapping a known export needs no one to make; for an unknown file, the headers that share a field's name.</summary>
    public static IReadOnlyDictionary<TimesheetField, string> DefaultMapping(TimesheetFormat format, IReadOnlyList<string> headers)
    {
        var map = format switch
        {
            TimesheetFormat.Harvest => new Dictionary<TimesheetField, string>
            {
                [TimesheetField.Date] = "Date", [TimesheetField.Client] = "Client", [TimesheetField.Campaign] = "Project",
                [TimesheetField.CampaignCode] = "Project Code", [TimesheetField.Hours] = "Hours", [TimesheetField.Billable] = "Billable?",
                [TimesheetField.Notes] = "Notes",
            },
            TimesheetFormat.Kimai => new Dictionary<TimesheetField, string>
            {
                [TimesheetField.Date] = "Date", [TimesheetField.Person] = "User", [TimesheetField.Email] = "E-mail",
                [TimesheetField.Client] = "Customer", [TimesheetField.Campaign] = "Project", [TimesheetField.Hours] = "Duration",
                [TimesheetField.Billable] = "Billable", [TimesheetField.Notes] = "Description",
            },
            _ => new Dictionary<TimesheetField, string>(WorkroomHeaders),
        };

        // Optional columns a file does not have are left out (Kimai's e-mail, Harvest's billable in older exports).
        return map.Select(m => (m.Key, Header: headers.FirstOrDefault(h => string.Equals(h, m.Value, StringComparison.OrdinalIgnoreCase))))
            .Where(m => m.Header is not null)
            .ToDictionary(m => m.Key, m => m.Header!);
    }

    /// <summary>The data rows, one at a time, each with its line (the header is line 1).</summary>
    public IEnumerable<StagedTimesheetRow> Rows()
    {
        while (_csv.Read())
        {
            var record = new string[_csv.FieldCount];
            for (var i = 0; i < record.Length; i++)
            {
                record[i] = _csv.GetString(i) ?? "";
            }

            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            yield return Read((int)_csv.LineNumber, record);
        }
    }

    /// <summary>A reader over the file: the separator detected (comma, semicolon, tab), line numbers counted, cells as written.</summary>
    public static CsvReader Open(Stream input) =>
        CsvReader.Create(input, new CsvReaderOptions { TrackLineNumbers = true, HasHeader = true }, true);

    /// <summary>The header row, trimmed, or a sentence when there is none.</summary>
    public static IReadOnlyList<string> ReadHeaders(CsvReader csv)
    {
        csv.ReadHeader();
        var headers = csv.Headers.Select(h => (h ?? "").Trim().TrimStart('\uFEFF')).ToList();
        return headers.Count == 0 || headers.All(h => h.Length == 0)
            ? throw new ImportFormatException("The file is empty: it needs a header row and then one row per entry.")
            : headers;
    }

    /// <summary>The next rows' cells as written, for the mapping step.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Head(CsvReader csv, int count)
    {
        var rows = new List<IReadOnlyList<string>>();
        while (rows.Count < count && csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "")]);
        }

        return rows;
    }

    private StagedTimesheetRow Read(int line, string[] record)
    {
        string Cell(TimesheetField field) => _columns.TryGetValue(field, out var i) && i < record.Length ? record[i] : "";
        string CellAt(int i) => i >= 0 && i < record.Length ? record[i].Trim() : "";

        var problems = new List<string>();
        var dateText = Cell(TimesheetField.Date).Trim();
        DateOnly? date = null;
        if (DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
        }
        else if (DateTime.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
        }
        else
        {
            problems.Add(dateText.Length == 0 ? "no date" : $"bad date '{dateText}'");
        }

        var hoursText = Cell(TimesheetField.Hours).Trim();
        var hours = ParseHours(hoursText, secondsWhenWhole: Format == TimesheetFormat.Kimai);
        if (hours is null)
        {
            problems.Add(hoursText.Length == 0 ? "no hours" : $"hours not understood '{hoursText}'");
        }
        else if (hours <= 0 || hours > MaxHours)
        {
            problems.Add($"hours out of range ({hoursText}; more than 0 and at most {MaxHours:0})");
            hours = null;
        }

        var billableText = Cell(TimesheetField.Billable).Trim().ToLowerInvariant();
        bool? billable = billableText switch
        {
            "" => null,
            "yes" or "y" or "true" or "1" or "x" => true,
            "no" or "n" or "false" or "0" => false,
            _ => null,
        };
        if (billable is null && billableText.Length > 0)
        {
            problems.Add($"billable must be yes or no, not '{billableText}'");
        }

        var person = _firstName >= 0 ? $"{CellAt(_firstName)} {CellAt(_lastName)}".Trim() : Cell(TimesheetField.Person).Trim();
        var notes = Cell(TimesheetField.Notes);
        return new StagedTimesheetRow(
            line, Cell(TimesheetField.Email).Trim().ToLowerInvariant(), Squeeze(person), Squeeze(Cell(TimesheetField.Client)),
            Cell(TimesheetField.CampaignCode).Trim(), Squeeze(Cell(TimesheetField.Campaign)),
            date, hours is { } h ? decimal.Round(h, 2, MidpointRounding.AwayFromZero) : null, billable,
            string.IsNullOrWhiteSpace(notes) ? null : notes,
            problems.Count == 0 ? null : string.Join("; ", problems));
    }

    /// <summary>Decimal hours (<c>1.5</c>, <c>1,5</c>), <c>h:mm</c> or <c>h:mm:ss</c>; Kimai's whole numbers are seconds.</summary>
    public static decimal? ParseHours(string text, bool secondsWhenWhole)
    {
        var s = text.Trim();
        if (Clock().Match(s) is { Success: true } clock)
        {
            var minutes = int.Parse(clock.Groups[2].Value, CultureInfo.InvariantCulture);
            var seconds = clock.Groups[3].Success ? int.Parse(clock.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
            return minutes < 60 && seconds < 60
                ? int.Parse(clock.Groups[1].Value, CultureInfo.InvariantCulture) + minutes / 60m + seconds / 3600m
                : null;
        }

        if (secondsWhenWhole && Whole().IsMatch(s))
        {
            return long.Parse(s, CultureInfo.InvariantCulture) / 3600m;
        }

        return decimal.TryParse(s.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var hours)
            ? hours
            : null;
    }

    public void Dispose() => _csv.Dispose();

    private int IndexOf(string header)
    {
        for (var i = 0; i < Headers.Count; i++)
        {
            if (string.Equals(Headers[i], header.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Squeeze(string text) => Spaces().Replace(text.Trim(), " ");

    [GeneratedRegex(@"^(\d{1,3}):(\d{1,2})(?::(\d{1,2}))?$")]
    private static partial Regex Clock();

    [GeneratedRegex(@"^\d{1,9}$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
