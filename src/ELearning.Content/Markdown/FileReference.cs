namespace ELearning.Content.Markdown;

// A relative link or image in a lesson, resolved to a path under the content root. Whether the file exists is checked
// against the current tree on every catalog build, so the parsed lesson can be cached per file version.
internal sealed record FileReference(string Url, string TargetPath, int Line, int Column, bool IsImage);
