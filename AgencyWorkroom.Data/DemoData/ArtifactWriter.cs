using System.Globalization;
using Bogus;

namespace AgencyWorkroom.Data.DemoData;

/// <summary>A kind of artifact a campaign produces in a phase, who usually owns it and how it is written.</summary>
internal sealed record ArtifactKind(string Type, string PhaseType, string Title, string[] OwnerRoles, Func<ArtifactWriter, List<string>> Write);

/// <summary>
/// Writes artifacts as Markdown sections from a campaign's creative platform (brand, audience,
/// insight, proposition, channels), so every document of a campaign tells the same story.
/// Versions are built from the sections: early versions have fewer of them.
/// </summary>
internal sealed class ArtifactWriter(Faker f, CampaignPlan campaign, string ownerName, DateOnly date)
{
    public static readonly ArtifactKind[] Kinds =
    [
        new("brief", "strategy", "Creative brief", ["account_director", "strategist"], w => w.Brief()),
        new("report", "strategy", "Audience research summary", ["strategist", "account_director"], w => w.Research()),
        new("deck", "strategy", "Strategy deck", ["strategist", "account_director"], w => w.StrategyDeck()),
        new("moodboard", "creative", "Moodboard", ["designer", "creative_director"], w => w.Moodboard()),
        new("script", "creative", "Script", ["copywriter", "creative_director"], w => w.Script()),
        new("storyboard", "creative", "Storyboard", ["designer", "creative_director"], w => w.Storyboard()),
        new("copy", "creative", "Copy deck", ["copywriter", "creative_director"], w => w.CopyDeck()),
        new("deck", "creative", "Creative presentation", ["creative_director", "account_director"], w => w.CreativeDeck()),
        new("board", "production", "Production board", ["producer", "designer", "project_manager"], w => w.ProductionBoard()),
        new("other", "production", "Call sheet", ["producer", "project_manager"], w => w.CallSheet()),
        new("report", "post", "Campaign results report", ["project_manager", "account_director"], w => w.ResultsReport()),
        new("other", "post", "Wrap meeting notes", ["project_manager", "account_director"], w => w.WrapNotes()),
    ];

    private static readonly string[] Settings =
    [
        "a kitchen at seven in the morning", "a crowded commuter train", "a small flat strewn with moving boxes",
        "a park at golden hour", "a busy high street in the rain", "a quiet office after everyone has gone home",
        "a community hall set up for an event", "a living room on a Sunday afternoon",
    ];

    private static readonly string[] Moments =
    [
        "juggles three things at once and drops none of them", "pauses, smiles, and finally exhales",
        "catches a friend's eye across the room", "ticks the last item off a long list",
        "opens the door to a surprise", "laughs at something just out of frame",
    ];

    private string Brand => campaign.BrandName;

    private string Header(string kind) =>
        $"# {campaign.Row.Name}: {kind}\n\n**Client:** {campaign.Client.Row.Name} · **Brand:** {Brand} · " +
        $"**Owner:** {ownerName} · **Date:** {Day(date)}";

    public static string Money(decimal amount) => "$" + amount.ToString("N0", CultureInfo.InvariantCulture);

    public static string Count(int number) => number.ToString("N0", CultureInfo.InvariantCulture);

