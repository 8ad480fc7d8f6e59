using System.Globalization;
using System.Net;
using System.Text;

namespace HospitalOrleans.RushDriver.Report;

public sealed record Series(string Name, string Color, IReadOnlyList<(double X, double Y)> Points);

/// <summary>Small inline SVG charts: no script, no font files, readable printed.</summary>
public static class Svg
{
    private const int Width = 680, Height = 220, Left = 56, Right = 12, Top = 26, Bottom = 34;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string LineChart(string title, string yUnit, IReadOnlyList<Series> series)
    {
        var points = series.SelectMany(s => s.Points).ToList();
        var xMax = Nice(points.Count == 0 ? 1 : points.Max(p => p.X));
        var yMax = Nice(points.Count == 0 ? 1 : points.Max(p => p.Y));
        double X(double x) => Left + x / xMax * (Width - Left - Right);
        double Y(double y) => Height - Bottom - y / yMax * (Height - Top - Bottom);

        var svg = Open(title);
        for (var i = 0; i <= 4; i++)
        {
            var y = yMax * i / 4;
            svg.Append(C, $"<line x1='{Left}' y1='{Y(y):F1}' x2='{Width - Right}' y2='{Y(y):F1}' stroke='#ddd'/>");
            svg.Append(C, $"<text x='{Left - 4}' y='{Y(y) + 4:F1}' text-anchor='end'>{Label(y)}</text>");
            var x = xMax * i / 4;
            svg.Append(C, $"<text x='{X(x):F1}' y='{Height - Bottom + 14}' text-anchor='middle'>{Label(x)} s</text>");
        }
        svg.Append(C, $"<text x='4' y='{Top - 10}'>{Esc(yUnit)}</text>");
        var legendX = Left + 40.0;
        foreach (var s in series)
        {
            if (s.Points.Count > 0)
                svg.Append(C, $"<polyline fill='none' stroke='{s.Color}' stroke-width='1.6' points='{string.Join(' ', s.Points.Select(p => string.Create(C, $"{X(p.X):F1},{Y(p.Y):F1}")))}'/>");
            svg.Append(C, $"<rect x='{legendX:F0}' y='{Top - 14}' width='10' height='3' fill='{s.Color}'/><text x='{legendX + 14:F0}' y='{Top - 10}'>{Esc(s.Name)}</text>");
            legendX += 24 + s.Name.Length * 6.2;
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>One horizontal bar split by share, with the counts in its legend.</summary>
    public static string StackedBar(string title, IReadOnlyList<(string Name, long Count, string Color)> parts)
    {
        var total = Math.Max(1, parts.Sum(p => p.Count));
        var svg = new StringBuilder().Append(C, $"<svg xmlns='http://www.w3.org/2000/svg' width='{Width}' height='{40 + 16 * ((parts.Count + 2) / 3)}' font-family='sans-serif' font-size='11' role='img'><title>{Esc(title)}</title>");
        double x = 0;
        foreach (var p in parts)
        {
            var w = p.Count * (double)(Width - 2) / total;
            svg.Append(C, $"<rect x='{x + 1:F1}' y='4' width='{Math.Max(w, 0):F1}' height='18' fill='{p.Color}'><title>{Esc(p.Name)}: {p.Count:N0}</title></rect>");
            x += w;
        }
        for (var i = 0; i < parts.Count; i++)
        {
            var (lx, ly) = (4 + i % 3 * 226, 38 + i / 3 * 16);
            svg.Append(C, $"<rect x='{lx}' y='{ly - 9}' width='10' height='10' fill='{parts[i].Color}'/><text x='{lx + 14}' y='{ly}'>{Esc(parts[i].Name)} {parts[i].Count:N0} ({100.0 * parts[i].Count / total:F1} %)</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title) => new StringBuilder()
        .Append(C, $"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {Width} {Height}' width='{Width}' height='{Height}' font-family='sans-serif' font-size='11' role='img'>")
        .Append(C, $"<title>{Esc(title)}</title><rect width='{Width}' height='{Height}' fill='white'/>")
        .Append(C, $"<line x1='{Left}' y1='{Height - Bottom}' x2='{Width - Right}' y2='{Height - Bottom}' stroke='#888'/>");

    private static double Nice(double max)
    {
        if (max <= 0) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
            if (step * magnitude >= max) return step * magnitude;
        return 10 * magnitude;
    }

    private static string Label(double v) => v >= 10000 ? (v / 1000).ToString("0.#", C) + "k" : v >= 10 ? v.ToString("0", C) : v.ToString("0.##", C);

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
