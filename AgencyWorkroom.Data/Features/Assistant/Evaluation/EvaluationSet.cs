using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgencyWorkroom.Data.Features.Assistant.Evaluation;

/// <summary>The kinds of labelled question in <c>eval-set.json</c>.</summary>
public static class EvaluationKinds
{
    /// <summary>Answered by a passage of one of <see cref="EvaluationQuestion.Documents"/> (and its <see cref="EvaluationQuestion.Section"/>).</summary>
    public const string Knowledge = "knowledge";

    /// <summary>Answered by a live figure: the one <see cref="EvaluationQuestion.Figure"/> names, as the screen shows it to the role.</summary>
    public const string Figure = "figure";

    /// <summary>A money figure the role may not see: the answer must say it is not available to their role, and show none.</summary>
    public const string Refusal = "refusal";

    /// <summary>About the other demo tenant: nothing of it may come back (no passage, no campaign, no client).</summary>
    public const string OtherTenant = "other_tenant";
}

/// <summary>
/// One labelled question. Placeholders in braces are filled at run time from the demo data, as the
/// asker sees it (the set names no id and no figure, so a reseed on another day leaves it valid):
/// {campaign1}..{campaign3} active campaigns the asker may open, {campaign1~} the first misspelt,
/// {client1} a client with active campaigns, {client1~} misspelt, {person} a creative the asker may
/// see, {brand} a brand with guidelines, {postmortem} a campaign with a post-mortem,
/// {other:campaign}, {other:client}, {other:brand} names only the other tenant has.
/// </summary>
public sealed record EvaluationQuestion(
    string Id,
    string Kind,
    string Tenant,
    string Role,
    string Question,
    IReadOnlyList<string>? Documents = null,
    string? Section = null,
    string? Figure = null,
    string? Note = null);

/// <summary>The labelled set, embedded from <c>eval-set.json</c> beside this file.</summary>
public sealed record EvaluationSet(int Version, string About, IReadOnlyList<EvaluationQuestion> Questions)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public const string ResourceName = "AgencyWorkroom.Data.Assistant.eval-set.json";

    public static EvaluationSet Load()
    {
        using var stream = typeof(EvaluationSet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded.");
        return JsonSerializer.Deserialize<EvaluationSet>(stream, Json) ?? throw new InvalidOperationException("eval-set.json is empty.");
    }

    public IEnumerable<EvaluationQuestion> OfKind(string kind) => Questions.Where(q => q.Kind == kind);
}
