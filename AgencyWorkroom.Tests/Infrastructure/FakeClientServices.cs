using AgencyWorkroom.Data.Features.Clients;
using AgencyWorkroom.Data.Features.Common;
using AgencyWorkroom.Data.Features.Paging;
using AgencyWorkroom.Data.Views;

namespace AgencyWorkroom.Tests.Infrastructure;

/// <summary>Client reads a component test chooses; remembers the filters it was asked for.</summary>
public sealed class FakeClientQueries : IClientQueries
{
    public List<Client360Row> Rows { get; init; } = [];

    public ClientDetailDto? Detail { get; init; }

    public ClientForm? Form { get; init; }

    public List<ClientFilter> Filters { get; } = [];

    public List<PageRequest> Pages { get; } = [];

    public Task<Page<Client360Row>> ListAsync(ClientFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        Filters.Add(filter);
        Pages.Add(page);
        return Task.FromResult(new Page<Client360Row>([.. Rows.Skip(page.Skip).Take(page.Size)], Rows.Count));
    }

    public Task<List<Client360Row>> ExportAsync(ClientFilter filter, PageRequest order, CancellationToken cancellationToken = default) =>
        Task.FromResult(Rows);

    public Task<List<string>> SectorsAsync(CancellationToken cancellationToken = default) => Task.FromResult(new List<string> { "Food", "Retail" });

    public Task<ClientDetailDto?> GetAsync(Guid clientId, CancellationToken cancellationToken = default) => Task.FromResult(Detail);

    public Task<ClientForm?> GetFormAsync(Guid clientId, CancellationToken cancellationToken = default) => Task.FromResult(Form);
}

/// <summary>Client writes answered with what the test chooses: a result, a pending task, or a failure.</summary>
public sealed class FakeClientCommands : IClientCommands
{
    public Func<ClientForm, Task<SaveResult>> Save { get; set; } = _ => Task.FromResult(SaveResult.Saved(Guid.NewGuid()));

    public List<ClientForm> Saved { get; } = [];

    public Func<BrandForm, Task<SaveResult>> SaveBrand { get; set; } = form => Task.FromResult(SaveResult.Saved(form.Id));

    /// <summary>Each brand save: "create" with the client's id, or "update" with the brand's, and the form sent.</summary>
    public List<(string Kind, Guid Id, BrandForm Form)> BrandSaves { get; } = [];

    public Task<SaveResult> CreateAsync(ClientForm form, CancellationToken cancellationToken = default) => Record(form);

    public Task<SaveResult> UpdateAsync(Guid clientId, ClientForm form, CancellationToken cancellationToken = default) => Record(form);

    public Task<SaveResult> ArchiveAsync(Guid clientId, CancellationToken cancellationToken = default) => Task.FromResult(SaveResult.Saved(clientId));

    public Task<SaveResult> CreateBrandAsync(Guid clientId, BrandForm form, CancellationToken cancellationToken = default) =>
        RecordBrand("create", clientId, form);

    public Task<SaveResult> UpdateBrandAsync(Guid brandId, BrandForm form, CancellationToken cancellationToken = default) =>
        RecordBrand("update", brandId, form);

    public Task<SaveResult> ArchiveBrandAsync(Guid brandId, CancellationToken cancellationToken = default) => Task.FromResult(SaveResult.Saved(brandId));

    private Task<SaveResult> RecordBrand(string kind, Guid id, BrandForm form)
    {
        BrandSaves.Add((kind, id, form));
        return SaveBrand(form);
    }

    private Task<SaveResult> Record(ClientForm form)
    {
        Saved.Add(form);
        return Save(form);
    }
}
