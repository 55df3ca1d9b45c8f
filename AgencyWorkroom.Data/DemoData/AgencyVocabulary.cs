namespace AgencyWorkroom.Data.DemoData;

/// <summary>A client sector: how its companies are named, what they sell and to whom.</summary>
public sealed record Sector(string Name, string[] NameSuffixes, string[] Categories, string[] Audiences);

/// <summary>The words the demo agency writes with: sectors, campaign ideas, phrases for documents.</summary>
public static class AgencyVocabulary
{
    public static readonly Sector[] Sectors =
    [
        new("Food & Beverage", ["Foods", "Kitchen", "Dairy", "Brewing Co.", "Bakery"],
            ["breakfast cereal", "sparkling water", "plant-based snacks", "craft beer", "frozen meals"],
            ["busy parents cooking on weeknights", "health-minded commuters", "students on a budget"]),
        new("Retail", ["Outfitters", "Market", "Stores", "Supply", "Goods"],
            ["home furnishings", "outdoor gear", "everyday essentials", "kids' clothing"],
            ["first-time homeowners", "weekend hikers", "value-seeking families"]),
        new("Financial Services", ["Bank", "Capital", "Mutual", "Credit Union", "Insurance"],
            ["mobile banking", "savings accounts", "home insurance", "small-business loans"],
            ["freelancers with irregular income", "first-time savers", "small-business owners"]),
        new("Technology", ["Labs", "Systems", "Software", "Cloud", "Networks"],
            ["collaboration software", "smart home devices", "cybersecurity services", "developer tools"],
            ["IT decision makers at mid-size firms", "remote-first teams", "tech-curious households"]),
        new("Healthcare", ["Health", "Clinics", "Pharma", "Care", "Medical"],
            ["telehealth visits", "allergy relief", "family clinics", "vision care"],
            ["adults managing a chronic condition", "new parents", "active retirees"]),
        new("Automotive", ["Motors", "Auto Group", "Mobility", "Cars"],
            ["electric SUVs", "certified pre-owned cars", "car subscriptions"],
            ["suburban families", "urban drivers considering their first EV", "fleet managers"]),
        new("Travel & Hospitality", ["Hotels", "Resorts", "Airways", "Travel"],
            ["boutique hotels", "city breaks", "loyalty memberships"],
            ["couples planning a long weekend", "business travellers", "adventure seekers in their twenties"]),
        new("Energy", ["Energy", "Power", "Utilities", "Solar"],
            ["home solar panels", "green electricity tariffs", "EV charging"],
            ["energy-conscious homeowners", "small businesses watching costs", "renters in cities"]),
        new("Non-profit", ["Foundation", "Trust", "Alliance", "Fund"],
            ["volunteer programmes", "monthly giving", "community grants"],
            ["lapsed donors", "young professionals who volunteer", "local community leaders"]),
        new("Education", ["Academy", "University", "Learning", "Institute"],
            ["online degrees", "coding bootcamps", "continuing education"],
            ["career changers", "parents of teenagers", "working adults"]),
        new("Media & Entertainment", ["Media", "Studios", "Streaming", "Entertainment"],
            ["streaming subscriptions", "live events", "podcast networks"],
            ["binge-watchers", "music fans aged 18 to 30", "families choosing a weekend activity"]),
        new("Fashion & Beauty", ["Beauty", "Apparel", "Cosmetics", "Atelier"],
            ["clean skincare", "sustainable denim", "fragrance"],
            ["style-conscious Gen Z shoppers", "professionals refreshing their wardrobe", "gift buyers"]),
        new("Sports & Fitness", ["Athletics", "Fitness", "Sports", "Clubs"],
            ["running shoes", "gym memberships", "home fitness equipment"],
            ["new runners", "lapsed gym members", "amateur team players"]),
    ];

