using Bogus;

namespace AgencyWorkroom.Data.DemoData;

/// <summary>
/// Artifacts for each campaign from the phases it has reached (a brief first, always), each
/// with one to four versions and, on most, a comment thread or two among the team.
/// </summary>
internal static class ArtifactGenerator
{
    public static void Generate(DemoTenantData data, List<CampaignPlan> campaigns)
    {
        var f = DemoRandom.For(data.Profile.Slug, "artifacts");
        var ids = new DemoIds(data.Profile.Slug);
        var today = data.Calendar.Today;

        foreach (var campaign in campaigns)
        {
            var reached = campaign.Phases.Where(p => p.StartDate <= today).Select(p => p.PhaseType).ToHashSet();
            var kinds = ArtifactWriter.Kinds.Where(k => reached.Contains(k.PhaseType)).ToArray();
            var count = campaign.Row.Status == "planning" ? 1 : f.Random.Int(4, 10);
            var brief = ArtifactWriter.Kinds[0];
            var chosen = new List<ArtifactKind> { brief };
            while (chosen.Count < count)
            {
                chosen.Add(kinds.Length > 1 ? f.Random.ArrayElement(kinds[1..]) : brief);
            }

            foreach (var kind in chosen)
            {
                AddArtifact(data, campaign, kind, f, ids);
            }
        }
    }

    private static void AddArtifact(DemoTenantData data, CampaignPlan campaign, ArtifactKind kind, Faker f, DemoIds ids)
    {
        var calendar = data.Calendar;
        var phase = campaign.Phases.Single(p => p.PhaseType == kind.PhaseType);
        // Planning campaigns already have their brief; it was written before the campaign started.
        var first = phase.StartDate <= calendar.Today ? phase.StartDate : calendar.Today.AddDays(-f.Random.Int(1, 10));
        var last = new[] { phase.EndDate, calendar.Today }.Min();
        var created = first.AddDays(f.Random.Int(0, Math.Max(0, Math.Min(last.DayNumber - first.DayNumber, 10))));
        var owner = Owner(campaign, kind, f);
        var sections = kind.Write(new ArtifactWriter(f, campaign, owner.Row.FullName, created));
        var title = $"{campaign.BrandName}: {kind.Title}";

        var artifactId = ids.Of("artifact", data.Artifacts.Count);
        var versionCount = f.Random.WeightedRandom([1, 2, 3, 4], [0.35f, 0.35f, 0.2f, 0.1f]);
        var versionDay = created;
        var versionAuthor = owner;
        DateTime versionAt = default;
        for (var v = 1; v <= versionCount; v++)
        {
            if (v > 1)
            {
                versionDay = new[] { versionDay.AddDays(f.Random.Int(1, 5)), calendar.Today }.Min();
                versionAuthor = f.Random.Bool(0.7f) ? owner : f.Random.ListItem(campaign.Team).Member;
            }

            var at = calendar.At(versionDay, 9 + f.Random.Int(0, 8), f.Random.Int(0, 59));
            versionAt = at > versionAt ? at : calendar.NotAfterNow(versionAt.AddMinutes(30));
            // Early versions have the opening sections; the last has them all.
            var shown = v == versionCount ? sections.Count : (int)Math.Ceiling(sections.Count * (0.5 + 0.5 * (v - 1) / (versionCount - 1.0)));
            var content = string.Join("\n\n", sections.Take(Math.Min(shown, sections.Count)));
            data.ArtifactVersions.Add(new ArtifactVersionRow(ids.Of("artifact_version", data.ArtifactVersions.Count), artifactId, v, title,
                content, v == 1 ? "Created" : f.Random.ArrayElement(AgencyVocabulary.ChangeSummaries), versionAt, versionAuthor.Id));
        }

        var phaseDone = phase.EndDate < calendar.Today || campaign.Row.Status is "completed" or "cancelled";
        var status = campaign.Row.Status == "planning" ? "draft"
            : phaseDone ? f.Random.WeightedRandom(["approved", "archived", "in_review"], [0.85f, 0.05f, 0.1f])
            : f.Random.WeightedRandom(["draft", "in_review"], [0.5f, 0.5f]);
        var artifact = new ArtifactRow(artifactId, campaign.Row.Id, kind.Type, title, string.Join("\n\n", sections), status, owner.Id,
            versionCount, [kind.Type, kind.PhaseType, campaign.Channels[0].Replace(' ', '-')],
            data.ArtifactVersions[^versionCount].CreatedAt, versionAt, versionAuthor.Id);
        data.Artifacts.Add(artifact);

        if (f.Random.Bool(0.6f))
        {
            AddComments(data, campaign, artifact, f, ids);
        }
    }

    private static StaffMember Owner(CampaignPlan campaign, ArtifactKind kind, Faker f)
    {
        foreach (var role in kind.OwnerRoles)
        {
            var able = campaign.Team.Where(t => t.TeamRole == role).Select(t => t.Member).ToList();
            if (able.Count > 0)
            {
                return f.Random.ListItem(able);
            }
        }

        return campaign.ProjectManager;
    }

    private static void AddComments(DemoTenantData data, CampaignPlan campaign, ArtifactRow artifact, Faker f, DemoIds ids)
    {
        var calendar = data.Calendar;
        var resolved = artifact.Status is "approved" or "archived";
        var firstDay = DateOnly.FromDateTime(artifact.CreatedAt);
        var span = Math.Max(0, Math.Min(calendar.Today.DayNumber - firstDay.DayNumber, 14));
        for (var thread = f.Random.Int(1, 3); thread > 0; thread--)
        {
            var day = firstDay.AddDays(f.Random.Int(0, span));
            var root = new CommentRow(ids.Of("comment", data.Comments.Count), artifact.Id, null, f.Random.ListItem(campaign.Team).Member.Id,
                f.Random.ArrayElement(AgencyVocabulary.CommentOpeners), resolved || f.Random.Bool(0.4f), calendar.At(day, 10 + f.Random.Int(0, 6), f.Random.Int(0, 59)));
            data.Comments.Add(root);
            for (var reply = f.Random.Int(0, 2); reply > 0; reply--)
            {
                data.Comments.Add(new CommentRow(ids.Of("comment", data.Comments.Count), artifact.Id, root.Id,
                    f.Random.Bool(0.6f) ? artifact.OwnerId : f.Random.ListItem(campaign.Team).Member.Id,
                    f.Random.ArrayElement(AgencyVocabulary.CommentReplies), root.Resolved,
                    calendar.NotAfterNow(root.CreatedAt.AddMinutes(f.Random.Int(20, 2880)))));
            }
        }
    }
}
