using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Data.Features.Campaigns;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Views;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Tests.Web.Rendering;
using AgencyWorkroom.Web.Components.Pages.Artifacts;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgencyWorkroom.Tests.Components.Pages.Artifacts;

/// <summary>The artifact's read view: the XSS corpus through its title and content runs nothing.</summary>
public sealed class ArtifactPageTests : ComponentTestContext
{
    public static TheoryData<string> Payloads() => new(XssCorpus.Payloads);

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Render_XssInTitleAndContent_NothingCanRun(string payload)
    {
        var page = Show(new ArtifactDetailDto(Row(payload), $"# {payload}\n\n{payload}\n\n- {payload}", payload));

        // The title is text: the payload reads as typed.
        Assert.Equal(payload.Trim(), page.Find("[data-testid=artifact-title]").TextContent.Trim());
        Harmless.Assert(page.Find("[data-testid=artifact-document]").InnerHtml);
        Harmless.Assert(page.Find("[data-testid=artifact-panel]").InnerHtml);
    }

    [Fact]
    public void Render_Missing_SaysSo()
    {
        var page = Show(null);

        Assert.NotNull(page.Find("[data-testid=not-found]"));
    }

    [Fact]
    public void Render_Markdown_ShowsItsWordsAndStructure()
    {
        var page = Show(new ArtifactDetailDto(Row("Brief"), "# Launch\n\nTwo words, then **four** more here.", "pm person"));

        Assert.Equal("Launch", page.Find("[data-testid=artifact-document] h1").TextContent);
        Assert.Equal("four", page.Find("[data-testid=artifact-document] strong").TextContent);
        Assert.Equal("7", page.Find("[data-testid=artifact-words]").TextContent);
    }

    private IRenderedComponent<ArtifactPage> Show(ArtifactDetailDto? detail)
    {
        Services.AddSingleton<IArtifactQueries>(new FakeArtifactQueries(detail));
        var review = new FakeArtifactReview();
        Services.AddSingleton<IArtifactReviewQueries>(review);
        Services.AddSingleton<IArtifactReviewCommands>(review);
        var id = Guid.NewGuid();
        // The read view: the rendered text (the editor's own tests are in Chromium).
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/artifacts/{id}?view=read");
        return Render<ArtifactPage>(p => p.Add(x => x.ArtifactId, id));
    }

    private static ArtifactLibraryRow Row(string title) => new()
    {
        ArtifactId = Guid.NewGuid(),
        Title = title,
        ArtifactType = "brief",
        Status = "draft",
        CampaignCode = "C-1",
        CampaignName = "Spring",
        ClientName = "Acme",
        OwnerName = "pm person",
        Tags = ["launch"],
        CurrentVersion = 3,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    private sealed class FakeArtifactQueries(ArtifactDetailDto? detail) : IArtifactQueries
    {
        public Task<ArtifactDetailDto?> GetAsync(Guid artifactId, CancellationToken cancellationToken = default) => Task.FromResult(detail);

        public Task<Page<ArtifactListItem>> ListAsync(ArtifactFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Page<ArtifactListItem>([], 0));

        public Task<List<ArtifactListItem>> ExportAsync(ArtifactFilter filter, PageRequest order, CancellationToken cancellationToken = default) =>
            Task.FromResult(new List<ArtifactListItem>());

        public Task<IReadOnlyList<ArtifactVersionRow>> ListVersionsAsync(Guid artifactId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ArtifactVersionRow>>([]);

        public Task<ArtifactComparison?> CompareAsync(Guid artifactId, int older, int newer, CancellationToken cancellationToken = default) =>
            Task.FromResult<ArtifactComparison?>(null);

        public Task<ArtifactOptionsDto> GetOptionsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new ArtifactOptionsDto([], [], []));

        public Task<IReadOnlyList<CampaignOptionDto>> FindCampaignsAsync(string? text, Guid? id = null, bool toAddArtifacts = false, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<CampaignOptionDto>>([]);

        public Task<IReadOnlyList<ArtifactTemplateDto>> ListTemplatesAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ArtifactTemplateDto>>([]);
    }
}
