using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Common;

/// <summary>
/// The edit forms' two guarantees on the real database: a save over someone else's change is a
/// conflict that names them (and changes nothing), and the same create form sent twice makes one row.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class EntityWritesTests(TwoTenantWorld world)
{
    private const string KeepsTyped = "Your changes are still in the form: review theirs and save again.";

    [Fact]
    public async Task UpdateAsync_ClientChangedSinceRead_IsAConflictNamingTheFirstSaver()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var admin = tenant.As(world, "admin");
        await using var account = tenant.As(world, "account");
        var first = (await admin.Get<IClientQueries>().GetFormAsync(tenant.ClientId))!;
        var second = (await account.Get<IClientQueries>().GetFormAsync(tenant.ClientId))!;

        first.Name = "First save";
        second.Name = "Second save";
        var saved = await admin.Get<IClientCommands>().UpdateAsync(tenant.ClientId, first);
        var conflict = await account.Get<IClientCommands>().UpdateAsync(tenant.ClientId, second);

        Assert.True(saved.Succeeded);
        AssertConflictBy("admin person", conflict);
        var now = (await account.Get<IClientQueries>().GetFormAsync(tenant.ClientId))!;
        Assert.Equal("First save", now.Name);
        Assert.Equal(now.Version, conflict.CurrentVersion);
    }

    [Fact]
    public async Task UpdateAsync_AfterAConflictWithTheCurrentVersion_Saves()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var account = tenant.As(world, "account");
        var clients = account.Get<IClientCommands>();
        var first = (await account.Get<IClientQueries>().GetFormAsync(tenant.ClientId))!;
        var second = (await account.Get<IClientQueries>().GetFormAsync(tenant.ClientId))!;
        first.Name = "First save";
        second.Name = "Second save";
        await clients.UpdateAsync(tenant.ClientId, first);
        var conflict = await clients.UpdateAsync(tenant.ClientId, second);

        second.Version = conflict.CurrentVersion;
        var again = await clients.UpdateAsync(tenant.ClientId, second);

        Assert.True(conflict.IsConflict);
        Assert.True(again.Succeeded);
        Assert.Equal("Second save", (await account.Get<IClientQueries>().GetFormAsync(tenant.ClientId))!.Name);
    }

    [Fact]
    public async Task UpdateBrandAsync_BrandChangedSinceRead_IsAConflictAndKeepsTheFirstSave()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var admin = tenant.As(world, "admin");
        await using var account = tenant.As(world, "account");
        var read = Assert.Single((await account.Get<IClientQueries>().GetAsync(tenant.ClientId))!.Brands);

        var saved = await admin.Get<IClientCommands>().UpdateBrandAsync(tenant.BrandId, BrandForm(read, "First save"));
        var conflict = await account.Get<IClientCommands>().UpdateBrandAsync(tenant.BrandId, BrandForm(read, "Second save"));

        Assert.True(saved.Succeeded);
        AssertConflictBy("admin person", conflict);
        Assert.Equal("First save", Assert.Single((await account.Get<IClientQueries>().GetAsync(tenant.ClientId))!.Brands).Name);
    }

    [Fact]
    public async Task UpdateAsync_CampaignAndPhaseChangedSinceRead_AreConflictsAndKeepTheFirstSave()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var pm = tenant.As(world, "pm");
        await using var account = tenant.As(world, "account");
        var created = await pm.Get<ICampaignCommands>().CreateAsync(CampaignForm(tenant, "RACE"));
        var campaignId = created.Id!.Value;
        var phaseForm = PhaseForm("creative");
        await pm.Get<ICampaignCommands>().SavePhaseAsync(campaignId, phaseForm);
        var first = (await pm.Get<ICampaignQueries>().GetFormAsync(campaignId))!;
        var second = (await account.Get<ICampaignQueries>().GetFormAsync(campaignId))!;
        var phase = Assert.Single((await account.Get<ICampaignQueries>().GetAsync(campaignId))!.Phases);

        first.Name = "First save";
        second.Name = "Second save";
        await pm.Get<ICampaignCommands>().UpdateAsync(campaignId, first);
        var campaignConflict = await account.Get<ICampaignCommands>().UpdateAsync(campaignId, second);
        await pm.Get<ICampaignCommands>().SavePhaseAsync(campaignId, PhaseForm(phase, "First save"));
        var phaseConflict = await account.Get<ICampaignCommands>().SavePhaseAsync(campaignId, PhaseForm(phase, "Second save"));

        AssertConflictBy("pm person", campaignConflict);
        AssertConflictBy("pm person", phaseConflict);
        var detail = (await account.Get<ICampaignQueries>().GetAsync(campaignId))!;
        Assert.Equal("First save", detail.Overview.Name);
        Assert.Equal("First save", Assert.Single(detail.Phases).Name);
    }

    [Fact]
    public async Task UpdateAsync_RoleThatMayNotWriteWithTheCurrentVersion_IsRefusedNotAConflict()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var creative = tenant.As(world, "creative");
        var form = (await creative.Get<IClientQueries>().GetFormAsync(tenant.ClientId))!;
        form.Name = "Not mine to change";

        var result = await creative.Get<IClientCommands>().UpdateAsync(tenant.ClientId, form);

        Assert.Equal(ClientCommands.RefusedMessage, result.Error);
        Assert.False(result.IsConflict);
    }

    [Fact]
    public async Task CreateAsync_SameFormTwice_OneRowAndTheSameIdBothTimes()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var account = tenant.As(world, "account");
        var form = new ClientForm { Code = "ONCE", Name = "Once Ltd" };

        var first = await account.Get<IClientCommands>().CreateAsync(form);
        var retry = await account.Get<IClientCommands>().CreateAsync(form);

        Assert.True(first.Succeeded);
        Assert.True(retry.Succeeded);
        Assert.Equal(form.Id, first.Id);
        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(1, (await account.Get<IClientQueries>().ListAsync(new ClientFilter("ONCE"), new PageRequest())).TotalCount);
    }

    [Fact]
    public async Task CreateAsync_SameCampaignFormFromATemplateTwice_OneCampaignWithItsPhasesOnce()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var pm = tenant.As(world, "pm");
        var commands = pm.Get<ICampaignCommands>();
        var template = (await commands.CreateAsync(CampaignForm(tenant, "TEMPLATE"))).Id!.Value;
        await commands.SavePhaseAsync(template, PhaseForm("strategy"));
        var form = CampaignForm(tenant, "COPY");

        var first = await commands.CreateAsync(form, template);
        var retry = await commands.CreateAsync(form, template);

        Assert.Equal(first.Id, retry.Id);
        Assert.Single((await pm.Get<ICampaignQueries>().GetAsync(first.Id!.Value))!.Phases);
        Assert.Equal(1, (await pm.Get<ICampaignQueries>().ListAsync(new CampaignFilter(Search: "COPY"), new PageRequest())).TotalCount);
    }

    [Fact]
    public async Task SavePhaseAsync_SameNewPhaseFormTwice_OnePhase()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var pm = tenant.As(world, "pm");
        var commands = pm.Get<ICampaignCommands>();
        var campaignId = (await commands.CreateAsync(CampaignForm(tenant, "PHASED"))).Id!.Value;
        var form = PhaseForm("post");

        var first = await commands.SavePhaseAsync(campaignId, form);
        var retry = await commands.SavePhaseAsync(campaignId, form);

        Assert.Equal(form.Id, first.Id);
        Assert.Equal(first.Id, retry.Id);
        Assert.Single((await pm.Get<ICampaignQueries>().GetAsync(campaignId))!.Phases);
    }

    [Fact]
    public async Task CreateAsync_IdOfSomeoneElsesRow_IsNotTakenForARetry()
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        await using var admin = tenant.As(world, "admin");
        await using var account = tenant.As(world, "account");
        var theirs = new ClientForm { Code = "THEIRS", Name = "Theirs" };
        await admin.Get<IClientCommands>().CreateAsync(theirs);

        var mine = await account.Get<IClientCommands>().CreateAsync(new ClientForm { Id = theirs.Id, Code = "MINE", Name = "Mine" });

        Assert.False(mine.Succeeded);
        Assert.Equal(0, (await account.Get<IClientQueries>().ListAsync(new ClientFilter("MINE"), new PageRequest())).TotalCount);
    }

    private static void AssertConflictBy(string name, SaveResult result)
    {
        Assert.True(result.IsConflict);
        Assert.StartsWith($"Changed by {name} at ", result.Error);
        Assert.EndsWith(KeepsTyped, result.Error);
    }

    private static BrandForm BrandForm(BrandDto read, string name) =>
        new() { Id = read.Id, Version = read.Version, Code = read.Code, Name = name, Description = read.Description };

    private static CampaignForm CampaignForm(ScratchTenant tenant, string code) => new()
    {
        ClientId = tenant.ClientId, BrandId = tenant.BrandId, Code = code, Name = code + " campaign", BudgetAmount = 20_000,
        StartDate = new DateTime(2026, 1, 5), EndDate = new DateTime(2026, 3, 27),
    };

    private static PhaseForm PhaseForm(string type) => new()
    {
        PhaseType = type, Name = type, StartDate = new DateTime(2026, 1, 5), EndDate = new DateTime(2026, 2, 5), BudgetAmount = 1_000,
    };

    private static PhaseForm PhaseForm(PhaseDto read, string name) => new()
    {
        Id = read.Id, Version = read.Version, PhaseType = read.PhaseType, Name = name, Status = read.Status, BudgetAmount = read.BudgetAmount,
        StartDate = read.StartDate.ToDateTime(TimeOnly.MinValue), EndDate = read.EndDate.ToDateTime(TimeOnly.MinValue),
    };
}
