using ELearning.Content.Assessments;
using ELearning.Content.Diagnostics;
using ELearning.Content.Markdown;

namespace ELearning.Content.Catalog;

// Assembles a catalog from a scanned tree. Files come from the cache (parsed once per version); what depends on other
// files — link targets, duplicate slugs and question ids, prerequisites — is checked on every build.
// A file whose current version has errors (its own or against other files) falls back to its last served version, if
// that still fits with the rest; its errors are reported all the same, and its path is listed in PreviousVersions.
internal sealed class CatalogBuilder(ContentTree tree, ParsedFileCache cache)
{
    private readonly List<ContentDiagnostic> _diagnostics = [];
    private readonly HashSet<string> _previousVersions = new(StringComparer.Ordinal);

    // Set while a previous version is checked: its problems concern a version no longer on disk and are not reported.
    private bool _quiet;

    public CourseCatalog Build()
    {
        var courses = new List<Course>();
        foreach (var (path, message) in tree.Refused)
        {
            Error(path, 1, 1, message);
        }
        foreach (var folder in tree.Root.Children.Where(c => c.IsDirectory))
        {
            if (!ContentNames.IsSlug(folder.Name))
            {
                Warning(folder.Path, $"'{folder.Name}' is not a course folder name (lowercase letters, digits and hyphens); it is skipped");
                continue;
            }
            var course = BuildCourse(folder);
            if (course is not null)
            {
                courses.Add(course);
            }
        }
        return new CourseCatalog
        {
            Courses = courses,
            Diagnostics = [.. _diagnostics
                .OrderBy(d => d.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Line)
                .ThenBy(d => d.Column)],
            Version = tree.Signature[..16],
            PreviousVersions = _previousVersions,
        };
    }

