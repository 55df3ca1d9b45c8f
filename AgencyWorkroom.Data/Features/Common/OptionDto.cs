namespace AgencyWorkroom.Data.Features.Common;

/// <summary>A choice in a list or a filter: what it is and the name it shows.</summary>
public sealed record OptionDto(Guid Id, string Name);
