using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Assistant;

/// <summary>Rows the assistant's tests add to a scratch tenant of their own.</summary>
internal static class AssistantWorld
{
    public static async Task<Guid> AddCampaignAsync(TwoTenantWorld world, ScratchTenant tenant, string name)
    {
        var id = Guid.NewGuid();
        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Owner);
        await s.SetContextAsync(tenant.Id, "pm", tenant.People["pm"]);
        await s.ExecuteAsync(
            """
            insert into agency.campaigns (id, client_id, brand_id, code, name, status, budget_amount, start_date, end_date)
            values (@id, @client, @brand, @code, @name, 'active', 10000, current_date - 10, current_date + 50)
            """,
            ("id", id), ("client", tenant.ClientId), ("brand", tenant.BrandId), ("code", $"AS-{id.ToString("N")[..8].ToUpperInvariant()}"), ("name", name));
        await s.CommitAsync();
        return id;
    }
}
