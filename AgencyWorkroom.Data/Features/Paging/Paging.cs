using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Paging;

/// <summary>One page of a server-side list: zero-based page, size, and a sort column by name.</summary>
public sealed record PageRequest(int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false)
{
    public const int MaxPageSize = 500;

    public int Skip => Math.Max(Page, 0) * Size;

    public int Size => Math.Clamp(PageSize, 1, MaxPageSize);
}

public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>
/// The columns a list may be sorted by, by name. Names from a URL or a grid are looked up here,
/// so an unknown name falls back to the default order instead of reaching SQL.
/// </summary>
public sealed class SortColumns<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _default;
    private readonly bool _defaultDescending;

    public SortColumns(string defaultColumn, bool defaultDescending = false)
    {
        _default = defaultColumn;
        _defaultDescending = defaultDescending;
    }

    public SortColumns<T> Add<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        _columns[name] = (query, descending) => descending ? query.OrderByDescending(key) : query.OrderBy(key);
        return this;
    }

    public IOrderedQueryable<T> Apply(IQueryable<T> query, PageRequest request) =>
        request.SortBy is { } name && _columns.TryGetValue(name, out var sort)
            ? sort(query, request.Descending)
            : _columns[_default](query, _defaultDescending);
}

public static class PagingExtensions
{
    /// <summary>Counts the filtered rows and fetches one page in the given order, in the caller's unit of work.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(
        this IQueryable<T> filtered, Func<IQueryable<T>, IOrderedQueryable<T>> order, PageRequest request, CancellationToken cancellationToken)
    {
        var total = await filtered.CountAsync(cancellationToken);
        var items = await order(filtered).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return new Page<T>(items, total);
    }
}
