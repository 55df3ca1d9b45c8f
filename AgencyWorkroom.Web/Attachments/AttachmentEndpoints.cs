using AgencyWorkroom.Data.Features.Artifacts;
using AgencyWorkroom.Web.Export;

namespace AgencyWorkroom.Web.Attachments;

/// <summary>
/// Images in artifacts (053, decision 029), served as the signed-in person reads them: through their
/// unit of work, so an image of an artifact they may not read, of another agency, or of nothing at all
/// is the same 404 (never a 403 that would say it exists). The type is the one its bytes gave when it
/// was stored; the browser is told not to guess another (nosniff), not to run anything in it, and to
/// keep it in this person's cache only.
/// </summary>
public static class AttachmentEndpoints
{
    public const string CacheControl = "private, max-age=3600";

    public const string ContentSecurityPolicy = "default-src 'none'; sandbox";

    public static WebApplication MapWorkroomAttachments(this WebApplication app)
    {
        var attachments = app.MapGroup("/attachments").RequireAuthorization().AddEndpointFilter(ExportEndpoints.AsRequestUser);
        attachments.MapGet("/{id:guid}", (Guid id, HttpContext http, IArtifactAttachmentQueries queries, CancellationToken cancellationToken) =>
            ServeAsync(id, thumbnail: false, http, queries, cancellationToken));
        attachments.MapGet("/{id:guid}/thumbnail", (Guid id, HttpContext http, IArtifactAttachmentQueries queries, CancellationToken cancellationToken) =>
            ServeAsync(id, thumbnail: true, http, queries, cancellationToken));
        return app;
    }

    private static async Task<IResult> ServeAsync(Guid id, bool thumbnail, HttpContext http, IArtifactAttachmentQueries queries, CancellationToken cancellationToken)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = CacheControl;
        if (await queries.GetAsync(id, thumbnail, cancellationToken) is not { } file)
        {
            return Results.NotFound();
        }

        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.ContentDisposition = new System.Net.Mime.ContentDisposition { Inline = true, FileName = AsciiName(file.FileName) }.ToString();
        return Results.Bytes(file.Content, file.ContentType);
    }

    // A header value in ASCII; the stored name may be anything.
    private static string AsciiName(string name)
    {
        var ascii = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-').ToArray());
        return ascii.Length == 0 ? "image" : ascii;
    }
}
