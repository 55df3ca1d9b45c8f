using AgencyWorkroom.Data.Entities;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Session;

namespace AgencyWorkroom.Data.Features.Clients;

public interface IClientCommands
{
    Task<SaveResult> CreateAsync(ClientForm form, CancellationToken cancellationToken = default);

    Task<SaveResult> UpdateAsync(Guid clientId, ClientForm form, CancellationToken cancellationToken = default);

    /// <summary>Sets the client's status to archived; it stays listed under that status.</summary>
    Task<SaveResult> ArchiveAsync(Guid clientId, CancellationToken cancellationToken = default);

    Task<SaveResult> CreateBrandAsync(Guid clientId, BrandForm form, CancellationToken cancellationToken = default);

    Task<SaveResult> UpdateBrandAsync(Guid brandId, BrandForm form, CancellationToken cancellationToken = default);

    /// <summary>Takes the brand off the client's list; its campaigns keep pointing at it.</summary>
    Task<SaveResult> ArchiveBrandAsync(Guid brandId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Writes to clients and brands. Row-level security admits admins and account managers only;
/// for anyone else an insert is refused and an update finds no row, and both read as refused.
/// </summary>
public sealed class ClientCommands(UnitOfWork unitOfWork) : IClientCommands
{
    public const string RefusedMessage = "Only admins and account managers can change clients and brands. You can still view them.";

    /// <summary>The roles the client_manage and brand_manage policies admit. The database decides; this only spares the others a form they cannot send.</summary>
    public static readonly string[] Writers = [AgencyRoles.Admin, AgencyRoles.Account];

    private static readonly WriteErrors ClientErrors = new WriteErrors(RefusedMessage)
        .On("clients_tenant_id_code_key", nameof(ClientForm.Code), "Another client already uses this code.")
        .On("clients_code_check", nameof(ClientForm.Code), "Use 2 to 20 capital letters, digits or dashes.");

    private static readonly WriteErrors BrandErrors = new WriteErrors(RefusedMessage)
        .On("brands_tenant_id_code_key", nameof(BrandForm.Code), "Another brand already uses this code.")
        .On("brands_code_check", nameof(BrandForm.Code), "Use 2 to 20 capital letters, digits or dashes.");

    public Task<SaveResult> CreateAsync(ClientForm form, CancellationToken cancellationToken = default) =>
        unitOfWork.InsertAsync(ClientErrors, form, Apply(form, new Client()), cancellationToken);

    public Task<SaveResult> UpdateAsync(Guid clientId, ClientForm form, CancellationToken cancellationToken = default) =>
        unitOfWork.UpdateAsync<Client>(ClientErrors, c => c.Id == clientId && c.DeletedAt == null, form.Version, c => Apply(form, c), cancellationToken);

    public Task<SaveResult> ArchiveAsync(Guid clientId, CancellationToken cancellationToken = default) =>
        unitOfWork.UpdateAsync<Client>(ClientErrors, c => c.Id == clientId && c.DeletedAt == null, null, c => c.Status = "archived", cancellationToken);

    public Task<SaveResult> CreateBrandAsync(Guid clientId, BrandForm form, CancellationToken cancellationToken = default) =>
        unitOfWork.InsertAsync(BrandErrors, form, Apply(form, new Brand { ClientId = clientId }), cancellationToken);

    public Task<SaveResult> UpdateBrandAsync(Guid brandId, BrandForm form, CancellationToken cancellationToken = default) =>
        unitOfWork.UpdateAsync<Brand>(BrandErrors, b => b.Id == brandId && b.DeletedAt == null, form.Version, b => Apply(form, b), cancellationToken);

    public Task<SaveResult> ArchiveBrandAsync(Guid brandId, CancellationToken cancellationToken = default) =>
        unitOfWork.UpdateAsync<Brand>(BrandErrors, b => b.Id == brandId && b.DeletedAt == null, null, b => b.DeletedAt = DateTimeOffset.UtcNow, cancellationToken);

    private static Client Apply(ClientForm form, Client client)
    {
        client.Code = form.Code.Trim();
        client.Name = form.Name.Trim();
        client.Sector = Blank(form.Sector);
        client.Status = form.Status;
        client.Website = Blank(form.Website);
        client.PrimaryContactName = Blank(form.PrimaryContactName);
        client.PrimaryContactEmail = Blank(form.PrimaryContactEmail);
        client.Notes = Blank(form.Notes);
        return client;
    }

    private static Brand Apply(BrandForm form, Brand brand)
    {
        brand.Code = form.Code.Trim();
        brand.Name = form.Name.Trim();
        brand.Description = Blank(form.Description);
        return brand;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
