using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Views;

namespace AgencyWorkroom.Tests.Infrastructure;

/// <summary>Campaign reads a component test chooses.</summary>
public sealed class FakeCampaignQueries : ICampaignQueries
{
    public static readonly OptionDto Client = new(Guid.NewGuid(), "Acme Foods");

    public List<CampaignOverviewRow> Rows { get; init; } = [];

    public CampaignDetailDto? Detail { get; init; }

    public CampaignForm? Form { get; init; }

    /// <summary>When set, reading the campaign page fails with it.</summary>
    public Exception? Failure { get; init; }

    public List<CampaignFilter> Filters { get; } = [];

    /// <summary>When set, the count stops there, as the real one does past its limit.</summary>
    public int? CountStopsAt { get; init; }

    public Task<Page<CampaignOverviewRow>> ListAsync(CampaignFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        Filters.Add(filter);
        var stopped = CountStopsAt is { } limit && Rows.Count > limit;
        return Task.FromResult(new Page<CampaignOverviewRow>([.. Rows.Skip(page.Skip).Take(page.Size)], stopped ? CountStopsAt!.Value : Rows.Count, stopped));
    }

    public Task<List<CampaignOverviewRow>> ExportAsync(CampaignFilter filter, PageRequest order, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows);

    public Task<CampaignDetailDto?> GetAsync(Guid campaignId, CancellationToken cancellationToken = default) =>
        Failure is null ? Task.FromResult(Detail) : Task.FromException<CampaignDetailDto?>(Failure);

    public Task<CampaignForm?> GetFormAsync(Guid campaignId, CancellationToken cancellationToken = default) => Task.FromResult(Form);

    public Task<CampaignOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new CampaignOptionsDto([Client], [], [], []));
}

/// <summary>Campaign writes answered with what the test chooses.</summary>
public sealed class FakeCampaignCommands : ICampaignCommands
{
    public Func<CampaignForm, Task<SaveResult>> Save { get; set; } = _ => Task.FromResult(SaveResult.Saved(Guid.NewGuid()));

    public List<CampaignForm> Saved { get; } = [];

    public Func<PhaseForm, Task<SaveResult>> SavePhase { get; set; } = form => Task.FromResult(SaveResult.Saved(form.Id));

    public List<PhaseForm> PhasesSaved { get; } = [];

    public Task<SaveResult> CreateAsync(CampaignForm form, Guid? templateId = null, CancellationToken cancellationToken = default) => Record(form);

    public Task<SaveResult> UpdateAsync(Guid campaignId, CampaignForm form, CancellationToken cancellationToken = default) => Record(form);

    public Task<SaveResult> SavePhaseAsync(Guid campaignId, PhaseForm form, CancellationToken cancellationToken = default)
    {
        PhasesSaved.Add(form);
        return SavePhase(form);
    }

    public Task<SaveResult> DeletePhaseAsync(Guid campaignId, Guid phaseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(SaveResult.Saved(phaseId));

    private Task<SaveResult> Record(CampaignForm form)
    {
        Saved.Add(form);
        return Save(form);
    }
}
