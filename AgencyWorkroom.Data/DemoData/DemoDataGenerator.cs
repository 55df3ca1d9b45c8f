namespace AgencyWorkroom.Data.DemoData;

/// <summary>
/// Makes a tenant's demo data in memory, deterministically: the same profile on the same day
/// gives the same rows, ids included. The stages run in the order their facts are needed:
/// budgets follow the spend that time, expenses and equipment make, and documents quote budgets.
/// </summary>
public static class DemoDataGenerator
{
    public static DemoTenantData Generate(DemoTenantProfile profile, DemoCalendar calendar)
    {
        var data = new DemoTenantData(profile, calendar);
        var staff = PeopleGenerator.Generate(data);
        var clients = ClientGenerator.Generate(data, staff);
        var campaigns = CampaignGenerator.Generate(data, clients, staff);
        TimesheetGenerator.Generate(data, staff);
        IntegrationGenerator.Generate(data, campaigns, staff);
        BudgetPlanner.Plan(data, campaigns);
        ArtifactGenerator.Generate(data, campaigns);
        if (!profile.ReusesEmbeddings)
        {
            KnowledgeGenerator.Generate(data, clients, campaigns);
        }

        return data;
    }
}
