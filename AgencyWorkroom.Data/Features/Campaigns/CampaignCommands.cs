using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Campaigns;

public interface ICampaignCommands
{
    /// <summary>Creates the campaign; with a template, also its phases (moved by the same number of days) and team.</summary>
    Task<SaveResult> CreateAsync(CampaignForm form, Guid? templateId = null, CancellationToken cancellationToken = default);

    Task<SaveResult> UpdateAsync(Guid campaignId, CampaignForm form, CancellationToken cancellationToken = default);

    /// <summary>Adds the phase when the form is new, or changes it when the form carries the version it was read at.</summary>
    Task<SaveResult> SavePhaseAsync(Guid campaignId, PhaseForm form, CancellationToken cancellationToken = default);

    Task<SaveResult> DeletePhaseAsync(Guid campaignId, Guid phaseId, CancellationToken cancellationToken = default);
}

/// <summary>Writes to campaigns and their phases. Row-level security admits project managers, account managers and admins.</summary>
public sealed class CampaignCommands(UnitOfWork unitOfWork) : ICampaignCommands
{
    public const string RefusedMessage = "Only project managers, account managers and admins can change campaigns. You can still view them.";

    /// <summary>The roles the campaign_manage and phase_manage policies admit. The database decides; this only spares the others a form they cannot send.</summary>
    public static readonly string[] Writers = [AgencyRoles.Pm, AgencyRoles.Account, AgencyRoles.Admin];

    private static readonly WriteErrors Errors = new WriteErrors(RefusedMessage)
        .On("campaigns_tenant_id_code_key", nameof(CampaignForm.Code), "Another campaign already uses this code.")
        .On("campaigns_code_check", nameof(CampaignForm.Code), "Use 2 to 30 capital letters, digits or dashes.")
        .On("campaigns_check", nameof(CampaignForm.EndDate), "The end date can't be before the start date.")
        .On("campaigns_budget_amount_check", nameof(CampaignForm.BudgetAmount), "The budget can't be negative.")
        .On("campaigns_tenant_id_client_id_brand_id_fkey", nameof(CampaignForm.BrandId), "Choose a brand of the campaign's client.")
        .On("campaign_phases_tenant_id_campaign_id_phase_type_key", nameof(PhaseForm.PhaseType), "The campaign already has a phase of this type.")
        .On("campaign_phases_check", nameof(PhaseForm.EndDate), "The end date can't be before the start date.")
        .On("campaign_phases_budget_amount_check", nameof(PhaseForm.BudgetAmount), "The budget can't be negative.")
        .On("timesheet_entries_tenant_id_campaign_id_phase_id_fkey", "", "Hours are logged against this phase, so it can't be deleted.");

    public Task<SaveResult> CreateAsync(CampaignForm form, Guid? templateId = null, CancellationToken cancellationToken = default) =>
        unitOfWork.InsertAsync(Errors, form, Apply(form, new Campaign()), cancellationToken,
            templateId is { } template ? (db, campaign, ct) => CopyAsync(db, template, campaign, ct) : null);

    public Task<SaveResult> UpdateAsync(Guid campaignId, CampaignForm form, CancellationToken cancellationToken = default) =>
        unitOfWork.UpdateAsync<Campaign>(Errors, c => c.Id == campaignId && c.DeletedAt == null, form.Version, c => Apply(form, c), cancellationToken);

    public Task<SaveResult> SavePhaseAsync(Guid campaignId, PhaseForm form, CancellationToken cancellationToken = default) =>
        form.IsNew
            ? unitOfWork.InsertAsync(Errors, form, Apply(form, new CampaignPhase { CampaignId = campaignId }), cancellationToken)
            : unitOfWork.UpdateAsync<CampaignPhase>(Errors, p => p.Id == form.Id && p.CampaignId == campaignId, form.Version, p => Apply(form, p), cancellationToken);

    public Task<SaveResult> DeletePhaseAsync(Guid campaignId, Guid phaseId, CancellationToken cancellationToken = default) =>
        Errors.RunAsync(() => unitOfWork.RunAsync<Guid?>(async (db, ct) =>
            await db.Set<CampaignPhase>().Where(p => p.Id == phaseId && p.CampaignId == campaignId).ExecuteDeleteAsync(ct) == 1
                ? phaseId
                : null, cancellationToken));

    // The template's phases keep their place relative to the campaign's start; its team comes along.
    private static async Task CopyAsync(WorkroomDbContext db, Guid templateId, Campaign campaign, CancellationToken ct)
    {
        var template = await db.Set<Campaign>().AsNoTracking().Include(c => c.Phases).SingleAsync(c => c.Id == templateId, ct);
        var shift = campaign.StartDate.DayNumber - template.StartDate.DayNumber;
        foreach (var phase in template.Phases)
        {
            db.Add(new CampaignPhase
            {
                CampaignId = campaign.Id,
                PhaseType = phase.PhaseType,
                Name = phase.Name,
                SortOrder = phase.SortOrder,
                StartDate = phase.StartDate.AddDays(shift),
                EndDate = phase.EndDate.AddDays(shift),
                BudgetAmount = phase.BudgetAmount,
            });
        }

        var team = await db.Set<CampaignTeamMember>().AsNoTracking().Where(t => t.CampaignId == templateId).ToListAsync(ct);
        db.AddRange(team.Select(t => new CampaignTeamMember { CampaignId = campaign.Id, EmployeeId = t.EmployeeId, TeamRole = t.TeamRole }));
        await db.SaveChangesAsync(ct);
    }

    private static CampaignPhase Apply(PhaseForm form, CampaignPhase phase)
    {
        phase.PhaseType = form.PhaseType;
        phase.Name = form.Name.Trim();
        phase.Status = form.Status;
        phase.SortOrder = Array.IndexOf(CampaignVocabulary.PhaseTypes, form.PhaseType) + 1;
        phase.StartDate = DateOnly.FromDateTime(form.StartDate!.Value);
        phase.EndDate = DateOnly.FromDateTime(form.EndDate!.Value);
        phase.BudgetAmount = form.BudgetAmount;
        return phase;
    }

    private static Campaign Apply(CampaignForm form, Campaign campaign)
    {
        campaign.ClientId = form.ClientId!.Value;
        campaign.BrandId = form.BrandId;
        campaign.Code = form.Code.Trim();
        campaign.Name = form.Name.Trim();
        campaign.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        campaign.Status = form.Status;
        campaign.BudgetType = form.BudgetType;
        campaign.BudgetAmount = form.BudgetAmount;
        campaign.Currency = form.Currency;
        campaign.BillableByDefault = form.BillableByDefault;
        campaign.StartDate = DateOnly.FromDateTime(form.StartDate!.Value);
        campaign.EndDate = DateOnly.FromDateTime(form.EndDate!.Value);
        campaign.AlertThresholds = CampaignForm.ParseThresholds(form.AlertThresholds) ?? [50, 75, 90, 100];
        return campaign;
    }
}
