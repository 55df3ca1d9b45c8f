using System.Text.RegularExpressions;
using AgencyWorkroom.Data.Features.Common;
using Bogus;

namespace AgencyWorkroom.Data.DemoData;

/// <summary>How a person is put on campaign teams.</summary>
internal enum Staffing { None, AccountDirector, ProjectManager, CreativeDirector, Crew }

/// <summary>A title in the agency's org chart, with how many a demo agency has and what they bill.</summary>
internal sealed record StaffTitle(
    string Department, string Title, string AgencyRole, Staffing Staffing, string? CrewRole, int BaseCount,
    decimal BillRate, decimal CostRate, string? DemoRole = null);

/// <summary>An employee as the generator sees them: their row, their title and the weeks they are away.</summary>
internal sealed class StaffMember(EmployeeRow row, StaffTitle title)
{
    public EmployeeRow Row { get; } = row;

    public StaffTitle Title { get; } = title;

    public Guid Id => Row.Id;

    public SortedSet<DateOnly> HolidayWeeks { get; } = [];

    /// <summary>The campaigns this person is on, in the order they were staffed.</summary>
    public List<CampaignPlan> Campaigns { get; } = [];

    public bool LogsTime => Title.Staffing != Staffing.None;

    /// <summary>Leadership bills part of its week; everyone else on teams most of it.</summary>
    public (double Low, double High) WeeklyUtilization => Title.AgencyRole == AgencyRoles.Leadership ? (0.35, 0.55) : (0.64, 0.90);

    public string TeamRole => Title.Staffing switch
    {
        Staffing.AccountDirector => "account_director",
        Staffing.ProjectManager => "project_manager",
        Staffing.CreativeDirector => "creative_director",
        _ => Title.CrewRole ?? "other",
    };
}

/// <summary>Employees (with the six demo sign-in people), their holidays, rate cards and personal rates.</summary>
internal static partial class PeopleGenerator
{
    // A demo agency of about 65; each tenant scales it by a factor of its own (50 to 80 people).
    private static readonly StaffTitle[] OrgChart =
    [
        new("Leadership", "Managing Director", AgencyRoles.Leadership, Staffing.None, null, 1, 325, 140, AgencyRoles.Leadership),
        new("Leadership", "Executive Creative Director", AgencyRoles.Leadership, Staffing.CreativeDirector, null, 1, 300, 130),
        new("Leadership", "Head of Strategy", AgencyRoles.Leadership, Staffing.Crew, "strategist", 1, 275, 120),
        new("Leadership", "Client Services Director", AgencyRoles.Leadership, Staffing.AccountDirector, null, 1, 275, 120),
        new("Finance", "Finance Director", AgencyRoles.Finance, Staffing.None, null, 1, 0, 95, AgencyRoles.Finance),
        new("Finance", "Financial Controller", AgencyRoles.Finance, Staffing.None, null, 1, 0, 70),
        new("Finance", "Billing Coordinator", AgencyRoles.Finance, Staffing.None, null, 1, 0, 45),
        new("Operations", "Operations Manager", AgencyRoles.Admin, Staffing.None, null, 1, 0, 65, AgencyRoles.Admin),
        new("Operations", "Office Manager", AgencyRoles.Admin, Staffing.None, null, 1, 0, 40),
        new("Operations", "IT Administrator", AgencyRoles.Admin, Staffing.None, null, 1, 0, 55),
        new("Account Management", "Account Director", AgencyRoles.Account, Staffing.AccountDirector, null, 3, 210, 90, AgencyRoles.Account),
        new("Account Management", "Group Account Director", AgencyRoles.Account, Staffing.AccountDirector, null, 1, 250, 105),
        new("Account Management", "Account Manager", AgencyRoles.Account, Staffing.Crew, "other", 4, 165, 70),
        new("Account Management", "Account Executive", AgencyRoles.Account, Staffing.Crew, "other", 3, 125, 50),
        new("Delivery", "Senior Project Manager", AgencyRoles.Pm, Staffing.ProjectManager, null, 2, 175, 75, AgencyRoles.Pm),
        new("Delivery", "Head of Delivery", AgencyRoles.Pm, Staffing.ProjectManager, null, 1, 200, 85),
        new("Delivery", "Project Manager", AgencyRoles.Pm, Staffing.ProjectManager, null, 4, 150, 65),
        new("Delivery", "Project Coordinator", AgencyRoles.Pm, Staffing.Crew, "other", 1, 110, 45),
        new("Strategy", "Strategy Director", AgencyRoles.Creative, Staffing.Crew, "strategist", 1, 240, 100),
        new("Strategy", "Senior Strategist", AgencyRoles.Creative, Staffing.Crew, "strategist", 2, 190, 80),
        new("Strategy", "Strategist", AgencyRoles.Creative, Staffing.Crew, "strategist", 2, 150, 65),
        new("Creative", "Creative Director", AgencyRoles.Creative, Staffing.CreativeDirector, null, 3, 260, 110, AgencyRoles.Creative),
        new("Creative", "Associate Creative Director", AgencyRoles.Creative, Staffing.CreativeDirector, null, 2, 225, 95),
        new("Creative", "Senior Art Director", AgencyRoles.Creative, Staffing.Crew, "designer", 2, 190, 80),
        new("Creative", "Art Director", AgencyRoles.Creative, Staffing.Crew, "designer", 3, 160, 65),
        new("Creative", "Senior Copywriter", AgencyRoles.Creative, Staffing.Crew, "copywriter", 2, 180, 75),
        new("Creative", "Copywriter", AgencyRoles.Creative, Staffing.Crew, "copywriter", 3, 145, 60),
        new("Creative", "Senior Designer", AgencyRoles.Creative, Staffing.Crew, "designer", 2, 170, 70),
        new("Creative", "Designer", AgencyRoles.Creative, Staffing.Crew, "designer", 3, 135, 55),
        new("Creative", "Motion Designer", AgencyRoles.Creative, Staffing.Crew, "designer", 2, 155, 65),
        new("Production", "Head of Production", AgencyRoles.Creative, Staffing.Crew, "producer", 1, 210, 90),
        new("Production", "Senior Producer", AgencyRoles.Creative, Staffing.Crew, "producer", 1, 180, 75),
        new("Production", "Producer", AgencyRoles.Creative, Staffing.Crew, "producer", 3, 150, 65),
        new("Production", "Editor", AgencyRoles.Creative, Staffing.Crew, "editor", 2, 145, 60),
        new("Production", "Animator", AgencyRoles.Creative, Staffing.Crew, "editor", 1, 140, 60),
        new("Production", "Sound Designer", AgencyRoles.Creative, Staffing.Crew, "other", 1, 140, 60),
    ];

