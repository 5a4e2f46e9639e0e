using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ELearning.Content.Markdown;

/// <summary>
/// Table column alignment as classes (<c>align-left</c>, <c>align-center</c>, <c>align-right</c>, styled by the
/// theme) instead of the <c>style=</c> attributes Markdig writes, which the Content-Security-Policy blocks. Grid
/// tables' column widths (<c>&lt;col style="width:…"&gt;</c>) are dropped for the same reason: the browser sizes
/// columns by their content. Done on the parsed document, so Markdig's own table renderer stays in use.
/// </summary>
internal sealed class TableAlignment : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Apply;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void Apply(MarkdownDocument document)
    {
        foreach (var table in document.Descendants<Table>())
        {
            var columns = table.ColumnDefinitions;
            foreach (var row in table.OfType<TableRow>())
            {
                for (var i = 0; i < row.Count; i++)
                {
                    var cell = (TableCell)row[i];
                    // The column a cell belongs to, as Markdig's renderer works it out.
                    var index = cell.ColumnIndex < 0 || cell.ColumnIndex >= columns.Count ? i : cell.ColumnIndex;
                    if (columns.Count > 0 && columns[Math.Min(index, columns.Count - 1)].Alignment is { } alignment)
                    {
                        cell.GetAttributes().AddClass(alignment switch
                        {
                            TableColumnAlign.Center => "align-center",
                            TableColumnAlign.Right => "align-right",
                            _ => "align-left",
                        });
                    }
                }
            }
            foreach (var column in columns)
            {
                column.Alignment = null;
                column.Width = 0;
            }
        }
    }
}
