using Npgsql;

namespace AgencyWorkroom.Data.Session;

/// <summary>
/// The connections of Identity's stores (accounts, Data Protection keys): a login role that is a
/// member of <c>identity_store</c>, the only role granted on schema <c>identity</c> (042). The
/// app's <see cref="NpgsqlDataSource"/>, which every unit of work uses, has no grant there.
/// A type of its own so that nothing asks for one pool and gets the other.
/// </summary>
public sealed class IdentityDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable, IDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
