namespace AgencyWorkroom.Tests.Web.Rendering;

/// <summary>Text that tries to become script: raw HTML, dangerous schemes, event handlers, SVG, and Markdown link tricks.</summary>
public static class XssCorpus
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)><script>alert(2)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">raw link</a>",
        "<div style=\"background:url(javascript:alert(1))\">styled</div>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](  javascript:alert(1)  )",
        "[click](java&#115;cript:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
        "[click](<javascript:alert(1)>)",
        "[ref link][r]\n\n[r]: javascript:alert(1)",
        "![img](javascript:alert(1))",
        "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x\" onerror=\"alert(1)](https://example.com/a.png)",
        "[x](https://example.com/\" onmouseover=\"alert(1))",
        "<javascript:alert(1)>",
        "<http://example.com/<script>alert(1)</script>>",
        "| a | b |\n| --- | --- |\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |",
        "```html\n<script>alert(1)</script>\n```",
        "`<img src=x onerror=alert(1)>`",
        "- [x] <b onclick=alert(1)>task</b>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<form action=\"javascript:alert(1)\"><button>go</button></form>",
        "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<!--<img src=x onerror=alert(1)>-->",
        "\"><script>alert(1)</script>",
        "{onclick=alert(1)}\n# Heading {#id onclick=alert(1)}",
    ];
}
