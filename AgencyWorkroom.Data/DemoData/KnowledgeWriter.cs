using System.Globalization;

namespace AgencyWorkroom.Data.DemoData;

/// <summary>A how-we-work document: its title, type, tags and sections (heading, text); {agency} is filled in.</summary>
internal sealed record HouseDocument(string Title, string DocType, string[] Tags, (string Heading, string Text)[] Sections);

/// <summary>The agency's own playbooks, process documents and policies: what the assistant will be asked about.</summary>
internal static class KnowledgeWriter
{
    public static readonly HouseDocument[] HouseDocuments =
    [
        Playbook("Pitch playbook", "new-business",
            "Qualify the opportunity within 48 hours: budget, decision maker, timing and whether we can win.",
            "Hold a kick-off with strategy, creative and account leads; agree the single question the pitch must answer.",
            "Run two rounds of creative tissue sessions before anything is designed.",
            "Rehearse the presentation twice, once with someone who has not seen the work.",
            "Send a thank-you note and a one-page summary within a day of presenting."),
        Playbook("Social launch playbook", "social",
            "Agree the platform mix from audience data, not habit; most launches need two platforms, not five.",
            "Build a content calendar for the first six weeks with a hero, hub and hygiene split.",
            "Produce native cuts per platform: vertical first, captions burned in, sound-off friendly.",
            "Set up community management cover for launch week, including evenings.",
            "Report after week one and week four; cut what is not working quickly."),
        Playbook("Connected TV production playbook", "production",
            "Lock the script and the media plan before booking the shoot; length changes are the most expensive changes.",
            "Get three production quotes for anything over $25,000 and record them in Procure.",
            "Plan the 15-second and 6-second cut-downs at storyboard stage so they are shot, not salvaged.",
            "Book the colour grade and the sound mix in the same week to keep the editor available.",
            "Deliver to the broadcaster's spec sheet; check loudness before sending."),
        Playbook("Influencer campaign playbook", "social",
            "Choose creators for audience fit first and reach second; ask for their audience data.",
            "Write a creator brief that gives the message and the mandatories but leaves the voice to them.",
            "Contract usage rights explicitly, including paid amplification and the usage period.",
            "Review content for disclosure labels before anything goes live.",
            "Track saves, shares and comments as well as views."),
        Playbook("Rebrand playbook", "brand",
            "Start with an audit of every touchpoint; most rebrands fail in the places nobody listed.",
            "Agree the brand strategy and positioning before any design starts.",
            "Present identity routes as systems in use, never as logos on white.",
            "Write the brand guidelines alongside the design, not after it.",
            "Plan the roll-out in waves: digital first, then print, then signage."),
        Playbook("Retail activation playbook", "retail",
            "Walk the stores before briefing creative; photograph the fixtures we will use.",
            "Confirm the retailer's artwork specs and deadlines, which are usually earlier than ours.",
            "Design point of sale in a modular kit so stores can use what fits.",
            "Print a proof of every item and check it in a real store.",
            "Measure sales uplift against matched control stores."),
        Playbook("Brief writing playbook", "strategy",
            "One page: if the brief does not fit on one page, the thinking is not finished.",
            "Write the insight as a truth about people, not a fact about the product.",
            "The proposition is one sentence that a stranger would understand.",
            "List mandatories separately so they do not crowd the idea.",
            "Have the creative director sign the brief off before it is briefed in."),
        Playbook("Client onboarding playbook", "account-management",
            "Send the welcome pack and the ways-of-working document in the first week.",
            "Set up the client, brands and first campaign in Workroom with the right team.",
            "Agree the approval chain and who can sign off budget changes.",
            "Book a monthly status meeting and a quarterly business review.",
            "Collect brand guidelines and past work into the knowledge base."),
        Playbook("Campaign close-out playbook", "delivery",
            "Confirm all deliverables are signed off and archived in the client portal.",
            "Check every timesheet for the campaign is approved before closing the budget.",
            "Reconcile expenses and equipment charges against the budget.",
            "Hold the wrap meeting within two weeks of launch and write the post-mortem.",
            "Draft a case study if results beat plan by more than ten percent."),
        Playbook("Performance creative playbook", "performance",
            "Plan creative variants for testing from the start: at least three hooks per concept.",
            "Keep the first three seconds for the product or the problem.",
            "Refresh creative every four to six weeks to fight fatigue.",
            "Read results on cost per acquisition, not on click-through alone.",
            "Feed winning hooks back into the brand work."),
        Playbook("Podcast production playbook", "audio",
            "Define the show format and a season of at least eight episodes before recording.",
            "Book guests four weeks ahead and send them questions in advance.",
            "Record in a treated room or with lapel microphones; never rely on laptop audio.",
            "Edit for pace: most episodes improve by losing ten percent.",
            "Publish transcripts for accessibility and search."),
        Playbook("Experiential events playbook", "experiential",
            "Get the venue's load-in times, power and insurance requirements in writing.",
            "Run a risk assessment and share it with the venue and the client.",
            "Brief staff on the brand and the three messages visitors should leave with.",
            "Capture content on the day for social, with consent forms ready.",
            "Count footfall and sign-ups; report within a week."),
        Playbook("Accessibility in creative playbook", "accessibility",
            "Caption all video and provide audio description for hero films.",
            "Keep text contrast at WCAG AA or better, including on out-of-home.",
            "Write alt text for every static asset as part of the copy deck.",
            "Avoid flashing sequences faster than three per second.",
            "Test digital work with a screen reader before launch."),
        Playbook("Crisis response playbook", "communications",
            "Pause scheduled posts and paid activity for the affected brand immediately.",
            "Convene the account director, the client lead and legal within two hours.",
            "Agree one holding statement and one spokesperson.",
            "Log every decision and the time it was taken.",
            "Review what happened within a week and update this playbook."),

        Process("Timesheet policy", "timesheets",
            ("When to log time", "Everyone on a campaign team logs time daily in Workroom against the campaign and its current phase. Timesheets for the week are submitted by Friday at 17:00."),
            ("Approval", "The campaign's project manager approves submitted timesheets by Tuesday of the following week. A project manager's own time is approved by the head of delivery. Rejected entries go back to draft with a comment."),
            ("Limits", "Nobody logs more than 12 hours in a day. Weekend work needs the project manager's agreement in advance and is logged on the day it happens."),
            ("Holidays", "Book holidays at least four weeks ahead; no time is logged in a holiday week, and allocations for that week are removed.")),
        Process("Budget alerts and thresholds", "budgets",
            ("How alerts work", "Every campaign has alert thresholds at 50, 75, 90 and 100 percent of budget. Spend counts billable hours at each person's bill rate, expenses, equipment days and the approved vendor quote."),
            ("At risk", "A campaign is at risk when its spend share runs more than 15 points ahead of the share of its schedule that has elapsed. The project manager reviews it with the account director within two working days."),
            ("Over budget", "A campaign over budget needs a change request signed by the client or a written decision by leadership to absorb the overrun.")),
        Process("Artifact review and approval", "artifacts",
            ("Versions", "Every edit to a brief, script or deck saves a new version automatically; the change summary says what changed and why."),
            ("Review", "Move an artifact to in review when it is ready for the creative director. Comments are resolved by the owner, not the reviewer."),
            ("Approval", "Only the creative director or the account director approves work for the client. Approved artifacts are not edited; start a new version instead.")),
        Process("Resourcing and allocations", "capacity",
            ("Weekly planning", "Resourcing meets every Monday to set allocations for the next twelve weeks. Allocations are in hours per person per campaign per week."),
            ("Targets", "Delivery staff are planned at 75 to 90 percent of capacity; leadership at about half. Anyone allocated over 100 percent is flagged in the capacity view."),
            ("Changes", "Project managers change allocations for their own campaigns; changes affecting another campaign need that project manager's agreement.")),
        Process("Estimating a campaign", "budgets",
            ("Approach", "Estimate bottom-up by phase: strategy, creative development, production and post. Use the current rate card; rates changed at the start of the current rate period."),
            ("Contingency", "Add ten percent contingency on fixed-fee work and show it as a separate line."),
            ("Sign-off", "Estimates over $100,000 are reviewed by the finance director before they go to the client.")),
        Process("Change requests", "budgets",
            ("When", "Raise a change request whenever the scope, the deliverables or the timeline changes, before the extra work starts."),
            ("How", "Describe the change, the hours and costs by phase, and the impact on the launch date. The account director sends it to the client.")),
        Process("Vendor quotes and procurement", "procurement",
            ("Quotes", "Anything bought from a supplier over $5,000 needs a quote recorded in Procure and linked to the campaign."),
            ("Approval", "The finance director approves quotes; an approved quote counts toward the campaign's spend from the day it is approved."),
            ("Three quotes", "Production and print over $25,000 need three competing quotes.")),
        Process("Expense claims", "expenses",
            ("Claiming", "Claim expenses in T&E within 30 days, against the campaign they were for. Attach receipts for anything over $25."),
            ("Approval", "Finance approves claims weekly; approved claims are reimbursed with the next payroll. Rejected claims are not charged to the campaign.")),
        Process("Equipment checkout", "equipment",
            ("Booking", "Book kit in Gearroom against the campaign. The person who checks it out is responsible for it until it is returned."),
            ("Charges", "Each item has a daily rate that is charged to the campaign for every day, or part of a day, it is out."),
            ("Returns", "Return kit by its due date; overdue kit is chased daily and its charge keeps running.")),
        Process("Client status reporting", "account-management",
            ("Weekly", "Send a status note every week: progress by phase, decisions needed, risks, and hours against budget."),
            ("Monthly", "The monthly report adds spend against budget, forecast to complete, and upcoming milestones.")),
        Process("File naming and versioning", "artifacts",
            ("Names", "Name files client code, campaign code, asset, version: for example ABC01-042-hero-film-v3."),
            ("Where", "Working files live with the campaign; final files go to the client portal and the artifact library.")),
        Process("Onboarding new starters", "people",
            ("First week", "New starters get their Workroom account, their rate card role and their first campaign allocation on day one."),
            ("First month", "They shadow a campaign from brief to review and meet each department lead.")),
        Process("Creative review cadence", "creative",
            ("Reviews", "Creative reviews happen on Tuesdays and Thursdays. Book a slot with the creative director's team a week ahead."),
            ("Preparation", "Bring the brief, the work, and the question you need answered.")),
        Process("Security and client confidentiality", "security",
            ("Access", "Client work is visible to the campaign team, leadership and admin only. Rates and margins are visible to finance and leadership only."),
            ("Sharing", "Never share client work outside the agency before launch without written permission.")),

        Policy("Travel policy",
            ("Booking", "Book travel through the office manager at least seven days ahead. Standard class for rail and economy for flights under six hours."),
            ("Charging", "Travel for a campaign is claimed as an expense against that campaign.")),
        Policy("Remote and hybrid working policy",
            ("Core days", "Tuesdays and Thursdays are office days for reviews and workshops; other days are flexible."),
            ("Availability", "Be reachable between 10:00 and 16:00 on working days.")),
        Policy("AI use policy",
            ("Allowed", "Use approved AI tools for research, first drafts and summaries. Never paste client confidential material into tools that are not approved."),
            ("Disclosure", "Tell the client when AI-generated imagery or copy appears in delivered work.")),
        Policy("Data protection policy",
            ("Personal data", "Collect only the personal data a campaign needs, keep it in approved systems, and delete it when the campaign closes."),
            ("Breaches", "Report a suspected breach to the operations manager immediately.")),
        Policy("Gifts and hospitality policy",
            ("Limits", "Gifts from suppliers over $100 are declined or declared to the finance director."),
            ("Hospitality", "Client entertainment is approved by the account director in advance.")),
        Policy("Working hours and overtime policy",
            ("Hours", "Standard week is 40 hours; part-time contracts are 32 or 24 hours. Nobody works more than 12 hours in a day."),
            ("Overtime", "Overtime is agreed in advance with the project manager and taken back as time off within a month.")),
    ];

