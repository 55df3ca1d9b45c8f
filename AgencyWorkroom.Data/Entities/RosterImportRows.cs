namespace AgencyWorkroom.Data.Entities;

/// <summary>agency.client_import_rows: a parsed line of a clients import (052); written by COPY and one insert, never through EF.</summary>
public sealed class ClientImportRow : TenantEntity
{
    public Guid BatchId { get; set; }

    /// <summary>The line of the file (the header is line 1).</summary>
    public int LineNo { get; set; }

    public string Name { get; set; } = "";

    public string? Code { get; set; }

    public string? Industry { get; set; }

    public string? Status { get; set; }

    public string? Website { get; set; }

    public string[] Brands { get; set; } = [];

    /// <summary>What the parser found wrong with the line's cells, in words.</summary>
    public string? Problem { get; set; }
}

/// <summary>agency.people_import_rows: a parsed line of a people import (052); written by COPY and one insert, never through EF.</summary>
public sealed class PeopleImportRow : TenantEntity
{
    public Guid BatchId { get; set; }

    /// <summary>The line of the file (the header is line 1).</summary>
    public int LineNo { get; set; }

    public string Email { get; set; } = "";

    public string FullName { get; set; } = "";

    public string? AgencyRole { get; set; }

    public string? Title { get; set; }

    public string? Department { get; set; }

    public decimal? WeeklyCapacityHours { get; set; }

    public DateOnly? StartDate { get; set; }

    public decimal? BillRate { get; set; }

    public decimal? CostRate { get; set; }

    /// <summary>What the parser found wrong with the line's cells, in words.</summary>
    public string? Problem { get; set; }
}
