using System.Diagnostics;
using System.Globalization;
using ELearning.Themes.Default;
using ELearning.Theming;
using ELearning.Web.Certificates;

namespace ELearning.Load;

/// <summary>
/// Phase pdf: certificates drawn in a row, in process, the way the download endpoint draws one (a fresh QR code and
/// PDFsharp document each time, the theme's fonts embedded). Reports milliseconds per PDF and the peak memory of the
/// run (managed heap and working set, sampled after every PDF). No goal: the figures go into the note.
/// </summary>
internal static class PdfRendering
{
    public sealed record Settings(int Count, int WarmUp, string? Sample = null);

    public static Task<bool> RunAsync(Settings settings, CancellationToken cancel)
    {
        Console.WriteLine($"== Phase pdf: {settings.Count:N0} certificate PDFs in a row (A4 landscape, QR code, embedded fonts) ==");
        ThemeFontResolver.Install(DefaultTheme.Create().Assets);
        if (settings.Sample is not null)
        {
            File.WriteAllBytes(settings.Sample, CertificatePdf.Render(View(0)));
            Console.WriteLine($"  one PDF saved as {settings.Sample}");
        }
        for (var i = 0; i < settings.WarmUp; i++)
        {
            CertificatePdf.Render(View(i));
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var startHeap = GC.GetTotalMemory(forceFullCollection: false);
        var startWorkingSet = process.WorkingSet64;
        long peakHeap = startHeap, peakWorkingSet = startWorkingSet, bytes = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var times = new double[settings.Count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < settings.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var one = Stopwatch.StartNew();
            bytes += CertificatePdf.Render(View(i)).Length;
            times[i] = one.Elapsed.TotalMilliseconds;
            peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
            if (i % 10 == 0)
            {
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
            }
        }
        total.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
        Array.Sort(times);

        Console.WriteLine(FormattableString.Invariant(
            $"  {settings.Count:N0} PDFs in {total.Elapsed.TotalSeconds:F1} s: {total.Elapsed.TotalMilliseconds / settings.Count:F1} ms per PDF (median {times[times.Length / 2]:F1}, p95 {times[(int)(times.Length * 0.95)]:F1}, max {times[^1]:F1})"));
        Console.WriteLine(FormattableString.Invariant(
            $"  average PDF {bytes / settings.Count / 1024.0:F0} KB; allocated {allocated / settings.Count / 1024.0 / 1024.0:F1} MB per PDF; GCs gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        Console.WriteLine(FormattableString.Invariant(
            $"  peak managed heap {peakHeap / 1048576.0:F0} MB (start {startHeap / 1048576.0:F0} MB); peak working set {peakWorkingSet / 1048576.0:F0} MB (start {startWorkingSet / 1048576.0:F0} MB, process peak {process.PeakWorkingSet64 / 1048576.0:F0} MB)"));
        Console.WriteLine();
        return Task.FromResult(true);
    }

    /// <summary>A certificate with every field printed, a different holder and code each time.</summary>
    private static CertificateDocumentView View(int i)
    {
        var code = $"7KQM2XRTW4HNJ9PCB6DF{i:D6}";
        var url = $"https://learn.example.org/certificates/{code}";
        return new CertificateDocumentView(
            $"Ștefan Łukasz Núñez Çelik Öz {i.ToString(CultureInfo.InvariantCulture)}",
            "Countering trafficking in human beings: victim hearing techniques",
            "Completed on 27 November 2026 · 12.5 hours · Score 86%",
            "Agenția Națională împotriva Traficului de Persoane",
            "Str. Ștefan cel Mare 1, București",
            "Ioana Mureșan",
            "Director",
            Signature: null,
            Logo: null,
            CertificateCodes.Display(code),
            url,
            CertificateDocuments.QrCode(url),
            PdfUrl: null,
            new CertificateStyle("#1f4e79", "#1a1a1a", "#555555", "", "", ""),
            new CertificateTexts("Certificate of completion", "This certifies that", "has successfully completed", "Certificate code", "Verify at", "Download as PDF"));
    }
}
