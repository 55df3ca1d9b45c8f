using AgencyWorkroom.Data.Schema;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Shared;
using Bunit;

namespace AgencyWorkroom.Tests.Components.Shared;

/// <summary>The status line the dashboard shows (what the home page showed before the dashboard took "/").</summary>
public sealed class DatabaseStatusLineTests : ComponentTestContext
{
    [Fact]
    public void Render_DatabaseUnreachable_ShowsNotReachableWithError()
    {
        var line = Show(new SchemaStatus(false, null, null, 7, "Failed to connect to 127.0.0.1:55432: Connection refused"));

        Assert.Equal("Database not reachable", line.Find("[data-testid=status-chip]").TextContent.Trim());
        Assert.Equal("Failed to connect to 127.0.0.1:55432: Connection refused", line.Find("[data-testid=status-error]").TextContent.Trim());
        Assert.Empty(line.FindAll("[data-testid=status-level]"));
    }

    [Fact]
    public void Render_SchemaCurrent_ShowsLevelUpToDate()
    {
        var line = Show(new SchemaStatus(true, 7, "agency_rls_policies", 7, null));

        Assert.Equal("Database connected", line.Find("[data-testid=status-chip]").TextContent.Trim());
        Assert.Equal("Migration level: 007 (agency_rls_policies) — up to date", line.Find("[data-testid=status-level]").TextContent.Trim());
        Assert.Empty(line.FindAll("[data-testid=status-error]"));
    }

    [Fact]
    public void Render_SchemaBehind_ShowsHowManyApplied()
    {
        var line = Show(new SchemaStatus(true, 5, "agency_ai_rag", 7, null));

        Assert.Equal("Migration level: 005 (agency_ai_rag) — behind: 5 of 7 applied", line.Find("[data-testid=status-level]").TextContent.Trim());
    }

    [Fact]
    public void Render_NeverMigrated_ShowsNoneApplied()
    {
        var line = Show(new SchemaStatus(true, null, null, 7, null));

        Assert.Equal("Migration level: none — behind: 0 of 7 applied", line.Find("[data-testid=status-level]").TextContent.Trim());
    }

    [Fact]
    public void Render_NoStatusYet_ShowsChecking()
    {
        var line = Show(null);

        Assert.NotNull(line.Find("[data-testid=status-loading]"));
        Assert.Empty(line.FindAll("[data-testid=status-chip]"));
    }

    private IRenderedComponent<DatabaseStatusLine> Show(SchemaStatus? status) =>
        Render<DatabaseStatusLine>(p => p.Add(l => l.Status, status));
}
