using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Analytics;

/// <summary>
/// A small agency whose March 2025 was worked out by hand (the expected figures are in the tests).
/// In a scratch tenant of its own (every person bills 150 and costs 60 an hour from 2020):
/// <list type="bullet">
/// <item>TM, time and materials, 1 March – 30 April, budget 20,000; FF, a fixed fee of 12,000 over
/// 3 March – 27 April (8 weeks: 1,500 a week, five of them start in March).</item>
/// <item>The pm's rate changes on 17 March to 200 bill and 80 cost.</item>
/// <item>Creative: TM 10 h billable on 4 March, 2 h not billable on 5 March, FF 8 h billable on
/// 6 March, TM 3 h billable on 1 April (outside March). PM: TM 5 h on 10 March, 4 h on 18 March.</item>
/// <item>An expense of 250 (the creative's) on TM on 5 March; a camera at 100 a day, out with the
/// pm 11 – 13 March (two days, 200) on TM; FF's approved procurement quote of 1,000.</item>
/// </list>
/// Written as the database's maintenance role, so the rows go in as an import would: the summary
/// triggers keep the summaries as for any write.
/// </summary>
public sealed record AnalyticsFixture(ScratchTenant Tenant, Guid TimeAndMaterials, Guid FixedFee)
{
    public static readonly DateOnly March = new(2025, 3, 1);
    public static readonly DateOnly EndOfMarch = new(2025, 3, 31);

    public Guid Creative => Tenant.People["creative"];

    public Guid Pm => Tenant.People["pm"];

    public static async Task<AnalyticsFixture> CreateAsync(TwoTenantWorld world)
    {
        var tenant = await ScratchTenant.CreateAsync(world);
        var fixture = new AnalyticsFixture(tenant, Guid.NewGuid(), Guid.NewGuid());
        var creative = fixture.Creative;
        var pm = fixture.Pm;
        var quote = Guid.NewGuid();
        var t = ("t", (object?)tenant.Id);

        await using var s = await TestSession.BeginWithoutContextAsync(world.Database.Maintenance);
        await s.ExecuteAsync(
            """
            insert into agency.campaigns (tenant_id, id, client_id, code, name, status, budget_type, budget_amount, start_date, end_date)
            values (@t, @tm, @client, 'TM', 'Time and materials', 'completed', 'time_and_materials', 20000, '2025-03-01', '2025-04-30'),
                   (@t, @ff, @client, 'FF', 'Fixed fee', 'completed', 'fixed_fee', 12000, '2025-03-03', '2025-04-27')
            """,
            t, ("tm", fixture.TimeAndMaterials), ("ff", fixture.FixedFee), ("client", tenant.ClientId));
        await s.ExecuteAsync(
            "insert into procure.project_quotes (tenant_id, id, quote_number, vendor_name, amount, status) values (@t, @q, 'Q-FF', 'Print Co', 1000, 'approved')",
            t, ("q", quote));
        await s.ExecuteAsync("update agency.campaigns set procure_quote_id = @q where tenant_id = @t and id = @ff", t, ("q", quote), ("ff", fixture.FixedFee));
        await s.ExecuteAsync(
            """
            update agency.employee_rates set effective_to = '2025-03-17' where tenant_id = @t and employee_id = @pm;
            insert into agency.employee_rates (tenant_id, employee_id, bill_rate, cost_rate, currency, effective_from)
            values (@t, @pm, 200, 80, 'USD', '2025-03-17')
            """,
            t, ("pm", pm));
        await s.ExecuteAsync(
            """
            insert into agency.timesheet_entries (tenant_id, employee_id, campaign_id, entry_date, hours, billable)
            values (@t, @creative, @tm, '2025-03-04', 10, true),
                   (@t, @creative, @tm, '2025-03-05', 2, false),
                   (@t, @creative, @ff, '2025-03-06', 8, true),
                   (@t, @creative, @tm, '2025-04-01', 3, true),
                   (@t, @pm, @tm, '2025-03-10', 5, true),
                   (@t, @pm, @tm, '2025-03-18', 4, true)
            """,
            t, ("creative", creative), ("pm", pm), ("tm", fixture.TimeAndMaterials), ("ff", fixture.FixedFee));
        await s.ExecuteAsync(
            """
            insert into te.expense_lines (tenant_id, employee_id, expense_date, category, amount, agency_campaign_id)
            values (@t, @creative, '2025-03-05', 'travel', 250, @tm)
            """,
            t, ("creative", creative), ("tm", fixture.TimeAndMaterials));
        await s.ExecuteAsync(
            """
            insert into gear.checkouts (tenant_id, equipment_name, asset_tag, checked_out_by, checked_out_at, returned_at, daily_rate, agency_campaign_id)
            values (@t, 'Camera', 'CAM-FIX', @pm, '2025-03-11 09:00+00', '2025-03-13 09:00+00', 100, @tm)
            """,
            t, ("pm", pm), ("tm", fixture.TimeAndMaterials));
        await s.CommitAsync();
        return fixture;
    }
}
