using System.Text.RegularExpressions;

namespace AgencyWorkroom.Data.DemoData;

/// <summary>A client as the generator sees it: its row, sector and brands, and how much work it brings.</summary>
internal sealed class ClientPlan(ClientRow row, Sector sector, double weight)
{
    public ClientRow Row { get; } = row;

    public Sector Sector { get; } = sector;

    /// <summary>Relative share of the agency's campaigns.</summary>
    public double Weight { get; } = weight;

    public List<(BrandRow Row, string Category, string Audience)> Brands { get; } = [];
}

/// <summary>Clients across sectors and their brands; each client gets one to four brands.</summary>
internal static partial class ClientGenerator
{
    public static List<ClientPlan> Generate(DemoTenantData data, List<StaffMember> staff)
    {
        var f = DemoRandom.For(data.Profile.Slug, "clients");
        var ids = new DemoIds(data.Profile.Slug);
        var leads = staff.Where(s => s.Title.Staffing == Staffing.AccountDirector).ToList();
        var clientCount = data.Profile.Scaled(f.Random.Int(30, 40));
        var brandCount = Math.Max(clientCount, data.Profile.Scaled(f.Random.Int(62, 78)));
        var names = new HashSet<string>(StringComparer.Ordinal);
        var clients = new List<ClientPlan>();

        for (var i = 0; i < clientCount; i++)
        {
            var sector = AgencyVocabulary.Sectors[i % AgencyVocabulary.Sectors.Length];
            var family = f.Name.LastName();
            var name = $"{family} {f.Random.ArrayElement(sector.NameSuffixes)}";
            if (!names.Add(name))
            {
                name = $"{family} {sector.Name.Split(' ')[0]} Group {i + 1}";
                names.Add(name);
            }

            var letters = Letters().Replace(family.ToUpperInvariant(), "");
            var code = $"{letters[..Math.Min(4, letters.Length)].PadRight(3, 'X')}{i + 1:D2}";
            var domain = Lower(name);
            var contactFirst = f.Name.FirstName();
            var contactLast = f.Name.LastName();
            var row = new ClientRow(ids.Of("client", i), code, name, sector.Name, $"https://www.{domain}.example",
                $"{contactFirst} {contactLast}",
                $"{Lower(contactFirst)}.{Lower(contactLast)}@{domain}.example",
                f.Random.ArrayElement(AgencyVocabulary.ClientNotes), leads[i % leads.Count].Id,
                data.Calendar.At(data.Calendar.HistoryStart.AddDays(-f.Random.Int(30, 900)), 10));
            clients.Add(new ClientPlan(row, sector, f.Random.Between(0.3, 1.5)));
            data.Clients.Add(row);
        }

        var brandOwners = clients.Concat(Enumerable.Range(0, brandCount - clientCount).Select(_ => f.Random.ListItem(clients)));
        var usedBrandNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var client in brandOwners)
        {
            var word = f.Random.ArrayElement(AgencyVocabulary.BrandWords);
            var name = usedBrandNames.Add(word) ? word : $"{client.Row.Name.Split(' ')[0]} {word}";
            usedBrandNames.Add(name);
            var category = f.Random.ArrayElement(client.Sector.Categories);
            var audience = f.Random.ArrayElement(client.Sector.Audiences);
            var row = new BrandRow(ids.Of("brand", data.Brands.Count), client.Row.Id, $"{client.Row.Code}-{client.Brands.Count + 1}",
                name, $"{name} is {client.Row.Name}'s {category} brand, aimed at {audience}.");
            client.Brands.Add((row, category, audience));
            data.Brands.Add(row);
        }

        return clients;
    }

    private static string Lower(string text) => Letters().Replace(text.ToUpperInvariant(), "").ToLowerInvariant();

    [GeneratedRegex("[^A-Z]")]
    private static partial Regex Letters();
}
