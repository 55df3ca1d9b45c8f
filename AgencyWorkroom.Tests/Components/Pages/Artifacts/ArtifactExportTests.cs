using System.Net;
using AgencyWorkroom.Tests.Infrastructure;

namespace AgencyWorkroom.Tests.Components.Pages.Artifacts;

/// <summary>An artifact downloaded as Markdown or as a page that prints: the real app, real cookies, row-level security.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ArtifactExportTests(TwoTenantWorld world) : IAsyncLifetime
{
    private const string Title = "Launch <img src=x onerror=alert(1)> plan";

    private const string Content = """
        # Plan

        <script>alert('content')</script>

        [click](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

        | Col | <svg onload=alert(1)> |
        | --- | --- |
        | <b onmouseover=alert(1)>x</b> | `<script>` |

        ![pic](javascript:alert(2))
        """;

    private readonly WorkroomAppFactory _app = new();
    private readonly Guid _artifact = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        await using var creative = await world.AppSessionAsync(world.A, "creative");
        await creative.ExecuteAsync(
            "insert into agency.artifacts (id, campaign_id, artifact_type, title, content) values (@id, @campaign, 'brief', @title, @content)",
            ("id", _artifact), ("campaign", world.A.Rows["agency.campaigns"]), ("title", Title), ("content", Content));
        await creative.CommitAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Markdown_IsTheStoredTextAsADownload()
    {
        var browser = await _app.SignedInAsync(world.A, "creative");

        var response = await browser.GetAsync($"/export/artifacts/{_artifact}.md");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("launch-img-src-x-onerror-alert-1-plan.md", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Content, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Html_IsSelfContained_AndNothingInTheTextOrTitleRuns()
    {
        var browser = await _app.SignedInAsync(world.A, "creative");

        var download = await browser.GetAsync($"/export/artifacts/{_artifact}.html");
        var print = await browser.GetAsync($"/export/artifacts/{_artifact}.html?print=true");
        var html = await download.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Null(print.Content.Headers.ContentDisposition);
        Assert.Equal(html, await print.Content.ReadAsStringAsync());
        Assert.Contains("default-src 'none'", download.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("<h1>Launch &lt;img src=x onerror=alert(1)&gt; plan</h1>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("@media print", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onmouseover=alert", html.Replace("&lt;b onmouseover=alert", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnotherAgency_OrSomeoneOffTheTeam_GetsNotFound()
    {
        var otherAgency = await _app.SignedInAsync(world.B, "admin");
        var offTheTeam = await _app.SignedInAsync(world.A, "finance");

        Assert.Equal(HttpStatusCode.NotFound, (await otherAgency.GetAsync($"/export/artifacts/{_artifact}.md")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgency.GetAsync($"/export/artifacts/{_artifact}.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await offTheTeam.GetAsync($"/export/artifacts/{_artifact}.md")).StatusCode);
        Assert.True((await _app.Browser().GetAsync($"/export/artifacts/{_artifact}.md")).IsRedirectTo("/Account/Login"));
    }
}