    public static readonly string[] BrandWords =
    [
        "Nova", "Harbor", "Summit", "Crisp", "Bloom", "Ember", "Tide", "Atlas", "Meadow", "Pulse", "Vista", "Juniper",
        "Orbit", "Saffron", "Cobalt", "Willow", "Aurora", "Drift", "Granite", "Lumen", "Maple", "Quill", "Fable", "Sterling",
        "Cascade", "Ridge", "Solace", "Kindred", "Echo", "Haven", "Alto", "Verve", "Nimbus", "Copper", "Sable", "Tandem",
    ];

    public static readonly string[] CampaignThemes =
    [
        "Spring Launch", "Summer Campaign", "Holiday Gifting", "Brand Refresh", "Always-On Social", "Product Launch",
        "Back to School", "Loyalty Relaunch", "Sustainability Story", "Sponsorship Activation", "Retail Promotion",
        "Recruitment Drive", "Website Relaunch", "Podcast Series", "Creator Programme", "New Year Push",
        "Store Opening", "Awareness Drive", "Price Campaign", "Community Stories", "App Launch", "Anniversary Campaign",
    ];

    public static readonly string[] Channels =
    [
        "paid social", "connected TV", "out-of-home", "online video", "podcast sponsorship", "retail media",
        "search", "email CRM", "influencer content", "experiential", "print", "radio",
    ];

    public static readonly string[] Objectives =
    [
        "grow awareness of {brand} among {audience}",
        "drive trial of {category} with {audience}",
        "win back lapsed customers of {brand}",
        "reposition {brand} as the modern choice in {category}",
        "lift consideration for {brand} ahead of the peak season",
        "launch {brand}'s new {category} range with a clear reason to believe",
        "increase sign-ups from {audience} by a fifth",
    ];

    public static readonly string[] Insights =
    [
        "{audience} don't lack options; they lack the time to compare them.",
        "For {audience}, {category} is a chore they would rather not think about.",
        "{audience} trust recommendations from people like them more than any advert.",
        "People choose {category} on habit, and habits change at moments of transition.",
        "{audience} feel talked down to by the whole {category} category.",
        "The small rituals around {category} matter more to {audience} than the product specs.",
    ];

    public static readonly string[] Propositions =
    [
        "{brand} makes {category} the easy part of the day.",
        "{brand}: the {category} that keeps up with you.",
        "Less fuss, more of what matters — that's {brand}.",
        "{brand} is made for the way {audience} actually live.",
        "Small change, real difference: switch to {brand}.",
    ];

    public static readonly string[] Tones = ["warm and witty", "confident and direct", "calm and reassuring", "playful", "premium and understated", "energetic"];

    public static readonly string[] Kpis =
    [
        "brand awareness (prompted)", "consideration", "cost per acquisition", "video completion rate",
        "store visits", "app installs", "email sign-ups", "share of voice", "engagement rate",
    ];

    public static readonly string[] Mandatories =
    [
        "Logo lock-up in the final frame", "Legal line on every asset", "Accessible captions on all video",
        "Product shot in the first three seconds", "Use the approved colour palette only", "No price claims without legal sign-off",
        "Alt text for every static", "Brand sonic logo at the end of audio spots",
    ];

    public static readonly string[] Fonts = ["Inter", "Source Serif", "Work Sans", "Playfair Display", "IBM Plex Sans", "Lora", "Manrope", "Space Grotesk"];

    public static readonly string[] ColourNames = ["Deep Navy", "Warm Coral", "Sage", "Sunflower", "Slate", "Berry", "Ocean", "Sand", "Forest", "Clay", "Ink", "Mist"];

    public static readonly string[] PhotographyStyles =
    [
        "natural light, candid moments, people mid-action rather than posed",
        "bold flat colour backgrounds with the product as hero",
        "documentary style, real customers in their own homes",
        "high-contrast studio light with generous negative space",
    ];

    public static readonly string[] ChangeSummaries =
    [
        "Tightened the proposition after the client call", "Added the channel plan", "Incorporated legal feedback",
        "Reworked the opening after internal review", "Updated budget and timings", "Client comments addressed",
        "Swapped the hero visual", "Shortened for the 15-second cut", "Final polish before approval",
    ];

