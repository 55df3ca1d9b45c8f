using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.People;
using AgencyWorkroom.Data.Features.Rates;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Pages.Rates;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AgencyWorkroom.Tests.Components.Pages.Rates;

public sealed class RatesPageTests : ComponentTestContext
{
    private static readonly MeDto Finance = new(Guid.NewGuid(), "Fay Finance", "finance", "Northwind Creative");

    private static readonly RatePeriodDto Card = new(Guid.NewGuid(), RateTable.RateCards, null, "Designer", "Designer", 150, 60, "EUR",
        new DateOnly(2025, 1, 1), null, null);

    private readonly FakeRates _rates = new();

    [Theory]
    [InlineData("creative")]
    [InlineData("pm")]
    [InlineData("account")]
    [InlineData("admin")]
    public void Render_NotFinanceOrLeadership_SaysWhoItIsFor_AndReadsNoRates(string role)
    {
        var page = Show(Finance with { Role = role });

        Assert.Contains("Rates are for finance and leadership", page.Find("[data-testid=rates-not-for-you]").TextContent);
        Assert.Equal(0, _rates.Loads);
    }

    [Fact]
    public void Render_Finance_ListsTheCardsWithTheirCurrencyAndMargin()
    {
        var page = Show(Finance);

        page.WaitForAssertion(() => Assert.Contains("EUR 150.00", page.Find("[data-testid=cards-table]").TextContent));
        Assert.Contains("60 %", page.Find("[data-testid=cards-table]").TextContent);
        Assert.Contains("in EUR", page.Find("[data-testid=rates-currency]").TextContent);
    }

    [Fact]
    public async Task CorrectionDialog_SavesOnlyAfterThePreview_AndSendsTheReason()
    {
        Services.AddSingleton<IRateCommands>(_rates);
        var (host, dialog) = await ShowDialogAsync(new DialogParameters<RateCorrectionDialog>
        {
            { d => d.Period, Card },
            { d => d.Currency, "EUR" },
        });

        Assert.True(host.Find("[data-testid=correction-dialog] [data-testid=save]").HasAttribute("disabled"));
        host.Find("[data-testid=field-reason] textarea").Change("Agreed in January");
        host.Find("[data-testid=preview]").Click();
        host.WaitForAssertion(() => Assert.Contains("This changes revenue of 2 campaigns by +EUR 1,200",
            host.Find("[data-testid=correction-preview]").TextContent));
        host.Find("form").Submit();

        host.WaitForAssertion(() => Assert.Equal("Agreed in January", Assert.Single(_rates.Corrections).Reason));
        Assert.False((await dialog.Result)!.Canceled);
    }

    private IRenderedComponent<RatesPage> Show(MeDto me)
    {
        Services.AddSingleton<IPeopleQueries>(new FakePeopleQueries(me));
        Services.AddSingleton<IRateQueries>(_rates);
        Services.AddSingleton<IRateCommands>(_rates);
        Render<MudPopoverProvider>();
        return Render<RatesPage>();
    }

    private sealed class FakeRates : IRateQueries, IRateCommands
    {
        public int Loads { get; private set; }

        public List<RateCorrectionForm> Corrections { get; } = [];

        public Task<RatesOverviewDto> LoadAsync(CancellationToken cancellationToken = default)
        {
            Loads++;
            return Task.FromResult(new RatesOverviewDto("EUR", [Card], [], []));
        }

        public Task<RatePickersDto> PickersAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new RatePickersDto([], [], [], [new OptionDto(Card.Id, "Designer")]));

        public Task<RateLookupDto> LookupAsync(Guid employeeId, Guid campaignId, DateOnly day, CancellationToken cancellationToken = default) =>
            Task.FromResult(new RateLookupDto(150, "card", Card.Id, 60, "card", Card.Id, "Designer", "EUR"));

        public Task<IReadOnlyList<RateHistoryDto>> HistoryAsync(int limit = 200, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<RateHistoryDto>>([]);

        public Task<SaveResult> AddPeriodAsync(RatePeriodForm form, CancellationToken cancellationToken = default) =>
            Task.FromResult(SaveResult.Saved(form.Id));

        public Task<CorrectionPreviewResult> PreviewCorrectionAsync(RateCorrectionForm form, CancellationToken cancellationToken = default) =>
            Task.FromResult(new CorrectionPreviewResult(new CorrectionPreviewDto(2, 1200, 0, "EUR"), null));

        public Task<SaveResult> CorrectAsync(RateCorrectionForm form, CancellationToken cancellationToken = default)
        {
            Corrections.Add(form);
            return Task.FromResult(SaveResult.Saved(form.PeriodId));
        }
    }
}
