using AgencyWorkroom.Data.Features.Analytics;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Data.Features.Analytics;

/// <summary>
/// The analytics functions of 033 through the service, on the hand-worked fixture
/// (<see cref="AnalyticsFixture"/>): every figure to the cent, and no money for the roles that may
/// not see it, whatever the dimension.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class AnalyticsServicesTests(TwoTenantWorld world)
{
    private static ProfitabilityQuery March(string dimension) =>
        new(AnalyticsFixture.March, AnalyticsFixture.EndOfMarch, dimension);

    [Fact]
    public async Task Profitability_ByClient_EqualsTheHandWorkedFigures()
    {
        var fixture = await AnalyticsFixture.CreateAsync(world);
        await using var finance = fixture.Tenant.As(world, "finance");

        var row = Assert.Single(await finance.Get<IAnalyticsQueries>().ProfitabilityAsync(March(ProfitDimensions.Client)));

        Assert.Equal(fixture.Tenant.ClientId.ToString(), row.GroupKey);
        Assert.Equal(2, row.CampaignCount);
        Assert.Equal((29m, 27m), (row.TotalHours, row.BillableHours));
        // Earned: creative 10 × 150 + 8 × 150; pm 5 × 150 before the change, 4 × 200 after it.
        Assert.Equal(4250.00m, row.EarnedValue);
        // Labour: creative 20 × 60; pm 5 × 60 + 4 × 80. Direct: expense 250, camera 2 days × 100, quote 1,000.
        Assert.Equal(1820.00m, row.LaborCost);
        Assert.Equal(1450.00m, row.DirectCost);
        Assert.Equal(3270.00m, row.Cost);
        Assert.Equal(980.00m, row.Margin);
        Assert.Equal(0.2306m, row.MarginPct);
        // Recognised: TM as earned (3,050) and five of FF's eight weekly parts of 1,500.
        Assert.Equal(10550.00m, row.RecognisedRevenue);
        Assert.Equal(7280.00m, row.RecognisedMargin);
        Assert.Equal(0.6900m, row.RecognisedMarginPct);
        // Whole lives: TM spent 3,500 of time (April's 3 h too) + 450; FF 1,200 + 1,000. Both ended: projected = spent.
        Assert.Equal(32000m, row.Budget);
        Assert.Equal(6150.00m, row.SpendToDate);
        Assert.Equal(6150.00m, row.ProjectedAtCompletion);
    }

    [Fact]
    public async Task Profitability_ByCampaignAndByPerson_EqualTheHandWorkedFigures()
    {
        var fixture = await AnalyticsFixture.CreateAsync(world);
        await using var finance = fixture.Tenant.As(world, "finance");
        var analytics = finance.Get<IAnalyticsQueries>();

        var campaigns = (await analytics.ProfitabilityAsync(March(ProfitDimensions.Campaign))).ToDictionary(r => r.GroupKey);
        var tm = campaigns[fixture.TimeAndMaterials.ToString()];
        var ff = campaigns[fixture.FixedFee.ToString()];
        Assert.Equal((3050.00m, 3050.00m, 1340.00m, 450.00m, 1260.00m), (tm.EarnedValue, tm.RecognisedRevenue, tm.LaborCost, tm.DirectCost, tm.Margin));
        Assert.Equal((1200.00m, 7500.00m, 480.00m, 1000.00m, -280.00m, 6020.00m),
            (ff.EarnedValue, ff.RecognisedRevenue, ff.LaborCost, ff.DirectCost, ff.Margin, ff.RecognisedMargin));

        var people = (await analytics.ProfitabilityAsync(March(ProfitDimensions.Person))).ToDictionary(r => r.GroupKey);
        var creative = people[fixture.Creative.ToString()];
        var pm = people[fixture.Pm.ToString()];
        Assert.Equal((20m, 2700.00m, 1200.00m, 250.00m, 1250.00m), (creative.TotalHours, creative.EarnedValue, creative.LaborCost, creative.DirectCost, creative.Margin));
        Assert.Equal((9m, 1550.00m, 620.00m, 200.00m, 730.00m), (pm.TotalHours, pm.EarnedValue, pm.LaborCost, pm.DirectCost, pm.Margin));
        Assert.Null(creative.RecognisedRevenue);
        Assert.Null(creative.Budget);

        // The department (nobody has one) adds the people up.
        var department = Assert.Single(await analytics.ProfitabilityAsync(March(ProfitDimensions.Department)));
        Assert.Equal((29m, 4250.00m, 1820.00m, 450.00m), (department.TotalHours, department.EarnedValue, department.LaborCost, department.DirectCost));
    }

    [Fact]
    public async Task Profitability_AdjacentPeriods_RecogniseTheWholeFeeOnce()
    {
        var fixture = await AnalyticsFixture.CreateAsync(world);
        await using var finance = fixture.Tenant.As(world, "finance");
        var analytics = finance.Get<IAnalyticsQueries>();

        var april = (await analytics.ProfitabilityAsync(new ProfitabilityQuery(new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30), ProfitDimensions.Campaign)))
            .ToDictionary(r => r.GroupKey);
        var both = (await analytics.ProfitabilityAsync(new ProfitabilityQuery(AnalyticsFixture.March, new DateOnly(2025, 4, 30), ProfitDimensions.Campaign)))
            .ToDictionary(r => r.GroupKey);

        Assert.Equal(4500.00m, april[fixture.FixedFee.ToString()].RecognisedRevenue);
        Assert.Equal(12000.00m, both[fixture.FixedFee.ToString()].RecognisedRevenue);
        Assert.Equal(450.00m, april[fixture.TimeAndMaterials.ToString()].EarnedValue);
    }

    [Fact]
    public async Task Utilization_ByPersonPerMonthAndWeek_CapacityTargetAndHours()
    {
        var fixture = await AnalyticsFixture.CreateAsync(world);
        await using var pm = fixture.Tenant.As(world, "pm");
        var analytics = pm.Get<IAnalyticsQueries>();

        var month = await analytics.UtilizationAsync(new UtilizationQuery(
            AnalyticsFixture.March, AnalyticsFixture.EndOfMarch, UtilizationGrains.Month, UtilizationGroups.Person));
        var creative = Assert.Single(month, r => r.GroupKey == fixture.Creative.ToString());
        // The weeks whose Thursday is in March: 3, 10, 17 and 24 March (31 March's Thursday is in April).
        Assert.Equal((AnalyticsFixture.March, 160m, 20m, 18m, 120.00m), (creative.PeriodStart, creative.CapacityHours, creative.TotalHours, creative.BillableHours, creative.TargetHours));
        Assert.Equal((0.1250m, 0.1125m, 0.7500m), (creative.UtilizationPct, creative.BillableUtilizationPct, creative.TargetPct));
        Assert.Equal(6, month.Count);

        var weeks = await analytics.UtilizationAsync(new UtilizationQuery(
            AnalyticsFixture.March, AnalyticsFixture.EndOfMarch, UtilizationGrains.Week, UtilizationGroups.Person, EmployeeId: fixture.Pm));
        Assert.Equal([new DateOnly(2025, 3, 3), new(2025, 3, 10), new(2025, 3, 17), new(2025, 3, 24)], weeks.Select(w => w.PeriodStart));
        Assert.Equal([0m, 5m, 4m, 0m], weeks.Select(w => w.TotalHours));

        var everyone = Assert.Single(await analytics.UtilizationAsync(new UtilizationQuery(
            AnalyticsFixture.March, AnalyticsFixture.EndOfMarch, UtilizationGrains.Month, UtilizationGroups.Department)));
        Assert.Equal((6, 6 * 160m, 29m, 27m), (everyone.People, everyone.CapacityHours, everyone.TotalHours, everyone.BillableHours));
    }

    [Theory]
    [InlineData("creative")]
    [InlineData("account")]
    public async Task EveryAnalyticsFunction_ForARoleWithoutMoneyRights_ReturnsUtilizationButNoMoney(string role)
    {
        var fixture = await AnalyticsFixture.CreateAsync(world);
        await using var person = fixture.Tenant.As(world, role);
        var analytics = person.Get<IAnalyticsQueries>();

        var utilization = await analytics.UtilizationAsync(new UtilizationQuery(
            AnalyticsFixture.March, AnalyticsFixture.EndOfMarch, UtilizationGrains.Month, UtilizationGroups.Person));
        // Their own time only, as v_employee_utilization: the people's summaries are pm's, finance's and leadership's.
        var own = Assert.Single(utilization);
        Assert.Equal(fixture.Tenant.People[role].ToString(), own.GroupKey);
        Assert.Equal(160m, own.CapacityHours);
        Assert.Equal(role == "creative" ? 20m : 0m, own.TotalHours);

        foreach (var dimension in ProfitDimensions.All)
        {
            foreach (var row in await analytics.ProfitabilityAsync(March(dimension)))
            {
                Assert.All(
                    new[] { row.EarnedValue, row.RecognisedRevenue, row.LaborCost, row.DirectCost, row.Cost, row.Margin, row.MarginPct,
                            row.RecognisedMargin, row.RecognisedMarginPct, row.SpendToDate, row.ProjectedAtCompletion },
                    Assert.Null);
            }
        }

        // Hours are everyone's (decision 006), so the client's row is there, without its money.
        var client = Assert.Single(await analytics.ProfitabilityAsync(March(ProfitDimensions.Client)));
        Assert.Equal(29m, client.TotalHours);
        Assert.False((await analytics.OptionsAsync()).SeesMoney);
    }

    [Fact]
    public async Task Profitability_AnotherTenantsFinance_SeesNoneOfTheFixture()
    {
        var fixture = await AnalyticsFixture.CreateAsync(world);
        await using var other = PersonServices.For(world, world.A, "finance");

        var rows = await other.Get<IAnalyticsQueries>().ProfitabilityAsync(March(ProfitDimensions.Campaign));

        Assert.DoesNotContain(rows, r => r.GroupKey == fixture.TimeAndMaterials.ToString() || r.GroupKey == fixture.FixedFee.ToString());
        Assert.DoesNotContain(await other.Get<IAnalyticsQueries>().UtilizationAsync(new UtilizationQuery(
            AnalyticsFixture.March, AnalyticsFixture.EndOfMarch, Group: UtilizationGroups.Person)), r => r.GroupKey == fixture.Creative.ToString());
    }
}
