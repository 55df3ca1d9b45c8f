using AgencyWorkroom.Data.Features.Search;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Layout;
using AgencyWorkroom.Web.Components.Shared;
using Bunit;

namespace AgencyWorkroom.Tests.Components.Shared;

public sealed class FormatsTests : ComponentTestContext
{
    [Fact]
    public void Money_NullFromTheView_IsADashNeverZero()
    {
        var money = Render<Money>(p => p.Add(m => m.Value, null).Add(m => m.TestId, "cell"));

        Assert.Equal("—", money.Find("[data-testid=cell]").TextContent);
        Assert.Equal("true", money.Find("[data-testid=cell]").GetAttribute("data-null"));
    }

    [Fact]
    public void Money_Value_IsGroupedWithItsCurrency()
    {
        var money = Render<Money>(p => p.Add(m => m.Value, 1234567.8m).Add(m => m.Currency, "USD").Add(m => m.TestId, "cell"));

        Assert.Equal("USD 1,234,568", money.Find("[data-testid=cell]").TextContent);
    }

    [Theory]
    [InlineData(null, "—")]
    [InlineData("0.625", "62.5 %")]
    [InlineData("1", "100 %")]
    public void Percent_FractionOrNull(string? fraction, string expected) =>
        Assert.Equal(expected, Formats.Percent(fraction is null ? null : decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void SearchHref_BrandsOpenTheirClientAndArtifactsTheirPage()
    {
        Guid client = Guid.NewGuid(), brand = Guid.NewGuid(), campaign = Guid.NewGuid(), artifact = Guid.NewGuid();

        Assert.Equal($"/clients/{client}", GlobalSearch.Href(new SearchHit(SearchKind.Client, client, "Acme", null)));
        Assert.Equal($"/clients/{client}", GlobalSearch.Href(new SearchHit(SearchKind.Brand, brand, "Crunchy", "Acme", client)));
        Assert.Equal($"/campaigns/{campaign}", GlobalSearch.Href(new SearchHit(SearchKind.Campaign, campaign, "Spring", null)));
        Assert.Equal($"/artifacts/{artifact}", GlobalSearch.Href(new SearchHit(SearchKind.Artifact, artifact, "Brief", "Spring", campaign)));
    }
}
