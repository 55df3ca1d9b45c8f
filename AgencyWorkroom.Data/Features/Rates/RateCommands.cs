using System.Globalization;
using System.Text.Json;
using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Rates;

public interface IRateCommands
{
    /// <summary>A new period from a day on; the one in force that day ends the day before (<c>agency.add_rate_period</c>).</summary>
    Task<SaveResult> AddPeriodAsync(RatePeriodForm form, CancellationToken cancellationToken = default);

    /// <summary>What the correction would do to the campaigns' revenue and cost, changing nothing.</summary>
    Task<CorrectionPreviewResult> PreviewCorrectionAsync(RateCorrectionForm form, CancellationToken cancellationToken = default);

    /// <summary>Changes a period in place; for days before today, finance's, with a reason (<c>agency.correct_rate_period</c>).</summary>
    Task<SaveResult> CorrectAsync(RateCorrectionForm form, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Rates screen's writes, each one call of a 022 function inside a unit of work. Who may do
/// what is the database's: the rate tables admit finance and leadership, and keep_rate_history
/// lets only finance, with a reason, change what days before today were priced at.
/// </summary>
public sealed class RateCommands(UnitOfWork unitOfWork) : IRateCommands
{
    public const string RefusedMessage = "Rates are for finance and leadership.";

    private static readonly WriteErrors Errors = new WriteErrors(RefusedMessage)
        .On("rate_currency_is_tenant_currency", nameof(RatePeriodForm.Currency),
            "Rates are kept in the agency's one currency (the currency shown here); another is not accepted.")
        .On("rate_periods_do_not_overlap", nameof(RatePeriodForm.EffectiveFrom),
            "Another period of this rate covers some of these days.")
        .On("rate_period_starts_there", nameof(RatePeriodForm.EffectiveFrom),
            "A period of this rate already starts that day: correct that period instead.")
        .On("rate_period_needs_start", nameof(RatePeriodForm.EffectiveFrom), "Say from which day the rate applies.")
        .On("rate_history_is_kept", nameof(RatePeriodForm.EffectiveFrom),
            "This changes what days before today were priced at, which only finance may correct. Start the new rate today or later.")
        .On("rate_correction_needs_reason", nameof(RateCorrectionForm.Reason),
            "This changes what days before today were priced at: say why, the reason is kept in the history.")
        .On("rate_period_not_found", "", "That rate period is gone or out of your reach.")
        .On("employee_rates_rate_or_card", nameof(RatePeriodForm.BillRate), "Give a bill or cost rate, or a card to bill at.")
        .On("employee_rates_check", nameof(RateCorrectionForm.EffectiveTo), "A period ends after it starts.")
        .On("rate_cards_check", nameof(RateCorrectionForm.EffectiveTo), "A period ends after it starts.")
        .On("client_rate_overrides_check", nameof(RateCorrectionForm.EffectiveTo), "A period ends after it starts.")
        .On("campaign_rate_overrides_check", nameof(RateCorrectionForm.EffectiveTo), "A period ends after it starts.")
        .On("rate_cards_bill_rate_check", nameof(RatePeriodForm.BillRate), "A rate is zero or more.")
        .On("rate_cards_cost_rate_check", nameof(RatePeriodForm.CostRate), "A rate is zero or more.")
        .On("employee_rates_bill_rate_check", nameof(RatePeriodForm.BillRate), "A rate is zero or more.")
        .On("employee_rates_cost_rate_check", nameof(RatePeriodForm.CostRate), "A rate is zero or more.")
        .On("client_rate_overrides_bill_rate_check", nameof(RatePeriodForm.BillRate), "A rate is zero or more.")
        .On("campaign_rate_overrides_bill_rate_check", nameof(RatePeriodForm.BillRate), "A rate is zero or more.")
        .On("rate_cards_role_name_check", nameof(RatePeriodForm.RoleName), "Name the role in 1 to 100 characters.");

    public Task<SaveResult> AddPeriodAsync(RatePeriodForm form, CancellationToken cancellationToken = default)
    {
        if (Missing(form) is { } missing)
        {
            return Task.FromResult(missing);
        }

        return Errors.RunAsync(async () =>
        {
            var id = await unitOfWork.RunAsync(async (db, ct) =>
            {
                // The same form sent again (a retry, a second click) finds its period already there.
                if (await ExistsAsync(db, form.Table, form.Id, ct))
                {
                    return form.Id;
                }

                return await db.Database.SqlQuery<Guid>(
                    $"select agency.add_rate_period({form.Table.SqlName()}, {PeriodJson(form)}::jsonb) as \"Value\"").SingleAsync(ct);
            }, cancellationToken);
            return SaveResult.Saved(id);
        });
    }

    public async Task<CorrectionPreviewResult> PreviewCorrectionAsync(RateCorrectionForm form, CancellationToken cancellationToken = default)
    {
        if (Missing(form) is { } missing)
        {
            return new CorrectionPreviewResult(null, missing);
        }

        CorrectionPreviewDto? preview = null;
        var result = await Errors.RunAsync(async () =>
        {
            preview = await unitOfWork.RunAsync(async (db, ct) =>
            {
                var currency = await RateQueries.CurrencyAsync(db, ct);
                var row = await db.Database.SqlQuery<PreviewRow>($"""
                    select campaign_count, revenue_change, cost_change
                    from agency.preview_rate_correction({form.Table.SqlName()}, {form.PeriodId}, {ChangesJson(form)}::jsonb)
                    """).SingleAsync(ct);
                return new CorrectionPreviewDto(row.CampaignCount, row.RevenueChange, row.CostChange, currency);
            }, cancellationToken);
            return SaveResult.Saved(form.PeriodId);
        });
        return result.Succeeded ? new CorrectionPreviewResult(preview, null) : new CorrectionPreviewResult(null, result);
    }

    public Task<SaveResult> CorrectAsync(RateCorrectionForm form, CancellationToken cancellationToken = default)
    {
        if (Missing(form) is { } missing)
        {
            return Task.FromResult(missing);
        }

        return Errors.RunAsync(async () =>
        {
            var changed = await unitOfWork.RunAsync((db, ct) => db.Database.SqlQuery<bool>($"""
                select agency.correct_rate_period({form.Table.SqlName()}, {form.PeriodId}, {ChangesJson(form)}::jsonb, {form.Reason?.Trim() ?? ""}) as "Value"
                """).SingleAsync(ct), cancellationToken);
            return changed ? SaveResult.Saved(form.PeriodId) : SaveResult.Refused(RefusedMessage);
        });
    }

    /// <summary>What each kind of rate cannot do without (the form's own checks; the database checks the rest).</summary>
    private static SaveResult? Missing(RatePeriodForm form) => form.Table switch
    {
        _ when form.EffectiveFrom is null => SaveResult.Field(nameof(form.EffectiveFrom), "Say from which day the rate applies."),
        RateTable.RateCards when string.IsNullOrWhiteSpace(form.RoleName) => SaveResult.Field(nameof(form.RoleName), "Name the role."),
        RateTable.EmployeeRates when form.EmployeeId is null => SaveResult.Field(nameof(form.EmployeeId), "Choose the person."),
        RateTable.ClientOverrides when form.ClientId is null => SaveResult.Field(nameof(form.ClientId), "Choose the client."),
        RateTable.CampaignOverrides when form.CampaignId is null => SaveResult.Field(nameof(form.CampaignId), "Choose the campaign."),
        not RateTable.EmployeeRates when form.BillRate is null => SaveResult.Field(nameof(form.BillRate), "Give the bill rate."),
        RateTable.RateCards when form.CostRate is null => SaveResult.Field(nameof(form.CostRate), "Give the cost rate."),
        _ => null,
    };

    private static SaveResult? Missing(RateCorrectionForm form) => form.Table switch
    {
        _ when form.EffectiveFrom is null => SaveResult.Field(nameof(form.EffectiveFrom), "Say from which day the period runs."),
        not RateTable.EmployeeRates when form.BillRate is null => SaveResult.Field(nameof(form.BillRate), "Give the bill rate."),
        RateTable.RateCards when form.CostRate is null => SaveResult.Field(nameof(form.CostRate), "Give the cost rate."),
        _ => null,
    };

    /// <summary>The period as add_rate_period reads it: the key columns of its table, the rates, the first day.</summary>
    private static string PeriodJson(RatePeriodForm form)
    {
        var period = new Dictionary<string, object?>
        {
            ["id"] = form.Id,
            ["bill_rate"] = form.BillRate,
            ["effective_from"] = Day(form.EffectiveFrom),
        };
        if (!string.IsNullOrWhiteSpace(form.Currency))
        {
            period["currency"] = form.Currency.Trim().ToUpperInvariant();
        }

        switch (form.Table)
        {
            case RateTable.RateCards:
                period["role_name"] = form.RoleName!.Trim();
                period["cost_rate"] = form.CostRate;
                break;
            case RateTable.EmployeeRates:
                period["employee_id"] = form.EmployeeId;
                period["rate_card_id"] = form.RateCardId;
                period["cost_rate"] = form.CostRate;
                break;
            case RateTable.ClientOverrides:
                period["client_id"] = form.ClientId;
                period["role_name"] = Blank(form.RoleName);
                period["note"] = Blank(form.Note);
                break;
            case RateTable.CampaignOverrides:
                period["campaign_id"] = form.CampaignId;
                period["role_name"] = Blank(form.RoleName);
                period["note"] = Blank(form.Note);
                break;
        }

        return JsonSerializer.Serialize(period);
    }

    /// <summary>The period's new values as change_rate_period reads them (overrides have no cost rate).</summary>
    private static string ChangesJson(RateCorrectionForm form)
    {
        var changes = new Dictionary<string, object?>
        {
            ["bill_rate"] = form.BillRate,
            ["effective_from"] = Day(form.EffectiveFrom),
            ["effective_to"] = Day(form.EffectiveTo),
        };
        if (form.Table is RateTable.RateCards or RateTable.EmployeeRates)
        {
            changes["cost_rate"] = form.CostRate;
        }

        return JsonSerializer.Serialize(changes);
    }

    private static Task<bool> ExistsAsync(WorkroomDbContext db, RateTable table, Guid id, CancellationToken ct) => table switch
    {
        RateTable.RateCards => db.Set<RateCard>().AnyAsync(r => r.Id == id, ct),
        RateTable.EmployeeRates => db.Set<EmployeeRate>().AnyAsync(r => r.Id == id, ct),
        RateTable.ClientOverrides => db.Set<ClientRateOverride>().AnyAsync(r => r.Id == id, ct),
        _ => db.Set<CampaignRateOverride>().AnyAsync(r => r.Id == id, ct),
    };

    private static string? Day(DateTime? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed class PreviewRow
    {
        public int CampaignCount { get; init; }

        public decimal RevenueChange { get; init; }

        public decimal CostChange { get; init; }
    }
}
