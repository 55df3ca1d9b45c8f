using Bogus;

namespace AgencyWorkroom.Data.DemoData;

/// <summary>
/// The knowledge base: the agency's playbooks, processes and policies, brand guidelines for its
/// busiest brands, post-mortems and case studies of finished campaigns, and sector research.
/// </summary>
internal static class KnowledgeGenerator
{
    public static void Generate(DemoTenantData data, List<ClientPlan> clients, List<CampaignPlan> campaigns)
    {
        var f = DemoRandom.For(data.Profile.Slug, "knowledge");
        var ids = new DemoIds(data.Profile.Slug);
        var agency = data.Profile.Name;

        foreach (var document in KnowledgeWriter.HouseDocuments)
        {
            Add(data, f, ids, document.Title, document.DocType, KnowledgeWriter.Render(document, agency), document.Tags);
        }

        var busiestBrands = clients.SelectMany(c => c.Brands.Select(b => (Client: c, Brand: b.Row)))
            .OrderByDescending(b => campaigns.Count(c => c.Row.BrandId == b.Brand.Id)).ThenBy(b => b.Brand.Code, StringComparer.Ordinal)
            .Take(data.Profile.Scaled(36));
        foreach (var (client, brand) in busiestBrands)
        {
            var colours = f.Random.ArrayElements(AgencyVocabulary.ColourNames, 3);
            var hexes = colours.Select(_ => f.Random.Hexadecimal(6, "").ToUpperInvariant()).ToArray();
            var fonts = f.Random.ArrayElements(AgencyVocabulary.Fonts, 2);
            var content = KnowledgeWriter.Guidelines(brand.Name, brand.Description, f.Random.ArrayElement(AgencyVocabulary.Tones), colours, hexes,
                fonts, f.Random.ArrayElement(AgencyVocabulary.PhotographyStyles), f.Random.Int(1, 3));
            Add(data, f, ids, $"{brand.Name} brand guidelines", "brand_guidelines", content, ["brand", client.Sector.Name.ToLowerInvariant()],
                client.Row.Id, brand.Id);
        }

        var finished = campaigns.Where(c => c.Row.Status == "completed").OrderByDescending(c => c.EndDate).ThenBy(c => c.Row.Code, StringComparer.Ordinal).ToList();
        foreach (var campaign in finished.Take(data.Profile.Scaled(25)))
        {
            Add(data, f, ids, $"{campaign.Row.Name} post-mortem", "post_mortem", KnowledgeWriter.PostMortem(campaign, f),
                ["post-mortem", campaign.Client.Sector.Name.ToLowerInvariant()], campaign.Client.Row.Id, campaign.Row.BrandId, campaign.Row.Id);
        }

        foreach (var campaign in finished.Where(c => c.Spend <= c.Row.BudgetAmount).Take(data.Profile.Scaled(10)))
        {
            Add(data, f, ids, $"Case study: {campaign.Row.Name}", "case_study", KnowledgeWriter.CaseStudy(campaign, f),
                ["case-study", campaign.Client.Sector.Name.ToLowerInvariant()], campaign.Client.Row.Id, campaign.Row.BrandId, campaign.Row.Id);
        }

        foreach (var sector in clients.Select(c => c.Sector).Distinct().Take(data.Profile.Scaled(8)))
        {
            var year = data.Calendar.Today.Year;
            Add(data, f, ids, $"{sector.Name} audience trends {year}", "research", KnowledgeWriter.Research(sector, year, f),
                ["research", sector.Name.ToLowerInvariant()]);
        }
    }

    private static void Add(DemoTenantData data, Faker f, DemoIds ids, string title, string docType, string content, string[] tags,
        Guid? clientId = null, Guid? brandId = null, Guid? campaignId = null)
    {
        var index = data.KnowledgeDocuments.Count;
        var created = data.Calendar.At(data.Calendar.HistoryStart.AddDays(f.Random.Int(0, DemoCalendar.HistoryWeeks * 7)), 12);
        data.KnowledgeDocuments.Add(new KnowledgeDocumentRow(ids.Of("knowledge_document", index), clientId, brandId, campaignId, title, docType,
            $"https://intranet.{data.Profile.Slug}.example/knowledge/{index + 1}", content, tags, created));
    }
}