    private Course? BuildCourse(ContentEntry folder)
    {
        CourseFile? courseFile = null;
        var courseYml = folder.Children.FirstOrDefault(c => !c.IsDirectory && c.Name == ContentNames.CourseFile);
        if (courseYml is null)
        {
            Error($"{folder.Path}/{ContentNames.CourseFile}", 1, 1, "course.yml is missing; the course is skipped");
        }
        else
        {
            (courseFile, var diagnostics) = cache.Get(courseYml, CourseFile.Parse);
            _diagnostics.AddRange(diagnostics);
            if (courseFile is null && cache.Served<CourseFile>(courseYml.Path, null) is { } previous)
            {
                courseFile = previous;
                _previousVersions.Add(courseYml.Path);
            }
        }

        var candidates = new List<(int Number, string Slug, ContentEntry Folder)>();
        foreach (var child in folder.Children)
        {
            if (child.IsDirectory && ContentNames.TryParseNumbered(child.Name, out var number, out var slug))
            {
                candidates.Add((number, slug, child));
            }
            else if (child.IsDirectory && child.Name != ContentNames.MediaFolder)
            {
                Warning(child.Path, $"'{child.Name}' is not a module folder name (NN-slug, e.g. 01-victim-hearing); it is skipped");
            }
            else if (!child.IsDirectory && child.Name is not (ContentNames.CourseFile or ContentNames.NotesFile))
            {
                Warning(child.Path, "this file is not part of a course (course.yml and NN-module folders); it is ignored");
            }
        }

        var questionIds = new Dictionary<string, (string Path, int Line)>(StringComparer.Ordinal);
        var modules = new List<ModuleDraft>();
        var folderSlugs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, slug, moduleFolder) in candidates.OrderBy(c => c.Number).ThenBy(c => c.Folder.Name, StringComparer.Ordinal))
        {
            if (!folderSlugs.TryAdd(slug, moduleFolder.Name))
            {
                Error(moduleFolder.Path, 1, 1, $"duplicate module slug '{slug}' (also {folderSlugs[slug]}); the folder is skipped");
                continue;
            }
            var module = BuildModule(folder.Name, slug, moduleFolder, questionIds);
            if (module is not null)
            {
                modules.Add(module);
            }
        }
        ResolvePrerequisites(modules, folderSlugs.Keys.ToHashSet(StringComparer.Ordinal));

        if (courseFile is null)
        {
            return null;
        }
        if (modules.Count == 0)
        {
            Warning(courseYml!.Path, "the course has no modules yet");
        }
        cache.MarkServed(courseYml!.Path, courseFile);
        foreach (var module in modules)
        {
            cache.MarkServed(module.ModuleYmlPath, module.File);
        }
        return new Course
        {
            Slug = folder.Name,
            Title = courseFile.Title,
            Summary = courseFile.Summary,
            Languages = courseFile.Languages,
            Hours = courseFile.Hours,
            Certificate = courseFile.Certificate?.Resolve(folder.Path, tree.Files, (line, column, message) => Error(courseYml.Path, line, column, message)),
            Access = courseFile.Access,
            Modules = [.. modules.Select(m => new Module
            {
                Slug = m.Slug,
                CourseSlug = folder.Name,
                Title = m.File.Title,
                Summary = m.File.Summary,
                Objectives = m.File.Objectives,
                FolderPath = m.Folder.Path,
                Prerequisites = [.. m.File.Prerequisites.Select(p => p.Value).Distinct(StringComparer.Ordinal)],
                Lessons = m.Lessons,
                Assessment = m.Assessment,
                Optional = m.File.Optional,
                Certificate = m.File.Certificate?.Resolve(m.Folder.Path, tree.Files, (line, column, message) => Error(m.ModuleYmlPath, line, column, message)),
                Access = m.File.Access == ContentAccess.Cohort || courseFile.Access == ContentAccess.Cohort ? ContentAccess.Cohort : ContentAccess.Open,
                Pretest = m.File.Pretest is not null && m.Assessment is not null,
            })],
        };
    }

    private ModuleDraft? BuildModule(
        string courseSlug, string slug, ContentEntry folder, Dictionary<string, (string Path, int Line)> questionIds)
    {
        ModuleFile? moduleFile = null;
        ModuleFile? previousModule = null;
        var moduleYml = folder.Children.FirstOrDefault(c => !c.IsDirectory && c.Name == ContentNames.ModuleFile);
        var moduleYmlPath = $"{folder.Path}/{ContentNames.ModuleFile}";
        if (moduleYml is null)
        {
            Error(moduleYmlPath, 1, 1, "module.yml is missing; the module and its lessons are skipped");
        }
        else
        {
            (moduleFile, var diagnostics) = cache.Get(moduleYml, ModuleFile.Parse);
            _diagnostics.AddRange(diagnostics);
            previousModule = cache.Served(moduleYml.Path, moduleFile);
            if (moduleFile is null && previousModule is not null)
            {
                (moduleFile, previousModule) = (previousModule, null);
                _previousVersions.Add(moduleYml.Path);
            }
        }

        var candidates = new List<(int Number, string Slug, ContentEntry File)>();
        foreach (var child in folder.Children)
        {
            if (child.IsDirectory)
            {
                if (child.Name != ContentNames.MediaFolder)
                {
                    Warning(child.Path, "a module holds lessons and a media/ folder only; this folder is ignored");
                }
            }
            else if (ContentNames.TryParseLessonFile(child.Name, out var number, out var lessonSlug))
            {
                candidates.Add((number, lessonSlug, child));
            }
            else if (child.Name is not (ContentNames.ModuleFile or ContentNames.AssessmentFile or ContentNames.NotesFile) && !ContentNames.IsTranslationFile(child.Name))
            {
                Warning(child.Path, "this file is not a lesson (NN-slug.md, e.g. 01-why-different.md); it is ignored");
            }
        }

        var lessons = new List<Lesson>();
        var lessonSlugs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, lessonSlug, file) in candidates.OrderBy(c => c.Number).ThenBy(c => c.File.Name, StringComparer.Ordinal))
        {
            if (lessonSlug is "assessment" or "media")
            {
                // These addresses belong to the module's assessment and its media folder.
                Error(file.Path, 1, 1, $"the lesson slug '{lessonSlug}' is reserved; rename the file (e.g. NN-{lessonSlug}-practice.md); the file is skipped");
                continue;
            }
            if (!lessonSlugs.TryAdd(lessonSlug, file.Name))
            {
                Error(file.Path, 1, 1, $"duplicate lesson slug '{lessonSlug}' (also {lessonSlugs[lessonSlug]}); the file is skipped");
                continue;
            }
            var address = new LessonAddress(courseSlug, folder.Name, slug, lessonSlug);
            var (parsed, diagnostics) = cache.Get(file, (bytes, bag) => LessonFile.Parse(address, file.Path, bytes, bag));
            _diagnostics.AddRange(diagnostics);
            var accepted = parsed is null ? null : AcceptLesson(file.Path, parsed, moduleFile is not null, questionIds);
            if (accepted is null && moduleFile is not null && cache.Served(file.Path, parsed) is { } previous)
            {
                accepted = Quietly(() => AcceptLesson(file.Path, previous, moduleLoads: true, questionIds));
                if (accepted is not null)
                {
                    _previousVersions.Add(file.Path);
                }
            }
            if (accepted?.Lesson is { } lesson)
            {
                lessons.Add(lesson);
                cache.MarkServed(file.Path, accepted);
            }
        }

        // After the lessons: a question id the assessment shares with a lesson is reported on the assessment.
        var assessment = BuildAssessment(courseSlug, slug, folder, moduleFile is not null, questionIds, lessonSlugs.Keys);

        if (moduleFile is null)
        {
            return null;
        }
        if (lessons.Count == 0)
        {
            Warning(moduleYmlPath, "the module has no lessons yet");
        }
        if (moduleFile.Pretest is { } pretest && assessment is null)
        {
            Error(moduleYmlPath, pretest.Line, pretest.Column,
                "'pretest: true' needs an assessment.md in this module: the pre-test is drawn from its questions");
        }
        return new ModuleDraft(slug, folder, moduleYmlPath, moduleFile, lessons, assessment)
        {
            Previous = previousModule,
            IsPrevious = _previousVersions.Contains(moduleYmlPath),
        };
    }

    private LessonFile? AcceptLesson(string path, LessonFile parsed, bool moduleLoads, Dictionary<string, (string Path, int Line)> questionIds)
    {
        // A file with other errors is still checked for duplicate ids (reported with the rest) but claims none.
        var loads = CheckReferences(path, parsed.References) && parsed.Lesson is not null && moduleLoads;
        return ClaimQuestionIds(path, parsed.QuestionIds, questionIds, claim: loads) && loads ? parsed : null;
    }

    private AssessmentFile? AcceptAssessment(
        string path, AssessmentFile parsed, bool moduleLoads, Dictionary<string, (string Path, int Line)> questionIds, IReadOnlyList<string> lessonSlugs)
    {
        var loads = CheckReferences(path, parsed.References);
        loads &= CheckLessons(path, parsed.LessonUses, lessonSlugs);
        loads = loads && parsed.Assessment is not null && moduleLoads;
        return ClaimQuestionIds(path, parsed.QuestionIds, questionIds, claim: loads) && loads ? parsed : null;
    }

    private T Quietly<T>(Func<T> check)
    {
        _quiet = true;
        try
        {
            return check();
        }
        finally
        {
            _quiet = false;
        }
    }

    // Null when the module has no assessment.md or it has errors (reported): the module still loads with its lessons.
    private Assessment? BuildAssessment(
        string courseSlug, string slug, ContentEntry folder, bool moduleLoads, Dictionary<string, (string Path, int Line)> questionIds,
        IEnumerable<string> lessonSlugs)
    {
        var file = folder.Children.FirstOrDefault(c => !c.IsDirectory && c.Name == ContentNames.AssessmentFile);
        if (file is null)
        {
            return null;
        }
        var address = new LessonAddress(courseSlug, folder.Name, slug, ContentNames.AssessmentSlug);
        var (parsed, diagnostics) = cache.Get(file, (bytes, bag) => AssessmentFile.Parse(address, file.Path, bytes, bag));
        _diagnostics.AddRange(diagnostics);
        string[] slugs = [.. lessonSlugs];
        var accepted = parsed is null ? null : AcceptAssessment(file.Path, parsed, moduleLoads, questionIds, slugs);
        if (accepted is null && moduleLoads && cache.Served(file.Path, parsed) is { } previous)
        {
            accepted = Quietly(() => AcceptAssessment(file.Path, previous, moduleLoads, questionIds, slugs));
            if (accepted is not null)
            {
                _previousVersions.Add(file.Path);
            }
        }
        if (accepted is null)
        {
            return null;
        }
        cache.MarkServed(file.Path, accepted);
        return accepted.Assessment;
    }

    private bool CheckReferences(string path, IReadOnlyList<FileReference> references)
    {
        var ok = true;
        foreach (var reference in references.Where(r => !tree.Files.Contains(r.TargetPath)))
        {
            Error(path, reference.Line, reference.Column, reference.IsImage
                ? $"image not found: '{reference.Url}' (looked for {reference.TargetPath})"
                : $"link target not found: '{reference.Url}' (looked for {reference.TargetPath})");
            ok = false;
        }
        return ok;
    }

    // lesson= names a lesson of the same module (any lesson file there, even one that failed to load: its own errors say why).
    private bool CheckLessons(string path, IReadOnlyList<SlugUse> uses, IReadOnlyList<string> lessons)
    {
        var ok = true;
        foreach (var use in uses.Where(u => !lessons.Contains(u.Slug, StringComparer.Ordinal)))
        {
            Error(path, use.Line, use.Column, lessons.Count == 0
                ? $"lesson '{use.Slug}' does not exist: this module has no lessons"
                : $"lesson '{use.Slug}' is not a lesson of this module; use one of: {string.Join(", ", lessons)}");
            ok = false;
        }
        return ok;
    }

    // Question ids are unique within a course: answers are stored under them. A file with other errors is checked too
    // (its duplicates are reported with the rest), but claims nothing: it must not take a good file's ids offline.
    private bool ClaimQuestionIds(string path, IReadOnlyList<QuestionIdUse> uses, Dictionary<string, (string Path, int Line)> claimed, bool claim)
    {
        var local = new Dictionary<string, (string Path, int Line)>(StringComparer.Ordinal);
        var ok = true;
        foreach (var use in uses)
        {
            if (claimed.TryGetValue(use.Id, out var first) || local.TryGetValue(use.Id, out first))
            {
                Error(path, use.Line, use.Column,
                    $"duplicate question id '{use.Id}' (first used at {first.Path}:{first.Line}); ids must be unique within the course");
                ok = false;
                continue;
            }
            local[use.Id] = (path, use.Line);
        }
        if (ok && claim)
        {
            foreach (var (id, location) in local)
            {
                claimed[id] = location;
            }
        }
        return ok;
    }

    // Drops modules whose prerequisites are unknown, did not load, or form a cycle, until stable: every slug in a
    // loaded module's prerequisites then names a loaded module, and learners can always complete them.
    private void ResolvePrerequisites(List<ModuleDraft> modules, HashSet<string> folderSlugs)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            var loaded = modules.Select(m => m.Slug).ToHashSet(StringComparer.Ordinal);
            foreach (var module in modules.ToList())
            {
                foreach (var prerequisite in module.File.Prerequisites)
                {
                    var problem = prerequisite.Value == module.Slug ? "a module cannot be its own prerequisite"
                        : loaded.Contains(prerequisite.Value) ? null
                        : folderSlugs.Contains(prerequisite.Value)
                            ? $"prerequisite '{prerequisite.Value}' did not load (see its errors); this module is skipped until it does"
                        : $"unknown prerequisite '{prerequisite.Value}': no module of this course has that slug";
                    if (problem is not null)
                    {
                        if (!module.IsPrevious)
                        {
                            Error(module.ModuleYmlPath, prerequisite.Line, prerequisite.Column, problem);
                        }
                        Drop(modules, module);
                        changed = true;
                        break;
                    }
                }
            }
            if (!changed && FindCycle(modules) is { } cycle)
            {
                var description = string.Join(" → ", cycle.Select(m => m.Slug).Append(cycle[0].Slug));
                for (var i = 0; i < cycle.Count; i++)
                {
                    var next = cycle[(i + 1) % cycle.Count].Slug;
                    var at = cycle[i].File.Prerequisites.First(p => p.Value == next);
                    if (!cycle[i].IsPrevious)
                    {
                        Error(cycle[i].ModuleYmlPath, at.Line, at.Column, $"prerequisites form a cycle: {description}");
                    }
                    Drop(modules, cycle[i]);
                }
                changed = true;
            }
        }
    }

    // A module whose module.yml broke the prerequisites falls back to its last served module.yml, checked again in the
    // next round; without one (or when that fails too) it is dropped.
    private void Drop(List<ModuleDraft> modules, ModuleDraft module)
    {
        var index = modules.IndexOf(module);
        if (module.Previous is { } previous)
        {
            modules[index] = module with { File = previous, Previous = null, IsPrevious = true };
            _previousVersions.Add(module.ModuleYmlPath);
            return;
        }
        modules.RemoveAt(index);
        if (module.IsPrevious)
        {
            _previousVersions.Remove(module.ModuleYmlPath);
        }
    }

    private static List<ModuleDraft>? FindCycle(List<ModuleDraft> modules)
    {
        var bySlug = modules.ToDictionary(m => m.Slug, StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<ModuleDraft>();
        foreach (var module in modules)
        {
            if (Visit(module) is { } cycle)
            {
                return cycle;
            }
        }
        return null;

        List<ModuleDraft>? Visit(ModuleDraft module)
        {
            if (state.TryGetValue(module.Slug, out var s))
            {
                return s == 1 ? path[path.IndexOf(module)..] : null;
            }
            state[module.Slug] = 1;
            path.Add(module);
            foreach (var prerequisite in module.File.Prerequisites)
            {
                if (bySlug.TryGetValue(prerequisite.Value, out var next) && Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            state[module.Slug] = 2;
            return null;
        }
    }

    private void Error(string path, int line, int column, string message)
    {
        if (!_quiet)
        {
            _diagnostics.Add(new ContentDiagnostic(path, line, column, DiagnosticSeverity.Error, message));
        }
    }

    private void Warning(string path, string message) =>
        _diagnostics.Add(new ContentDiagnostic(path, 1, 1, DiagnosticSeverity.Warning, message));

    private sealed record ModuleDraft(
        string Slug, ContentEntry Folder, string ModuleYmlPath, ModuleFile File, List<Lesson> Lessons, Assessment? Assessment)
    {
        // The last served module.yml, to fall back to when this one breaks the prerequisites.
        public ModuleFile? Previous { get; init; }

        // File is the last served module.yml, not the current one.
        public bool IsPrevious { get; init; }
    }
}
