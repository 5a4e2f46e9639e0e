using System.Net;
using ELearning.Web.Tests.Infrastructure;

namespace ELearning.Web.Tests.Courses;

public sealed class MediaSymlinkTests
{
    [Fact]
    public async Task MediaLinksOutOfTheContentFolderToTheAnswerKeyOrToNonImagesAre404()
    {
        var outside = Path.Combine(Path.GetTempPath(), "elearning-outside", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.png"), "OUTSIDE-SECRET");
        try
        {
            using var app = new TestApp(prepare: root =>
            {
                FixtureContent.Write(root, FixtureContent.AssessmentFile, FixtureContent.AssessmentText());
                var media = Path.Combine(root, "thb/01-hearing/media");
                Directory.CreateDirectory(media);
                File.WriteAllBytes(Path.Combine(media, "real.png"), [0x89, 0x50, 0x4E, 0x47]);
                File.CreateSymbolicLink(Path.Combine(media, "passwd.png"), "/etc/passwd");
                File.CreateSymbolicLink(Path.Combine(media, "outside.png"), Path.Combine(outside, "secret.png"));
                File.CreateSymbolicLink(Path.Combine(media, "key.png"), "../assessment.md");
                File.CreateSymbolicLink(Path.Combine(media, "lesson.png"), "../01-first.md");
                Directory.CreateSymbolicLink(Path.Combine(media, "etc"), "/etc");
                File.CreateSymbolicLink(Path.Combine(media, "alias.png"), "real.png");
            });
            using var browser = app.CreateBrowser();
            await browser.SignUpAndInAsync("ana@example.eu");

            foreach (var name in new[] { "passwd.png", "outside.png", "key.png", "lesson.png", "etc/passwd.png", "etc/hostname.png" })
            {
                using var response = await browser.Http.GetAsync("/courses/thb/hearing/media/" + name);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name}: {response.StatusCode}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("OUTSIDE-SECRET", body, StringComparison.Ordinal);
                Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
                Assert.DoesNotContain("Eurojust", body, StringComparison.Ordinal);
            }
            foreach (var name in new[] { "real.png", "alias.png" })
            {
                using var response = await browser.Http.GetAsync("/courses/thb/hearing/media/" + name);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
            }
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
