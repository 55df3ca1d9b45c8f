using System.Globalization;
using System.Text.RegularExpressions;
using AgencyWorkroom.Data.Features.Common;
using CsvHelper;

namespace AgencyWorkroom.Data.Features.Import;

/// <summary>A client row as read: its brands split, <see cref="Problem"/> what is wrong with its cells.</summary>
public sealed record StagedClientRow(int Line, string Name, string? Code, string? Industry, string? Status, string? Website,
    string[] Brands, string? Problem);

/// <summary>A person row as read; <see cref="Problem"/> what is wrong with its cells.</summary>
public sealed record StagedPersonRow(int Line, string Email, string FullName, string? Role, string? Title, string? Department,
    decimal? WeeklyCapacity, DateOnly? StartDate, decimal? BillRate, decimal? CostRate, string? Problem);

/// <summary>
/// Reads a clients or people CSV one row at a time, by its headers (case ignored, a few usual
/// synonyms; the columns are listed in <see cref="ClientColumns"/> and <see cref="PeopleColumns"/>).
/// Cells are kept as written: a name starting with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> is text.
/// Whether a client or person is there already is the database's answer (052).
/// </summary>
public sealed partial class RosterCsv : IDisposable
{
    public const decimal MaxWeeklyCapacity = 80m;

    /// <summary>The clients file: a column (its synonyms), one row per client, brands separated by <c>;</c> or <c>|</c>.</summary>
    public static readonly IReadOnlyList<(string Column, string[] Synonyms, bool Required)> ClientColumns =
    [
        ("Name", ["Client", "Client name"], true), ("Code", ["Client code"], false), ("Industry", ["Sector"], false),
        ("Status", [], false), ("Website", ["Web"], false), ("Brands", ["Brand", "Brand names"], false),
    ];

    /// <summary>The people file: one row per person, the e-mail its key; rates only for people it adds.</summary>
    public static readonly IReadOnlyList<(string Column, string[] Synonyms, bool Required)> PeopleColumns =
    [
        ("Email", ["E-mail", "Email address"], true), ("Name", ["Full name", "Person"], true), ("Role", ["Agency role"], false),
        ("Title", ["Job title"], false), ("Department", [], false), ("Weekly capacity", ["Capacity", "Weekly hours"], false),
        ("Start date", ["Started"], false), ("Bill rate", [], false), ("Cost rate", [], false),
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "dd.MM.yyyy", "d.M.yyyy", "MM/dd/yyyy", "M/d/yyyy"];
    private static readonly string[] Statuses = ["prospect", "active", "inactive", "archived"];

