using AgencyWorkroom.Data.Features.Assistant;
using AgencyWorkroom.Data.Features.Assistant.Evaluation;
using AgencyWorkroom.Tests.Data.DemoData;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace AgencyWorkroom.Tests.Data.Features.Assistant;

/// <summary>
/// The labelled set (eval-set.json) run on the test database's demo data, exactly as
/// <c>./workroom eval</c> runs it on the dev database: it fails when hybrid recall@5 falls below
/// 0.85, a live figure differs from the screen's, a refusal is missed, or anything of another
/// tenant or a withheld figure comes back.
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed class AssistantEvaluationTests(DemoSeedFixture demo, ITestOutputHelper output)
{
    [Fact]
    public void TheLabelledSet_HasWhatTheIssueAsksFor()
    {
        var set = EvaluationSet.Load();

        Assert.True(set.Questions.Count >= 80, $"{set.Questions.Count} questions");
        Assert.True(set.OfKind(EvaluationKinds.Knowledge).Count() >= 40);
        Assert.True(set.OfKind(EvaluationKinds.Figure).Count() >= 30);
        Assert.NotEmpty(set.OfKind(EvaluationKinds.Refusal));
        Assert.NotEmpty(set.OfKind(EvaluationKinds.OtherTenant));
        Assert.Equal(set.Questions.Count, set.Questions.Select(q => q.Id).Distinct().Count());
        Assert.All(set.OfKind(EvaluationKinds.Knowledge), q => Assert.NotEmpty(q.Documents!));
        Assert.All(set.OfKind(EvaluationKinds.Figure), q => Assert.False(string.IsNullOrEmpty(q.Figure)));
        // Misspelt names and both demo tenants.
        Assert.Contains(set.Questions, q => q.Question.Contains("~}", StringComparison.Ordinal));
        Assert.Equal(["bluebird", "northwind"], set.Questions.Select(q => q.Tenant).Distinct().Order());
    }

    [Fact]
    public async Task TheLabelledSet_OnTheDemoData_MeetsTheBar()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Workroom"] = demo.Database.AppConnectionString,
                ["ConnectionStrings:WorkroomIdentity"] = demo.Database.IdentityConnectionString,
            })
            .Build();
        await using var services = AssistantEvaluation.CreateServices(configuration, demo.Embeddings);

        var report = await new AssistantEvaluation(services, demo.Database.Maintenance).RunAsync(EvaluationSet.Load());

        var printed = new StringWriter();
        report.Print(printed);
        output.WriteLine(printed.ToString());
        Assert.True(report.Hybrid.RecallAt5 >= EvaluationReport.MinRecallAt5, printed.ToString());
        Assert.True(report.FiguresExact == report.Figures, printed.ToString());
        Assert.True(report.Leaks.Count == 0, printed.ToString());
        Assert.True(report.RefusalsRight == report.Refusals, printed.ToString());
        Assert.True(report.OtherTenantEmpty == report.OtherTenant, printed.ToString());
        Assert.True(report.Passes);
    }

    [Fact]
    public void MaskNames_ReplacesTheNamesSpelledOutByTheirKind_ForTheIntent()
    {
        NameCandidate[] names =
        [
            new("client", Guid.NewGuid(), "Blick Cars", 1f),
            new("campaign", Guid.NewGuid(), "Blick Cars Store Opening", 1f),
            new("person", Guid.NewGuid(), "Pete Jones", 0.9f),
            new("campaign", Guid.NewGuid(), "Spring Launch", 0.4f),
        ];

        Assert.Equal("Is the campaign on track?", AssistantCommands.MaskNames("Is Blick Cars Store Opening on track?", names));
        Assert.Equal("Which campaigns are active for the client?", AssistantCommands.MaskNames("Which campaigns are active for blick cars?", names));
        Assert.Equal("What is this person's utilization?", AssistantCommands.MaskNames("What is Pete Jones's utilization?", names));
        // A weak match is not taken, so not masked.
        Assert.Equal("Budget of the Spring Launch", AssistantCommands.MaskNames("Budget of the Spring Launch", names));
    }

    [Theory]
    [InlineData("Casper Quill Spring Launch", "Caser Quill Spring Launch")]
    [InlineData("Atlas Awareness Drive", "Atlas Awarness Drive")]
    [InlineData("Nova", "Nova")]
    public void Misspell_DropsOneLetterFromTheLongestWord(string name, string misspelt) =>
        Assert.Equal(misspelt, AssistantEvaluation.Misspell(name));
}