    private static string Signed(int number) => (number >= 0 ? "+" : "-") + Math.Abs(number).ToString(CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private List<string> Brief() =>
    [
        Header("creative brief"),
        $"## Background\n\n{campaign.Client.Row.Name} wants to {campaign.Objective}. {Brand} competes in {campaign.Category}, " +
        $"a category where most brands say the same things in the same way. This campaign runs from {Day(campaign.StartDate)} " +
        $"to {Day(campaign.EndDate)}.",
        $"## Objective\n\n{AgencyVocabulary.Capitalize(campaign.Objective)}. We will judge success on {campaign.Kpi}, " +
        $"measured against the last comparable period.",
        $"## Audience\n\n{AgencyVocabulary.Capitalize(campaign.Audience)}. They are short on time, sceptical of advertising " +
        $"and loyal to the brands that make life simpler.",
        $"## Insight\n\n> {campaign.Insight}",
        $"## Proposition\n\n**{campaign.Proposition}**",
        $"## Tone of voice\n\n{AgencyVocabulary.Capitalize(campaign.Tone)}. Never smug, never shouty.",
        "## Channels and deliverables\n\n| Deliverable | Channel | Due |\n| --- | --- | --- |\n" + string.Join("\n",
            campaign.Channels.Select((c, i) => $"| {Deliverable(c)} | {c} | {Day(campaign.StartDate.AddDays(21 + 14 * i))} |")),
        "## Mandatories\n\n" + string.Join("\n", f.Random.ArrayElements(AgencyVocabulary.Mandatories, 3).Select(m => $"- {m}")),
        $"## Budget and timing\n\nWorking budget {Money(campaign.Row.BudgetAmount)} ({campaign.Row.BudgetType.Replace('_', ' ')}). " +
        $"First creative review in week three; launch on {Day(campaign.Phases[^1].StartDate)}.",
    ];

    private List<string> Research() =>
    [
        Header("audience research summary"),
        $"## Method\n\n{f.Random.Int(8, 24)} in-depth interviews and a survey of {f.Random.Int(6, 20) * 100} {campaign.Audience}, " +
        $"plus a review of {f.Random.Int(4, 9)} competitors' communications over the last year.",
        $"## What we heard\n\n- {AgencyVocabulary.Capitalize(campaign.Insight)}\n- {f.Random.Int(35, 70)} % say they choose {campaign.Category} " +
        $"mostly out of habit.\n- Price matters, but trust matters more: only {f.Random.Int(15, 40)} % trust category advertising.",
        $"## Implications\n\nLead with the everyday moment, not the product. Show {Brand} in real situations, " +
        $"in a {campaign.Tone} voice, and let {campaign.Channels[0]} carry the story.",
    ];

    private List<string> StrategyDeck() =>
    [
        Header("strategy deck"),
        $"## 1. Where we are\n\n- {Brand} is known but not chosen\n- Competitors outspend us in {campaign.Channels[0]}\n" +
        $"- The audience: {campaign.Audience}",
        $"## 2. The insight\n\n{campaign.Insight}",
        $"## 3. The idea\n\n**{campaign.Proposition}**\n\nOne thought, told through {string.Join(", ", campaign.Channels)}.",
        $"## 4. How we will know\n\n- Primary KPI: {campaign.Kpi}\n- Read-outs at launch, mid-flight and wrap",
    ];

    private List<string> Moodboard()
    {
        var colours = f.Random.ArrayElements(AgencyVocabulary.ColourNames, 3);
        return
        [
            Header("moodboard"),
            $"## Feeling\n\n{AgencyVocabulary.Capitalize(campaign.Tone)}; {f.Random.ArrayElement(AgencyVocabulary.PhotographyStyles)}.",
            "## Palette\n\n" + string.Join("\n", colours.Select(c => $"- {c} `#{f.Random.Hexadecimal(6, "").ToUpperInvariant()}`")),
            $"## Type\n\nHeadlines in {f.Random.ArrayElement(AgencyVocabulary.Fonts)}, body in {f.Random.ArrayElement(AgencyVocabulary.Fonts)}.",
            $"## References\n\n- Street photography of {f.Random.ArrayElement(Settings)}\n- Editorial layouts with generous white space\n" +
            $"- Hand-drawn annotations over product shots",
        ];
    }

    private List<string> Script()
    {
        var seconds = f.Random.ArrayElement(new[] { 15, 30, 60 });
        var scenes = Enumerable.Range(1, seconds == 15 ? 2 : f.Random.Int(3, 5)).Select(n =>
            $"## Scene {n}\n\n**VISUAL:** {AgencyVocabulary.Capitalize(f.Random.ArrayElement(Settings))}. Our hero " +
            $"{f.Random.ArrayElement(Moments)}.\n\n**VO:** {(n == 1 ? campaign.Insight : Line())}");
        return
        [
            Header($"{seconds}-second script"),
            $"**Length:** {seconds} seconds · **Channel:** {campaign.Channels[0]} · **Tone:** {campaign.Tone}",
            .. scenes,
            $"## End frame\n\n{Brand} logo. Super: *{campaign.Proposition}*\n\n**SFX:** sonic logo.",
        ];
    }

    private List<string> Storyboard() =>
    [
        Header("storyboard"),
        .. Enumerable.Range(1, f.Random.Int(4, 6)).Select(n =>
            $"## Frame {n}\n\n{AgencyVocabulary.Capitalize(f.Random.ArrayElement(Settings))}; {f.Random.ArrayElement(new[] { "wide shot", "close-up", "tracking shot", "over-the-shoulder" })}. " +
            $"The character {f.Random.ArrayElement(Moments)}."),
        $"## Final frame\n\nPack shot of {Brand} with the line *{campaign.Proposition}*",
    ];

    private List<string> CopyDeck() =>
    [
        Header("copy deck"),
        "## Headlines\n\n" + string.Join("\n", Enumerable.Range(0, 4).Select(_ => $"- {Line()}")),
        $"## Body copy\n\n{campaign.Insight} That's why {Brand} keeps it simple: {campaign.Proposition.TrimEnd('.').ToLowerInvariant()}.",
        $"## Calls to action\n\n- Find out more\n- Try {Brand} today\n- See how it works",
        "## Legal line\n\nTerms apply. See website for details.",
    ];

    private List<string> CreativeDeck() =>
    [
        Header("creative presentation"),
        $"## The brief in one line\n\n{AgencyVocabulary.Capitalize(campaign.Objective)}.",
        .. Enumerable.Range(1, f.Random.Int(2, 3)).Select(n =>
            $"## Route {n}: {f.Random.ArrayElement(AgencyVocabulary.BrandWords)}\n\n{AgencyVocabulary.Capitalize(f.Random.ArrayElement(Settings))}, " +
            $"told through {f.Random.ArrayElement(campaign.Channels)}. The line: *{Line()}*"),
        "## Recommendation\n\nRoute 1: it is the most ownable and extends best across channels.",
    ];

    private List<string> ProductionBoard() =>
    [
        Header("production board"),
        "## Shot list\n\n| # | Shot | Location | Duration |\n| --- | --- | --- | --- |\n" + string.Join("\n",
            Enumerable.Range(1, f.Random.Int(4, 8)).Select(n => $"| {n} | {f.Random.ArrayElement(Moments)} | {f.Random.ArrayElement(Settings)} | {f.Random.Int(2, 8)} s |")),
        $"## Schedule\n\nShoot over {f.Random.Int(1, 3)} days from {Day(date.AddDays(7))}; edit and grade in the following two weeks.",
        $"## Deliverables\n\n" + string.Join("\n", campaign.Channels.Select(c => $"- {Deliverable(c)} for {c}")),
    ];

    private List<string> CallSheet() =>
    [
        Header("call sheet"),
        $"## Day 1 — {Day(date.AddDays(7))}\n\n- Crew call 07:30, talent call 08:30\n- Location: {f.Random.ArrayElement(Settings)}\n" +
        $"- Wrap 18:00\n- Producer on site: {ownerName}",
        "## Safety\n\nFirst aider on set; nearest hospital listed on the back page. No drones without the permit on file.",
    ];

    private List<string> ResultsReport()
    {
        var target = f.Random.Int(10, 40);
        var actual = target + f.Random.Int(-8, 15);
        return
        [
            Header("results report"),
            $"## Summary\n\nThe campaign aimed to {campaign.Objective}. {campaign.Kpi.ToUpperInvariant()[0] + campaign.Kpi[1..]} " +
            $"moved {actual} % against a target of {target} %.",
            "## Results by channel\n\n| Channel | Reach | Result vs plan |\n| --- | --- | --- |\n" + string.Join("\n",
                campaign.Channels.Select(c => $"| {c} | {Count(f.Random.Int(200, 4000) * 1000)} | {Signed(f.Random.Int(-15, 30))} % |")),
            $"## What we learned\n\n- {campaign.Channels[0]} did the heavy lifting\n- The line *{campaign.Proposition}* tested well\n" +
            "- Earlier legal review would have saved a week",
        ];
    }

    private List<string> WrapNotes() =>
    [
        Header("wrap meeting notes"),
        $"## Attendees\n\n{string.Join(", ", campaign.Team.Select(t => t.Member.Row.FullName))}",
        "## Decisions\n\n- Final assets archived to the client portal\n- Case study to be drafted for the new-business deck",
        "## Actions\n\n- PM to close the budget and send the final invoice\n- Account director to book the client debrief",
    ];

    private string Line() =>
        AgencyVocabulary.Fill(f.Random.ArrayElement(AgencyVocabulary.Propositions), Brand, campaign.Category, campaign.Audience);

    private static string Deliverable(string channel) => channel switch
    {
        "paid social" => "Social cut-downs (6 s, 15 s)",
        "connected TV" or "online video" => "Hero film (30 s)",
        "out-of-home" => "48-sheet and digital six-sheet",
        "podcast sponsorship" or "radio" => "Audio spots (30 s)",
        "print" => "Press ads",
        "email CRM" => "Email sequence",
        "search" => "Search ad copy",
        _ => "Campaign toolkit",
    };
}