    private readonly CsvReader _csv;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);

    private RosterCsv(Stream input, IReadOnlyList<(string Column, string[] Synonyms, bool Required)> columns, string kind)
    {
        _csv = TimesheetCsv.Open(input);
        Headers = TimesheetCsv.ReadHeaders(_csv);
        foreach (var (column, synonyms, _) in columns)
        {
            var index = Headers.ToList().FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase)
                                                        || synonyms.Contains(h, StringComparer.OrdinalIgnoreCase));
            if (index >= 0)
            {
                _columns[column] = index;
            }
        }

        // Harvest's and Kimai's people exports split the name.
        if (!_columns.ContainsKey("Name") && Headers.Contains("First Name", StringComparer.OrdinalIgnoreCase))
        {
            _columns["First Name"] = Headers.ToList().FindIndex(h => string.Equals(h, "First Name", StringComparison.OrdinalIgnoreCase));
            _columns["Last Name"] = Headers.ToList().FindIndex(h => string.Equals(h, "Last Name", StringComparison.OrdinalIgnoreCase));
            _columns["Name"] = -1;
        }

        var missing = columns.Where(c => c.Required && !_columns.ContainsKey(c.Column)).Select(c => c.Column).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFormatException(
                $"A {kind} file needs a column {string.Join(" and ", missing)}; its columns are {string.Join(", ", columns.Select(c => c.Column))}.");
        }
    }

    public IReadOnlyList<string> Headers { get; }

    public static RosterCsv Clients(Stream input) => new(input, ClientColumns, "clients");

    public static RosterCsv People(Stream input) => new(input, PeopleColumns, "people");

    public IEnumerable<StagedClientRow> ClientRows() => Records().Select(r => ReadClient(r.Line, r.Cells));

    public IEnumerable<StagedPersonRow> PersonRows() => Records().Select(r => ReadPerson(r.Line, r.Cells));

    public void Dispose() => _csv.Dispose();

    private IEnumerable<(int Line, string[] Cells)> Records()
    {
        while (_csv.Read())
        {
            var record = new string[_csv.FieldCount];
            for (var i = 0; i < record.Length; i++)
            {
                record[i] = _csv.GetString(i) ?? "";
            }

            if (!record.All(string.IsNullOrWhiteSpace))
            {
                yield return ((int)_csv.LineNumber, record);
            }
        }
    }

    private string Cell(string[] record, string column) =>
        _columns.TryGetValue(column, out var i) && i >= 0 && i < record.Length ? Spaces().Replace(record[i].Trim(), " ") : "";

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    private StagedClientRow ReadClient(int line, string[] record)
    {
        var problems = new List<string>();
        var name = Cell(record, "Name");
        if (name.Length == 0)
        {
            problems.Add("no client name");
        }
        else if (name.Length > 200)
        {
            problems.Add("client name longer than 200 characters");
        }

        var code = Blank(Cell(record, "Code").ToUpperInvariant());
        if (code is not null && !Code().IsMatch(code))
        {
            problems.Add($"bad code '{code}' (2 to 20 letters, digits or dashes)");
        }

        var status = Blank(Cell(record, "Status").ToLowerInvariant());
        if (status is not null && !Statuses.Contains(status))
        {
            problems.Add($"unknown status '{status}' ({string.Join(", ", Statuses)})");
        }

        var brands = Cell(record, "Brands").Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .DistinctBy(b => b.ToLowerInvariant()).ToArray();
        if (brands.FirstOrDefault(b => b.Length > 200) is { } longBrand)
        {
            problems.Add($"brand name longer than 200 characters ('{longBrand[..20]}...')");
        }

        return new StagedClientRow(line, name, code, Blank(Cell(record, "Industry")), status, Blank(Cell(record, "Website")), brands,
            problems.Count == 0 ? null : string.Join("; ", problems));
    }

    private StagedPersonRow ReadPerson(int line, string[] record)
    {
        var problems = new List<string>();
        var email = Cell(record, "Email").ToLowerInvariant();
        if (email.Length == 0)
        {
            problems.Add("no e-mail");
        }
        else if (!Email().IsMatch(email))
        {
            problems.Add($"bad e-mail '{email}'");
        }

        var name = _columns.ContainsKey("First Name")
            ? $"{Cell(record, "First Name")} {Cell(record, "Last Name")}".Trim()
            : Cell(record, "Name");
        if (name.Length == 0)
        {
            problems.Add("no name");
        }
        else if (name.Length > 200)
        {
            problems.Add("name longer than 200 characters");
        }

        var roleText = Cell(record, "Role");
        var role = roleText.Length == 0 ? null
            : AgencyRoles.All.FirstOrDefault(r => string.Equals(r, roleText, StringComparison.OrdinalIgnoreCase)
                                                  || string.Equals(AgencyRoles.Label(r), roleText, StringComparison.OrdinalIgnoreCase));
        if (roleText.Length > 0 && role is null)
        {
            problems.Add($"unknown role '{roleText}' ({string.Join(", ", AgencyRoles.All)})");
        }

        var capacity = Number(record, "Weekly capacity", "weekly capacity", problems);
        if (capacity is < 0 or > MaxWeeklyCapacity)
        {
            problems.Add($"weekly capacity out of range ({capacity}; 0 to {MaxWeeklyCapacity:0} hours)");
            capacity = null;
        }

        var dateText = Cell(record, "Start date");
        DateOnly? start = null;
        if (DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            start = d;
        }
        else if (dateText.Length > 0)
        {
            problems.Add($"bad start date '{dateText}'");
        }

        var bill = Number(record, "Bill rate", "bill rate", problems);
        var cost = Number(record, "Cost rate", "cost rate", problems);
        foreach (var (rate, label) in new[] { (bill, "bill rate"), (cost, "cost rate") })
        {
            if (rate is < 0 or >= 100_000_000)
            {
                problems.Add($"{label} out of range ({rate})");
            }
        }

        return new StagedPersonRow(line, email, name, role, Blank(Cell(record, "Title")), Blank(Cell(record, "Department")),
            capacity, start, bill, cost, problems.Count == 0 ? null : string.Join("; ", problems));
    }

    private decimal? Number(string[] record, string column, string label, List<string> problems)
    {
        var text = Cell(record, column);
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return decimal.Round(n, 2, MidpointRounding.AwayFromZero);
        }

        problems.Add($"{label} not a number '{text}'");
        return null;
    }

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9-]{1,19}$")]
    private static partial Regex Code();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
