using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace PerfNotebooks.Display;

/// <summary>
/// A flame graph of a call tree: interactive self-contained HTML (click to zoom, hover for self/total %,
/// search) and a static SVG. <see cref="Icicle"/> draws the root at the top instead of the bottom.
/// </summary>
public sealed class FlameGraph : IMimeOutput
{
    private const int RowHeight = 17;

    public FlameGraph(FlameNode root, string title = "Flame graph", bool icicle = false, string unit = "samples")
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!(root.Total > 0))
        {
            throw new BadInputException($"Flame graph root '{root.Name}' has total {root.Total}; pass a profile with at least one sample.");
        }

        Root = root;
        Title = title;
        Icicle = icicle;
        Unit = unit;
    }

    public FlameNode Root { get; }

    public string Title { get; }

    /// <summary>Root at the top, callees below (an icicle), instead of the classic root-at-bottom flame.</summary>
    public bool Icicle { get; }

    public string Unit { get; }

    /// <summary>The same graph drawn the other way up.</summary>
    public FlameGraph Flipped() => new(Root, Title, !Icicle, Unit);

    /// <summary>HTML with its own small script: no libraries, works offline and in a saved notebook.</summary>
    public string ToHtml()
    {
        var id = "perfnb-flame-" + Guid.NewGuid().ToString("N");
        var (names, colors, tree) = Serialize(Root);
        var data = "{\"names\":" + JsonStrings(names) + ",\"colors\":" + JsonStrings(colors) +
                   ",\"root\":" + tree + ",\"icicle\":" + (Icicle ? "true" : "false") + ",\"unit\":" + JsonString(Unit) + "}";
        var html = new StringBuilder(data.Length + 6000);
        html.Append("<div class=\"perfnb-flame\" id=\"").Append(id).Append("\">")
            .Append("<style>#").Append(id).Append("{font:12px system-ui,sans-serif;position:relative}")
            .Append('#').Append(id).Append(" .fg-bar{display:flex;gap:8px;align-items:center;margin-bottom:4px}")
            .Append('#').Append(id).Append(" .fg-chart{position:relative;overflow:hidden;width:100%}")
            .Append('#').Append(id).Append(" .fg-frame{position:absolute;box-sizing:border-box;border:1px solid #fff;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;padding:0 3px;cursor:pointer;line-height:")
            .Append(RowHeight - 2).Append("px;height:").Append(RowHeight).Append("px;color:#000}")
            .Append('#').Append(id).Append(" .fg-frame.fg-match{background:#e070f0 !important}")
            .Append('#').Append(id).Append(" .fg-frame.fg-above{opacity:.6}")
            .Append('#').Append(id).Append(" .fg-tip{position:absolute;pointer-events:none;background:#333;color:#fff;padding:4px 6px;border-radius:3px;display:none;z-index:10;white-space:nowrap}")
            .Append("</style><div class=\"fg-bar\"><strong>").Append(WebUtility.HtmlEncode(Title)).Append("</strong>")
            .Append("<button type=\"button\" class=\"fg-reset\">Reset zoom</button>")
            .Append("<input type=\"search\" class=\"fg-search\" placeholder=\"Search frames\">")
            .Append("<span class=\"fg-info\"></span></div><div class=\"fg-chart\"></div><div class=\"fg-tip\"></div>")
            .Append("<script type=\"text/javascript\">(function(){var d=").Append(ChartOutput.EscapeForScript(data))
            .Append(";var box=document.getElementById('").Append(id).Append("');var rowH=").Append(RowHeight).Append(';')
            .Append(Script)
            .Append("})();</script></div>");
        return html.ToString();
    }

    /// <summary>A static SVG (frames narrower than half a pixel are left out); hover titles give self/total %.</summary>
    public string ToSvg(int width = 1200)
    {
        if (width < 100)
        {
            throw new BadInputException($"Flame graph SVG width {width} is too small; pass at least 100 pixels.");
        }

        var frames = new List<(FlameNode Node, int Depth, double X, double W)>();
        var maxDepth = 0;
        var pending = new Stack<(FlameNode Node, int Depth, double X, double W)>();
        pending.Push((Root, 0, 0, width));
        while (pending.Count > 0)
        {
            var frame = pending.Pop();
            frames.Add(frame);
            maxDepth = Math.Max(maxDepth, frame.Depth);
            var x = frame.X;
            foreach (var child in Ordered(frame.Node.Children))
            {
                var w = frame.W * (child.Total / frame.Node.Total);
                if (w >= 0.5)
                {
                    pending.Push((child, frame.Depth + 1, x, w));
                }

                x += w;
            }
        }

        const int top = 24;
        var height = top + ((maxDepth + 1) * RowHeight) + 4;
        var svg = new StringBuilder(frames.Count * 200);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"perfnb-flame-svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">")
            .Append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"16\" text-anchor=\"middle\" font-size=\"14\">{Xml(Title)}</text>");
        foreach (var (node, depth, x, w) in frames)
        {
            var y = Icicle ? top + (depth * RowHeight) : height - 4 - ((depth + 1) * RowHeight);
            svg.Append("<g><title>").Append(Xml(Describe(node))).Append("</title>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{y}\" width=\"{Math.Max(w - 1, 0.5):0.##}\" height=\"{RowHeight - 1}\" fill=\"{Color(node.Name)}\"/>");
            var fits = (int)((w - 6) / 6.5);
            if (fits >= 3)
            {
                var label = node.Name.Length <= fits ? node.Name : node.Name[..(fits - 2)] + "..";
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 3:0.##}\" y=\"{y + RowHeight - 5}\">{Xml(label)}</text>");
            }

            svg.Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }

    public IReadOnlyDictionary<string, string> ToMime(OutputSession session) => new Dictionary<string, string>
    {
        [MimeTypes.Html] = ToHtml(),
        [MimeTypes.Svg] = ToSvg(),
        [MimeTypes.PlainText] = ToString(),
    };

    /// <summary>A text summary: the frames with the most self cost.</summary>
    public override string ToString()
    {
        var bySelf = new Dictionary<string, double>(StringComparer.Ordinal);
        var pending = new Stack<FlameNode>();
        pending.Push(Root);
        var count = 0;
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            count++;
            bySelf[node.Name] = bySelf.GetValueOrDefault(node.Name) + node.Self;
            foreach (var child in node.Children)
            {
                pending.Push(child);
            }
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Title}: {Root.Total:#,0.##} {Unit}, {count:#,0} frames. Most self {Unit}:");
        foreach (var (name, self) in bySelf.Where(p => p.Value > 0).OrderByDescending(p => p.Value).Take(10))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {self / Root.Total * 100,6:0.0}%  {name}");
        }

        return text.ToString();
    }

    private string Describe(FlameNode node) => string.Create(CultureInfo.InvariantCulture,
        $"{node.Name}\ntotal {node.Total:#,0.##} {Unit} ({node.Total / Root.Total * 100:0.##}%), self {node.Self:#,0.##} {Unit} ({node.Self / Root.Total * 100:0.##}%)");

    private static IEnumerable<FlameNode> Ordered(IReadOnlyList<FlameNode> children) =>
        children.OrderBy(c => c.Name, StringComparer.Ordinal);

    /// <summary>Names go in a table (profiles repeat them a lot); nodes become [nameIndex, self, total, [children]].</summary>
    private static (List<string> Names, List<string> Colors, string Tree) Serialize(FlameNode root)
    {
        var names = new List<string>();
        var colors = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var json = new StringBuilder();
        void Write(FlameNode node)
        {
            if (!index.TryGetValue(node.Name, out var i))
            {
                i = names.Count;
                index.Add(node.Name, i);
                names.Add(node.Name);
                colors.Add(Color(node.Name));
            }

            json.Append('[').Append(i).Append(',').Append(node.Self.ToString("R", CultureInfo.InvariantCulture))
                .Append(',').Append(node.Total.ToString("R", CultureInfo.InvariantCulture)).Append(",[");
            var first = true;
            foreach (var child in Ordered(node.Children))
            {
                if (!first)
                {
                    json.Append(',');
                }

                Write(child);
                first = false;
            }

            json.Append("]]");
        }

        Write(root);
        return (names, colors, json.ToString());
    }

    // Hand-written JSON: no reflection-based serializer, so trimmed or AOT hosts can render too.
    private static string JsonString(string text) => "\"" + JsonEncodedText.Encode(text).ToString() + "\"";

    private static string JsonStrings(IEnumerable<string> texts) => "[" + string.Join(',', texts.Select(JsonString)) + "]";

    /// <summary>Warm colours from a stable hash of the name, so a frame keeps its colour across graphs.</summary>
    internal static string Color(string name)
    {
        uint hash = 2166136261;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619;
        }

        var r = 205 + (int)(hash % 50);
        var g = (int)((hash >> 8) % 200);
        var b = (int)((hash >> 16) % 55);
        return string.Create(CultureInfo.InvariantCulture, $"#{r:x2}{g:x2}{b:x2}");
    }

    private static string Xml(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // XML 1.0 forbids most control characters; frame names from native stacks can contain them.
            clean.Append(c < 0x20 && c != '\n' && c != '\t' ? '?' : c);
        }

        return WebUtility.HtmlEncode(clean.ToString());
    }

    // Lays out only frames at least half a pixel wide, so 50k-frame profiles stay responsive; zoom re-lays out.
    private const string Script = """
var names=d.names,colors=d.colors,root=d.root,unit=d.unit,rootTotal=root[2]||1;
var chart=box.querySelector('.fg-chart'),tip=box.querySelector('.fg-tip'),search=box.querySelector('.fg-search'),info=box.querySelector('.fg-info');
var parent=new Map(),maxDepth=0;
(function walk(){var st=[[root,0]];while(st.length){var e=st.pop(),n=e[0];if(e[1]>maxDepth)maxDepth=e[1];for(var i=0;i<n[3].length;i++){parent.set(n[3][i],n);st.push([n[3][i],e[1]+1]);}}})();
var focus=root,shown=[],term='';
function pct(v){return (v/rootTotal*100).toFixed(2)+'%';}
function fmt(v){return v.toLocaleString(undefined,{maximumFractionDigits:2});}
function matches(n){return term&&names[n[0]].toLowerCase().indexOf(term)>=0;}
function render(){
  var width=chart.clientWidth||1000,minW=0.5/width,path=[],p;
  for(p=focus;p;p=parent.get(p))path.unshift(p);
  var base=path.length-1,h=(maxDepth+1)*rowH;chart.style.height=h+'px';
  var frag=document.createDocumentFragment();shown=[];
  function add(n,depth,x,w,above){var el=document.createElement('div');el.className='fg-frame'+(above?' fg-above':'')+(matches(n)?' fg-match':'');
    el.style.left=(x*100)+'%';el.style.width=(w*100)+'%';el.style.top=(d.icicle?depth*rowH:h-(depth+1)*rowH)+'px';
    el.style.background=colors[n[0]];el.textContent=names[n[0]];el.setAttribute('data-i',shown.length);shown.push(n);frag.appendChild(el);}
  for(var i=0;i<base;i++)add(path[i],i,0,1,true);
  var st=[[focus,base,0,1]];
  while(st.length){var e=st.pop(),n=e[0];add(n,e[1],e[2],e[3],false);var x=e[2];
    for(var k=0;k<n[3].length;k++){var c=n[3][k],w=n[2]>0?e[3]*c[2]/n[2]:0;if(w>=minW)st.push([c,e[1]+1,x,w]);x+=w;}}
  chart.textContent='';chart.appendChild(frag);
}
function describe(n){return names[n[0]]+' \u2014 total '+fmt(n[2])+' '+unit+' ('+pct(n[2])+'), self '+fmt(n[1])+' '+unit+' ('+pct(n[1])+')';}
chart.addEventListener('click',function(ev){var t=ev.target.closest('.fg-frame');if(!t)return;focus=shown[+t.getAttribute('data-i')];render();});
chart.addEventListener('mousemove',function(ev){var t=ev.target.closest('.fg-frame');if(!t){tip.style.display='none';return;}
  var r=box.getBoundingClientRect();tip.textContent=describe(shown[+t.getAttribute('data-i')]);tip.style.display='block';
  tip.style.left=Math.min(ev.clientX-r.left+12,r.width-tip.offsetWidth)+'px';tip.style.top=(ev.clientY-r.top+14)+'px';});
chart.addEventListener('mouseleave',function(){tip.style.display='none';});
box.querySelector('.fg-reset').addEventListener('click',function(){focus=root;render();});
search.addEventListener('input',function(){term=search.value.trim().toLowerCase();
  if(!term){info.textContent='';render();return;}
  var total=0,st=[root];while(st.length){var n=st.pop();if(matches(n)){total+=n[2];continue;}for(var i=0;i<n[3].length;i++)st.push(n[3][i]);}
  info.textContent='matched '+pct(total);render();});
render();
""";
}
