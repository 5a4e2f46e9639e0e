using ELearning.Theming;

namespace ELearning.Themes.Default;

public static class DefaultTheme
{
    public static Theme Create() =>
        new Theme.Builder("Default")
            .Layout<MainLayout>()
            .EmbeddedAssets(typeof(DefaultTheme).Assembly, "ELearning.Themes.Default.wwwroot")
            .Stylesheet("default.css")
            .Script("assessment.js")
            .Script("local-time.js")
            .Script("passkeys.js")
            .Template<CatalogView, CatalogPage>()
            .Template<CourseView, CoursePage>()
            .Template<ModuleView, ModulePage>()
            .Template<LessonView, LessonPage>()
            .Template<DashboardView, DashboardPage>()
            .Template<ContentErrorsView, ContentErrorsPage>()
            .Template<StatusView, StatusPage>()
            .Template<AssessmentView, AssessmentPage>()
            .Template<AttemptPageView, AttemptPage>()
            .Template<AttemptResultView, AttemptResultPage>()
            .Template<TrainerHomeView, TrainerHomePage>().Template<CohortMatrixView, CohortMatrixPage>().Template<LearnerRecordView, LearnerRecordPage>()
            .Template<TrainerAttemptView, TrainerAttemptPage>().Template<PreviewView, PreviewPage>()
            .Template<CertificateListView, CertificateList>()
            .Template<CertificateVerificationView, CertificateVerificationPage>()
            .Template<CertificateLookupView, CertificateLookupPage>()
            .Template<ItemAnalysisView, ItemAnalysisPage>()
            .Template<PretestOfferView, PretestPage>()
            .Template<CohortGainView, CohortGainPage>()
            .Template<CohortSurveyView, CohortSurveyPage>()
            .Build();
}