    private static readonly string[] WentWell =
    [
        "The brief was agreed in one round, which gave creative a clean start.",
        "Weekly status notes kept the client close to decisions.",
        "Shooting cut-downs on the day saved a second shoot.",
        "The creator partners delivered ahead of schedule.",
        "Early legal review meant no late changes to claims.",
        "The team stayed the same from brief to launch.",
    ];

    private static readonly string[] ToChange =
    [
        "Approvals on the client side took twice as long as planned.",
        "We underestimated the number of asset sizes for retail media.",
        "Production started before the script was locked, which cost a day of reshoots.",
        "Too many people gave feedback on the first creative round.",
        "Expense claims arrived late and hid the true spend until the end.",
        "Equipment stayed out longer than needed and added to the cost.",
    ];

    public static string Guidelines(string brand, string description, string tone, string[] colours, string[] hexes, string[] fonts, string photography, int clearSpace) =>
        $"""
        # {brand} brand guidelines

        {description} These guidelines apply to everything we make for {brand}, from a social post to a 48-sheet.

        ## Voice and tone

        {brand} sounds {tone}. Write short sentences, use everyday words, and talk to one person at a time. Avoid jargon, exclamation marks and claims we cannot prove.

        ## Colour palette

        - **Primary:** {colours[0]} `#{hexes[0]}` for backgrounds and large areas.
        - **Secondary:** {colours[1]} `#{hexes[1]}` for headlines and buttons.
        - **Accent:** {colours[2]} `#{hexes[2]}`, used sparingly, never for body text.

        Text on the primary colour is white. Check contrast at WCAG AA for every pairing.

        ## Typography

        Headlines are set in {fonts[0]}, body copy in {fonts[1]}. Never stretch, outline or add shadows to type.

        ## Logo

        Keep clear space of {clearSpace}x the height of the logo's lowercase letters on every side. The minimum width is 24 mm in print and 96 px on screen. Do not recolour the logo outside the palette.

        ## Photography

        {char.ToUpperInvariant(photography[0]) + photography[1..]}. Avoid stock imagery that looks staged.

        ## Do and don't

        - Do lead with the product in use.
        - Do keep one message per asset.
        - Don't place the logo on busy images.
        - Don't mix the accent colour with red.
        """;

