using AgencyWorkroom.Data.Features.Rates;

namespace AgencyWorkroom.Tests.Data.Features.Rates;

public sealed class MarginCalculatorTests
{
    [Theory]
    [InlineData(150, 60, 90, 0.6, 1.5)]
    [InlineData(100, 75, 25, 0.25, 0.3333)]
    [InlineData(80, 100, -20, -0.25, -0.2)]
    public void Of_BillAndCost_GivesMarginAndMarkup(double bill, double cost, double margin, double marginPct, double markupPct)
    {
        var figures = MarginCalculator.Of((decimal)bill, (decimal)cost);

        Assert.Equal((decimal)margin, figures.Margin);
        Assert.Equal((decimal)marginPct, figures.MarginPct);
        Assert.Equal((decimal)markupPct, figures.MarkupPct);
    }

    [Fact]
    public void Of_ZeroRates_HaveNoPercentages()
    {
        Assert.Null(MarginCalculator.Of(0, 50).MarginPct);
        Assert.Null(MarginCalculator.Of(50, 0).MarkupPct);
    }

    [Theory]
    [InlineData(60, 0.6, 150)]
    [InlineData(75, 0.25, 100)]
    [InlineData(70, 0.35, 107.69)]
    [InlineData(50, 0, 50)]
    public void RequiredBillRate_ForATargetMargin_LeavesThatMargin(double cost, double target, double bill)
    {
        var required = MarginCalculator.RequiredBillRate((decimal)cost, (decimal)target);

        Assert.Equal((decimal)bill, required);
        Assert.Equal((decimal)target, Math.Round(MarginCalculator.Of(required!.Value, (decimal)cost).MarginPct!.Value, 2));
    }

    [Fact]
    public void RequiredBillRate_AtAHundredPercentOrMore_IsNone()
    {
        Assert.Null(MarginCalculator.RequiredBillRate(60, 1));
        Assert.Null(MarginCalculator.RequiredBillRate(60, 1.2m));
    }

    [Fact]
    public void Markup_AndMargin_AreTwoNamesForOneGap()
    {
        Assert.Equal(0.5m, Math.Round(MarginCalculator.MarkupForMargin(0.3333m)!.Value, 2));
        Assert.Equal(90m, MarginCalculator.BillRateForMarkup(60, 0.5m));
        Assert.Null(MarginCalculator.MarkupForMargin(1));
    }
}
