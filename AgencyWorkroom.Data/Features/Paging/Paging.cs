using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace AgencyWorkroom.Data.Features.Paging;

/// <summary>One page of a server-side list: zero-based page, size, and a sort column by name.</summary>
public sealed record PageRequest(int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false)
{
    public const int MaxPageSize = 500;

    public int Skip => Math.Max(Page, 0) * Size;

    public int Size => Math.Clamp(PageSize, 1, MaxPageSize);

    /// <summary>
    /// How far the pager's count goes: the next whole multiple of <paramref name="countAhead"/>
    /// past this page's last row (1,000 for the first pages of 25, 2,000 from row 1,000 on).
    /// </summary>
    public int CountLimit(int countAhead) => ((Skip + Size) / countAhead + 1) * countAhead;
}

/// <param name="TotalCount">The rows the filter selects; a lower bound when <paramref name="MoreThanCounted"/>.</param>
/// <param name="MoreThanCounted">The count stopped at its limit: there are more rows than <paramref name="TotalCount"/>.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount, bool MoreThanCounted = false);

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
    /// <summary>
    /// Rows the pager counts beyond the page it shows. An exact count reads every row the filter
    /// selects, so a first page would cost more as the tenant grows (issue 12: 6-12 ms of the
    /// campaign list's 25 ms at ×50); past this many the pager says "more than".
    /// </summary>
    public const int CountAhead = 1000;

    /// <summary>Counts the filtered rows (up to the page's count limit) and fetches one page in the given order, in the caller's unit of work.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(
        this IQueryable<T> filtered, Func<IQueryable<T>, IOrderedQueryable<T>> order, PageRequest request, CancellationToken cancellationToken,
        int countAhead = CountAhead)
    {
        var limit = request.CountLimit(countAhead);
        var counted = await filtered.Take(limit + 1).CountAsync(cancellationToken);
        var items = await order(filtered).Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return new Page<T>(items, Math.Min(counted, limit), counted > limit);
    }
}
