using System.Globalization;
using Markdig.Renderers;

namespace ELearning.Content.Markdown;

// One HTML renderer per lesson, reused for each segment, prompt, option and feedback.
internal sealed class SegmentWriter : IDisposable
{
    private readonly StringWriter _output = new(CultureInfo.InvariantCulture);
    private readonly HtmlRenderer _renderer;

    public SegmentWriter()
    {
        _renderer = new HtmlRenderer(_output);
        ContentPipeline.Pipeline.Setup(_renderer);
    }

    public string Render(Action<HtmlRenderer> write)
    {
        var buffer = _output.GetStringBuilder();
        // Finish the previous fragment's line first, so this fragment does not start with its newline.
        _renderer.EnsureLine();
        buffer.Clear();
        write(_renderer);
        _renderer.Writer.Flush();
        var html = buffer.ToString();
        buffer.Clear();
        return html;
    }

    public void Dispose() => _output.Dispose();
}