    public static List<StaffMember> Generate(DemoTenantData data)
    {
        var f = DemoRandom.For(data.Profile.Slug, "people");
        var ids = new DemoIds(data.Profile.Slug);
        var calendar = data.Calendar;
        var slug = data.Profile.Slug;
        var sizeFactor = f.Random.Between(0.85, 1.12) * data.Profile.Volume;
        var staff = new List<StaffMember>();
        var emails = new HashSet<string>(StringComparer.Ordinal);

        foreach (var title in OrgChart)
        {
            // Every team needs an account director, a project manager and a creative director,
            // and every demo role needs its person, however small the tenant.
            var essential = title.DemoRole is not null
                || title.Staffing is Staffing.AccountDirector or Staffing.ProjectManager or Staffing.CreativeDirector;
            // Rounded up or down at random in proportion, so tenants differ in size title by title.
            var exact = title.BaseCount * sizeFactor;
            var count = Math.Max(essential ? 1 : 0, (int)exact + (f.Random.Double() < exact % 1 ? 1 : 0));
            for (var i = 0; i < count; i++)
            {
                var first = f.Name.FirstName();
                var last = f.Name.LastName();
                var isDemoPerson = i == 0 && title.DemoRole is not null;
                var email = isDemoPerson ? $"{title.DemoRole}@{slug}.demo" : UniqueEmail(emails, first, last, slug);
                emails.Add(email);

                // Most have been here for years; about one in six joined during the history window.
                var joinedRecently = !isDemoPerson && f.Random.Bool(0.16f);
                var start = joinedRecently
                    ? calendar.HistoryStart.AddDays(f.Random.Int(0, DemoCalendar.HistoryWeeks * 7 - 90))
                    : calendar.HistoryStart.AddDays(-f.Random.Int(30, 3000));
                var capacity = isDemoPerson ? 40m : f.Random.WeightedRandom([40m, 32m, 24m], [0.83f, 0.12f, 0.05f]);

                var row = new EmployeeRow(ids.Of("employee", staff.Count), $"{first} {last}", email, title.Title,
                    title.Department, title.AgencyRole, capacity, start);
                staff.Add(new StaffMember(row, title));
                data.Employees.Add(row);
                if (isDemoPerson)
                {
                    data.DemoPeople.Add(new DemoPerson(data.TenantId, row.Id, email, title.DemoRole!));
                }
            }
        }

        AddHolidays(data, staff, f);
        AddRates(data, staff, f, ids);
        return staff;
    }