    public static readonly string[] CommentOpeners =
    [
        "Can we make the headline punchier?", "The client flagged the second scene — too slow.",
        "Love this direction. Let's push the colour further.", "Legal needs the claim softened here.",
        "Is this within the production budget?", "Could we test a version without the voiceover?",
        "The CTA gets lost on mobile.", "Good progress — ready to share with the client?",
        "Please check this against the brand guidelines.", "We need the accessible version of this too.",
        "Timeline looks tight for the shoot — can we pull the casting forward?",
    ];

    public static readonly string[] CommentReplies =
    [
        "Agreed, updated in the next version.", "Done — see the latest draft.", "I'll pick this up tomorrow.",
        "Checked with the account team, we're fine.", "Good call, changed.", "Let's discuss in the stand-up.",
        "Client approved this on the call.", "Added to the change log.",
    ];

    public static readonly string[] ClientNotes =
    [
        "Prefers a weekly status call on Tuesdays.", "Procurement signs off anything over the retainer.",
        "Marketing team of four; the CMO approves all hero work.", "Very data-led; include results in every report.",
        "Legal review adds five working days to approvals.", "Strong in-house design team; we lead concepts only.",
    ];

    public static readonly string[] Vendors =
    [
        "Lumen Productions", "Northlight Films", "Printhaus", "Signal Media Buying", "Studio Forty", "Casting Collective",
        "Greenroom Audio", "Frame & Co.", "Big Sky Outdoor", "Pixel Foundry", "Motion Works", "Location Scouts Ltd",
    ];

    public static readonly (string Name, string TagPrefix, decimal DailyRate)[] Equipment =
    [
        ("Sony FX6 camera kit", "CAM", 180m), ("ARRI SkyPanel S60 light", "LGT", 95m), ("DJI Ronin 4D gimbal camera", "GMB", 220m),
        ("Sennheiser MKH 416 boom kit", "AUD", 35m), ("Canon CN-E prime lens set", "LNS", 120m), ("Aputure 600d light kit", "LGT", 60m),
        ("Zoom F8n field recorder", "AUD", 30m), ("Blackmagic URSA Mini Pro", "CAM", 150m), ("Atomos Ninja monitor", "MON", 25m),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> WorkByPhase = new Dictionary<string, string[]>
    {
        ["strategy"] = ["Audience research", "Competitor review", "Brief workshop", "Strategy deck", "Client kick-off call", "Insight interviews"],
        ["creative"] = ["Concept development", "Copywriting", "Design exploration", "Creative review", "Client presentation prep", "Script revisions"],
        ["production"] = ["Pre-production meeting", "Shoot day", "Casting", "Artwork finishing", "Supplier coordination", "Asset resizing"],
        ["post"] = ["Edit revisions", "Colour grade review", "Delivery to media owners", "Results report", "Wrap-up meeting", "Campaign close-out"],
    };

    public static readonly string[] ExpenseTravel = ["Train to client workshop", "Taxi to shoot location", "Flights for location recce", "Mileage to print supplier"];
    public static readonly string[] ExpenseMeals = ["Team lunch during shoot", "Client workshop catering", "Late working dinner"];
    public static readonly string[] ExpenseProduction = ["Props and set dressing", "Location fee", "Studio hire", "Print proofs", "Stock footage licence"];
    public static readonly string[] ExpenseTalent = ["Voiceover session", "Model day rate", "Usage extension for talent"];
    public static readonly string[] ExpenseMedia = ["Social boost test budget", "Sponsored post", "Programmatic test flight"];
    public static readonly string[] ExpenseSoftware = ["Font licence", "Stock image credits", "Music licence"];

    /// <summary>Fills {brand}, {category} and {audience} in a phrase.</summary>
    public static string Fill(string phrase, string brand, string category, string audience) =>
        phrase.Replace("{brand}", brand).Replace("{category}", category).Replace("{audience}", audience);

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