    public static string PostMortem(CampaignPlan campaign, Bogus.Faker f)
    {
        var budget = campaign.Row.BudgetAmount;
        var variance = budget == 0 ? 0 : (campaign.Spend - budget) / budget * 100;
        var percent = Math.Abs(variance).ToString("0.#", CultureInfo.InvariantCulture);
        var verdict = variance > 0 ? $"{percent} % over budget" : $"{percent} % under budget";
        return $"""
            # {campaign.Row.Name} post-mortem

            **Client:** {campaign.Client.Row.Name} · **Campaign:** {campaign.Row.Code} · **Ran:** {ArtifactWriter.Day(campaign.StartDate)} to {ArtifactWriter.Day(campaign.EndDate)}

            ## Summary

            The campaign set out to {campaign.Objective}. A team of {campaign.Team.Count} logged {ArtifactWriter.Count((int)campaign.TotalHours)} hours. It finished {verdict}: {ArtifactWriter.Money(campaign.Spend)} spent against a budget of {ArtifactWriter.Money(budget)}.

            ## What went well

            {string.Join("\n", f.Random.ArrayElements(WentWell, 3).Select(s => $"- {s}"))}

            ## What we would change

            {string.Join("\n", f.Random.ArrayElements(ToChange, 2).Select(s => $"- {s}"))}

            ## Lessons for next time

            Agree the approval chain in the kick-off, and review budget burn weekly against the schedule, not only at the alert thresholds.
            """;
    }