    // Two or three weeks each, anywhere in the history window or the allocation horizon.
    private static void AddHolidays(DemoTenantData data, List<StaffMember> staff, Faker f)
    {
        foreach (var member in staff)
        {
            var firstWeek = DemoCalendar.MondayOf(member.Row.StartDate > data.Calendar.HistoryStart ? member.Row.StartDate : data.Calendar.HistoryStart);
            var available = (data.Calendar.ThisWeek.AddDays(7 * DemoCalendar.AllocationWeeks).DayNumber - firstWeek.DayNumber) / 7;
            var wanted = f.Random.Int(2, 3);
            while (member.HolidayWeeks.Count < Math.Min(wanted, available))
            {
                member.HolidayWeeks.Add(firstWeek.AddDays(7 * f.Random.Int(0, available - 1)));
            }

            data.HolidayWeeks.AddRange(member.HolidayWeeks.Select(week => new HolidayWeek(member.Id, week)));
        }
    }

    // Two rate periods: the current one began seven months ago, after a rise of about six percent.
    private static void AddRates(DemoTenantData data, List<StaffMember> staff, Faker f, DemoIds ids)
    {
        var currentFrom = new DateOnly(data.Calendar.ThisWeek.Year, data.Calendar.ThisWeek.Month, 1).AddMonths(-7);
        var previousFrom = currentFrom.AddYears(-2);
        var cards = new Dictionary<string, (RateCardRow Previous, RateCardRow Current)>();

        foreach (var title in staff.Select(s => s.Title).Distinct())
        {
            var previous = new RateCardRow(ids.Of("rate_card", data.RateCards.Count), title.Title,
                RoundToFive(title.BillRate * 0.94m), RoundToFive(title.CostRate * 0.95m), previousFrom, currentFrom);
            data.RateCards.Add(previous);
            var current = new RateCardRow(ids.Of("rate_card", data.RateCards.Count), title.Title,
                title.BillRate, title.CostRate, currentFrom, null);
            data.RateCards.Add(current);
            cards[title.Title] = (previous, current);
        }

        foreach (var member in staff)
        {
            var (previous, current) = cards[member.Title.Title];
            var premium = member.Title.BillRate > 0 && f.Random.Bool(0.2f) ? f.Random.ArrayElement(new[] { 5m, 10m }) : 0m;
            if (member.Row.StartDate < currentFrom)
            {
                var from = member.Row.StartDate > previousFrom ? member.Row.StartDate : previousFrom;
                data.EmployeeRates.Add(new EmployeeRateRow(ids.Of("employee_rate", data.EmployeeRates.Count), member.Id, previous.Id,
                    previous.BillRate + premium, previous.CostRate, from, currentFrom));
            }

            var currentStart = member.Row.StartDate > currentFrom ? member.Row.StartDate : currentFrom;
            data.EmployeeRates.Add(new EmployeeRateRow(ids.Of("employee_rate", data.EmployeeRates.Count), member.Id, current.Id,
                current.BillRate + premium, current.CostRate, currentStart, null));
        }
    }

    private static decimal RoundToFive(decimal amount) => Math.Round(amount / 5, MidpointRounding.AwayFromZero) * 5;

    private static string UniqueEmail(HashSet<string> taken, string first, string last, string slug)
    {
        var local = $"{Letters().Replace(first.ToLowerInvariant(), "")}.{Letters().Replace(last.ToLowerInvariant(), "")}";
        var email = $"{local}@{slug}.demo";
        for (var n = 2; taken.Contains(email); n++)
        {
            email = $"{local}{n}@{slug}.demo";
        }

        return email;
    }

    [GeneratedRegex("[^a-z]")]
    private static partial Regex Letters();
}
