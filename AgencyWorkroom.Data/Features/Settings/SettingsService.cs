using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Settings;

public interface ISettingsQueries
{
    /// <summary>The tenant's settings as a form, with the version it was read at.</summary>
    Task<SettingsForm> LoadAsync(CancellationToken cancellationToken = default);
}

public interface ISettingsCommands
{
    Task<SaveResult> SaveAsync(SettingsForm form, CancellationToken cancellationToken = default);
}

/// <summary>
/// The tenant's settings (020's columns and 001's currency and utilization target). Every member
/// reads the tenant's row; the tenant_manage policy lets admins and leadership change it, and
/// 020's trigger audits each change.
/// </summary>
public sealed class SettingsService(UnitOfWork unitOfWork) : ISettingsQueries, ISettingsCommands
{
    public const string RefusedMessage = "Only admins and leadership can change the agency's settings.";

    private static readonly WriteErrors Errors = new WriteErrors(RefusedMessage)
        .On("tenants_time_entry_days_ahead_check", nameof(SettingsForm.TimeEntryDaysAhead), "From 0 to 366 days.")
        .On("tenants_utilization_target_check", nameof(SettingsForm.UtilizationTarget), "From 0 % to 100 %.")
        .On("tenants_default_currency_check", nameof(SettingsForm.DefaultCurrency), "Three capital letters, as ISO 4217 writes it (EUR, USD, GBP).")
        .On("tenant_currency_kept_by_rates", nameof(SettingsForm.DefaultCurrency),
            "The agency has rates in this currency, and amounts are never converted: it can change only while there are no rates.");

    public Task<SettingsForm> LoadAsync(CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync((db, ct) => db.Set<Tenant>().AsNoTracking()
            .Select(t => new SettingsForm
            {
                Id = t.Id,
                Version = t.Version,
                TimesheetFinanceSignoff = t.TimesheetFinanceSignoff,
                RequireTwoFactor = t.RequireTwoFactor,
                TimeEntryDaysAhead = t.TimeEntryDaysAhead,
                UtilizationTarget = t.UtilizationTarget,
                DefaultCurrency = t.DefaultCurrency,
            })
            .SingleAsync(ct), cancellationToken);

    public Task<SaveResult> SaveAsync(SettingsForm form, CancellationToken cancellationToken = default) =>
        unitOfWork.UpdateAsync<Tenant>(Errors, t => t.Id == form.Id, form.Version, t =>
        {
            t.TimesheetFinanceSignoff = form.TimesheetFinanceSignoff;
            t.RequireTwoFactor = form.RequireTwoFactor;
            t.TimeEntryDaysAhead = form.TimeEntryDaysAhead;
            t.UtilizationTarget = form.UtilizationTarget;
            t.DefaultCurrency = form.DefaultCurrency.Trim().ToUpperInvariant();
        }, cancellationToken);
}
