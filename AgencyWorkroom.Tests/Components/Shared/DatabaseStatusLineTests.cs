using AgencyWorkroom.Data.Schema;
using AgencyWorkroom.Tests.Infrastructure;
using AgencyWorkroom.Web.Components.Shared;
using Bunit;
using Npgsql;
using System.Net.Sockets;

namespace AgencyWorkroom.Tests.Components.Shared;

/// <summary>The status line the dashboard shows (what the home page showed before the dashboard took "/").</summary>
public sealed class DatabaseStatusLineTests : ComponentTestContext
{
    [Fact]
    public void Render_DatabaseUnreachable_ShowsAPlainSentenceAndNoExceptionText()
    {
        var failure = new NpgsqlException("Failed to connect to 10.1.2.3:55432", new SocketException((int)SocketError.ConnectionRefused));

        var line = Show(new SchemaStatus(false, null, null, 7, failure));

        Assert.Equal("Database not reachable", line.Find("[data-testid=status-chip]").TextContent.Trim());
        Assert.Equal(DatabaseStatusLine.Unreachable, line.Find("[data-testid=status-error]").TextContent.Trim());
        Assert.Empty(line.FindAll("[data-testid=status-level]"));
        Assert.DoesNotContain("10.1.2.3", line.Markup);
        Assert.DoesNotContain("refused", line.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_LedgerUnreadable_SaysSoWithoutTheDatabasesText()
    {
        var failure = new PostgresException("permission denied for schema meta", "ERROR", "ERROR", PostgresErrorCodes.InsufficientPrivilege);

        var line = Show(new SchemaStatus(true, null, null, 7, failure));

        Assert.Equal(DatabaseStatusLine.LevelUnread, line.Find("[data-testid=status-error]").TextContent.Trim());
        Assert.DoesNotContain("schema meta", line.Markup);
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
