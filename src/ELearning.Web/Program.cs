using ELearning.Web;
using ELearning.Web.Admin;
using ELearning.Web.Accounts;
using ELearning.Web.Analysis;
using ELearning.Web.Assessments;
using ELearning.Web.Certificates;
using ELearning.Web.Certificates.OpenBadges;
using ELearning.Web.Cohorts;
using ELearning.Web.Components;
using ELearning.Web.Courses;
using ELearning.Web.Progress;
using ELearning.Web.Reports;
using ELearning.Web.Security;
using ELearning.Web.Storage;
using ELearning.Web.Templates;
using ELearning.Web.Trainers;

var builder = WebApplication.CreateBuilder(args);

// Shipped defaults (production-sane logging) from beside the binaries, beneath the working directory's
// appsettings.json, the environment and the command line, which all still override them.
builder.Configuration.AddShippedDefaults(builder.Environment.EnvironmentName);

// Oversized posts are refused with 413 before any handler reads them.
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);

// Storage: SQLite under Storage:DataDirectory, migrations applied at start-up.
builder.Services.AddStorage();
// Accounts: Identity, cookies, password policy, lockout, rate limits.
builder.AddAccounts();
// Courses: the Markdown catalog under Content:Root and the theme named by Theme:Name.
builder.AddCourses();
// Progress: learners' records read once per request (usually from memory), write-behind visits, overdue attempts.
builder.Services.AddProgress();
// Assessments: attempts are started, saved and submitted by endpoints; a loop closes overdue ones.
builder.Services.AddAssessments();
// Templates: the theme's RazorLight templates (certificate HTML, mails), overridable per deployment; Mails renders and sends.
builder.Services.AddTemplates();
// Certificate documents: PDF and printable HTML for the holder under /me/certificates.
builder.Services.AddCertificateDocuments();
// Open Badges: each certificate as a signed credential, the issuer's key, revocation list and verifier.
builder.Services.AddOpenBadges();
// Certificates: issued with the completion that earns them; public verification page cached by code and rate limited.
builder.Services.AddCertificates(builder.Configuration);
// Cohorts: training sessions, invitations, attendance, and content restricted to cohorts (access: cohort).
builder.Services.AddCohorts();
// UI: static server-rendered Razor components, strings from resources.
builder.Services.AddRazorComponents();
builder.Services.AddAnonymousPageCache();
builder.Services.AddLocalization();
// Times are shown in the learner's browser zone (a cookie set by the theme's script), UTC without it.
builder.Services.AddLearnerTimeZone();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

await app.Services.MigrateDatabaseAsync();
await app.Services.EnsureRolesAsync();

app.UseExceptionHandler("/status/500", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
app.UseStatusPagesAsGet();
// Oversized bodies answer 413, unreadable forms 400, before antiforgery or any handler reads them.
app.UseRequestLimits();
app.UseSecurityHeaders();
app.UseRequestLocalization(o => o.SetDefaultCulture("en").AddSupportedCultures("en").AddSupportedUICultures("en"));
app.UseThemeAssets();
// Files under wwwroot in the working directory, when an operator provides one (the load script's static twins).
if (Directory.Exists(app.Environment.WebRootPath))
{
    app.UseStaticFiles();
}
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
// Trainers and admins without a second factor reach only its set-up page until they have one.
app.UseTwoFactorEnrolment();
// Another trainer's cohort (or a day of another cohort) is 404 on every route under /trainer/cohorts/{id}, GET or POST.
app.UseCohortRouteGuard();
// Prerequisite locks: one check for every route under a module, before any handler reads or stores.
app.UseModuleLocks();
app.UseAnonymousPageCache();
app.UseAntiforgery();

app.MapHealthChecks("/healthz");
app.MapAccounts();
app.MapCourses();
app.MapProgress();
app.MapAssessments();
app.MapCertificateDocuments();
app.MapOpenBadges();
// Trainer area: accommodations and overrides, trial attempts (pages under Trainers/Pages).
app.MapTrainers();
app.MapCertificates();
// Measurement: module pre-tests and end-of-course surveys (the trainer pages are Razor components).
app.MapAnalysis();
// Reports (trained / completed / certified, the project report) and their CSV twins; /admin users and audit log.
app.MapReports();
app.MapAdmin();
app.MapRazorComponents<App>().RequireAdminUnderAdmin();

// After start-up: one block with the address, data folder, content loaded and content errors.
app.LogStartupSummary();

await app.RunAsync();

/// <summary>Entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
