using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Common;

/// <summary>
/// What a careless paste or a hostile person types, sent through the services the forms call:
/// each write either saves the text as typed (SQL-looking text, % and _) or is refused with a
/// message; none throws, and a refused write leaves no row behind.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class BadInputTests(TwoTenantWorld world)
{
    public static TheoryData<string, string> UnstorableNames => new()
    {
        { "a NUL character", "Acme\0 Foods" },
        { "a megabyte", new string('x', 1_000_000) },
    };

    // A fact, not a theory row: xUnit would carry the lone surrogate as U+FFFD.
    [Fact]
    public Task CreateClient_WithHalfASurrogatePair_IsRefusedWithAMessage() =>
        CreateClient_WithANameTheDatabaseCannotStore_IsRefusedWithAMessage("half of a surrogate pair", "Acme \ud800 Foods");

    [Theory]
    [MemberData(nameof(UnstorableNames))]
    public async Task CreateClient_WithANameTheDatabaseCannotStore_IsRefusedWithAMessage(string what, string name)
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var account = tenant.As(world, "account");
        var form = new ClientForm { Code = "BAD-1", Name = name };

        var result = await account.Get<IClientCommands>().CreateAsync(form);

        Assert.False(result.Succeeded, what);
        Assert.NotNull(result.Error ?? result.FieldErrors.Values.FirstOrDefault());
        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "account", tenant.People["account"]);
        Assert.Equal(0L, await s.ScalarAsync<long>("select count(*) from agency.clients where id = @id", ("id", form.Id)));
    }

    [Theory]
    [InlineData("Robert'); drop table agency.clients; --")]
    [InlineData("100% _real_ \\ growth")]
    [InlineData("Tab\tand bell\u0007 and line\nbreak")]
    public async Task CreateClient_WithTextThatLooksLikeCode_SavesItAsTyped(string name)
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var account = tenant.As(world, "account");
        var form = new ClientForm { Code = "ODD-1", Name = name };

        var result = await account.Get<IClientCommands>().CreateAsync(form);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(name, (await account.Get<IClientQueries>().GetAsync(form.Id))!.Summary.Name);
    }

    public static TheoryData<string, DateTime?, DateTime?, decimal> UnlikelyCampaigns => new()
    {
        { "year 1", new DateTime(1, 1, 1), new DateTime(1, 1, 2), 1000m },
        { "year 9999", new DateTime(9999, 12, 30), new DateTime(9999, 12, 31), 1000m },
        { "a negative budget", DateTime.Today, DateTime.Today.AddDays(30), -1m },
        { "a budget past numeric(14,2)", DateTime.Today, DateTime.Today.AddDays(30), 1e20m },
    };

    [Theory]
    [MemberData(nameof(UnlikelyCampaigns))]
    public async Task CreateCampaign_WithUnlikelyDatesOrAmounts_SavesOrRefusesWithAMessage_NeverThrows(
        string what, DateTime? start, DateTime? end, decimal budget)
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var admin = tenant.As(world, "admin");
        var form = new CampaignForm
        {
            ClientId = tenant.ClientId, BrandId = tenant.BrandId, Code = "ODD-1", Name = what, BudgetAmount = budget,
            StartDate = start, EndDate = end,
        };

        var result = await admin.Get<ICampaignCommands>().CreateAsync(form);

        await using var s = await TestSession.BeginAsync(world.Database.App, tenant.Id, "admin", tenant.People["admin"]);
        var stored = await s.ScalarAsync<long>("select count(*) from agency.campaigns where id = @id", ("id", form.Id));
        if (budget < 0 || budget >= 1e12m || start!.Value.Year is 1 or 9999)
        {
            Assert.False(result.Succeeded, what);
            Assert.NotNull(result.Error ?? result.FieldErrors.Values.FirstOrDefault());
        }

        Assert.Equal(result.Succeeded ? 1L : 0L, stored);
    }
}
