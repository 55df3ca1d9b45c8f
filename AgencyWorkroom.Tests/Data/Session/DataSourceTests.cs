using AgencyWorkroom.Data;
using AgencyWorkroom.Tests.Infrastructure;
using Npgsql;

namespace AgencyWorkroom.Tests.Data.Session;

/// <summary>The app's data source prepares what it repeats, and a connection string can say no.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class DataSourceTests(TwoTenantWorld world)
{
    private const string Repeated = "select count(*) from agency.v_campaign_overview";

    [Fact]
    public async Task RepeatedStatements_ArePrepared_AndSurviveThePoolsReset()
    {
        await using var source = DataServiceExtensions.CreateDataSource(world.Database.AppConnectionString);

        for (var i = 0; i < 3; i++)
        {
            await using var connection = await source.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(Repeated, connection);
            await command.ExecuteScalarAsync();
        }

        Assert.Equal(1L, await PreparedAsync(source));
    }

    [Fact]
    public async Task ConnectionStringSayingNo_PreparesNothing()
    {
        var noPreparing = new NpgsqlConnectionStringBuilder(world.Database.AppConnectionString) { MaxAutoPrepare = 0 }.ConnectionString;
        await using var source = DataServiceExtensions.CreateDataSource(noPreparing);

        for (var i = 0; i < 3; i++)
        {
            await using var connection = await source.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(Repeated, connection);
            await command.ExecuteScalarAsync();
        }

        Assert.Equal(0L, await PreparedAsync(source));
    }

    private static async Task<long> PreparedAsync(NpgsqlDataSource source)
    {
        await using var connection = await source.OpenConnectionAsync();
        await using var count = new NpgsqlCommand(
            $"select count(*) from pg_prepared_statements where statement = '{Repeated}'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