    public static string CaseStudy(CampaignPlan campaign, Bogus.Faker f) =>
        $"""
        # {campaign.Client.Row.Name}: {campaign.Row.Name}

        ## The challenge

        {campaign.Client.Row.Name} needed to {campaign.Objective}. {campaign.Insight}

        ## The idea

        *{campaign.Proposition}* We told it through {string.Join(", ", campaign.Channels)}, in a voice that was {campaign.Tone}.

        ## The results

        - {AgencyVocabulary.Capitalize(campaign.Kpi)} up {f.Random.Int(12, 45)} % against the previous period
        - {f.Random.Int(2, 30)} million impressions across channels
        - Delivered in {(campaign.EndDate.DayNumber - campaign.StartDate.DayNumber + 7) / 7} weeks
        """;

    public static string Research(Sector sector, int year, Bogus.Faker f) =>
        $"""
        # {sector.Name} audience trends {year}

        ## Who we looked at

        {AgencyVocabulary.Capitalize(string.Join(", ", sector.Audiences))}, through {f.Random.Int(800, 3000)} survey responses and {f.Random.Int(10, 30)} interviews.

        ## What is changing

        - {f.Random.Int(40, 75)} % now research {sector.Categories[0]} on their phone before buying.
        - Trust in brand advertising in {sector.Name.ToLowerInvariant()} is falling; recommendations from friends carry more weight.
        - Interest in {sector.Categories[^1]} grew fastest among {sector.Audiences[0]}.

        ## What it means for our clients

        Meet people where they research, show the product in real use, and earn recommendations rather than buy attention.
        """;

    public static string Render(HouseDocument document, string agency) =>
        $"# {document.Title}\n\n" + string.Join("\n\n", document.Sections.Select(s => $"## {s.Heading}\n\n{s.Text.Replace("{agency}", agency)}"));

    private static HouseDocument Playbook(string title, string topic, params string[] steps) =>
        new(title, "playbook", [topic, "playbook"],
        [
            ("Purpose", $"How {{agency}} runs this kind of work, step by step, so every team starts from what worked last time."),
            ("Steps", string.Join("\n", steps.Select((s, i) => $"{i + 1}. {s}"))),
            ("Roles", "The account director owns the client relationship and the budget; the project manager owns the plan, the timesheets and the allocations; the creative director owns the work."),
            ("Before you start", "Check the knowledge base for post-mortems of similar campaigns, and the client's brand guidelines."),
        ]);

    private static HouseDocument Process(string title, string topic, params (string, string)[] sections) =>
        new(title, "process", [topic, "process"], sections);

    private static HouseDocument Policy(string title, params (string, string)[] sections) =>
        new(title, "policy", ["policy"], sections);
}
