using System.Threading.RateLimiting;

namespace ELearning.Web.Accounts;

/// <summary>
/// Limits on sign-in, registration and reset posts. A classroom shares one address, so the per-address limit is
/// generous (a room of 40 registers and signs in within two minutes); guessing at one account is held back by a strict
/// limit per address and email, and by Identity's lockout per account.
/// </summary>
internal static class AccountRateLimits
{
    public const int DefaultPostsPerMinute = 200;
    public const int DefaultPostsPerMinutePerEmail = 10;

    // Account forms are a few hundred bytes; a larger or chunked body is not read early, it is limited as one
    // "unknown email" per address instead (browsers always send a Content-Length for forms).
    private const long MaxEarlyFormBytes = 64 * 1024;
    private const string UnreadEmail = "\0unread";
    private static readonly object EmailKey = new();

    public static IServiceCollection AddAccountRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perAddress = configuration.GetValue("RateLimits:AccountPostsPerMinute", DefaultPostsPerMinute);
        var perEmail = configuration.GetValue("RateLimits:AccountPostsPerMinutePerEmail", DefaultPostsPerMinutePerEmail);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsLimited(context)
                        ? RateLimitPartition.GetFixedWindowLimiter(Address(context), _ => PerMinute(perAddress))
                        : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsLimited(context) && context.Items[EmailKey] is string email
                        ? RateLimitPartition.GetFixedWindowLimiter(Address(context) + " " + email, _ => PerMinute(perEmail))
                        : RateLimitPartition.GetNoLimiter("")));
        });
        // The limiter's partition function is synchronous and runs before any handler reads the form, so the email is
        // read here, first in the pipeline; the form is cached for the page, which reads it again for free.
        services.AddTransient<IStartupFilter, ReadEmailFirst>();
        return services;
    }

    private static bool IsLimited(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/Account")
        && !context.Request.Path.StartsWithSegments("/Account/Logout");

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    /// <summary>
    /// The email an account post is about, normalized as Identity looks it up (trimmed, upper-invariant), so
    /// <c>Ana@x</c> and <c> ana@x</c> share one limit. Null for posts without an email field (signed-in forms such as a
    /// password change), which only the per-address limit covers.
    /// </summary>
    private static async Task<string?> ReadEmailAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }
        if (request.ContentLength is not { } length || length > MaxEarlyFormBytes)
        {
            return UnreadEmail;
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            // The page meets the same malformed body and answers it; here it only counts as an unknown email.
            return UnreadEmail;
        }
        if (!form.TryGetValue("Input.Email", out var values) || values.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }
        if (values.Count > 1)
        {
            // A browser never repeats the field; which copy the page binds is the binder's business, so a repeated field
            // must not pick a fresh limit each time: all such posts from one address share one.
            return UnreadEmail;
        }
        var email = values[0]!.Trim().ToUpperInvariant();
        // Identity refuses longer emails; the cut only bounds the limiter's key.
        return email.Length <= 256 ? email : email[..256];
    }

    private sealed class ReadEmailFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (IsLimited(context))
                {
                    context.Items[EmailKey] = await ReadEmailAsync(context.Request);
                }
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
