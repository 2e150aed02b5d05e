// The paper's blocks as one self-contained HTML5 file: inline CSS (print rules for A4
// portrait), inline SVG charts, no script and nothing fetched. A RAG cell is a badge that
// carries its word and a shape as well as its colour, so it survives a photocopier and
// colour blindness.
#include <fmt/format.h>

#include "bvplan/formats/paper.hpp"
#include "bvplan/formats/render.hpp"

namespace bvplan {

namespace {

constexpr std::string_view css = R"(@page { size: A4 portrait; margin: 16mm 15mm 18mm; }
* { box-sizing: border-box; }
html { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.35; color: #000; background: #fff; }
body { margin: 0 auto; padding: 12px 16px; max-width: 180mm; overflow-wrap: break-word; }
@media print { body { padding: 0; max-width: none; } .plan { break-before: page; page-break-before: always; } }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.3em; margin: 1.4em 0 .5em; border-bottom: 1px solid #000; padding-bottom: .1em; }
h3 { font-size: 1.12em; margin: 1.2em 0 .4em; }
h4 { font-size: 1em; margin: 1em 0 .3em; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
p, li { orphans: 3; widows: 3; }
p { margin: .4em 0 .6em; }
.lead-in { break-after: avoid; page-break-after: avoid; }
ul { margin: .3em 0 .7em; padding-left: 1.4em; }
li { margin: .15em 0; }
.date { font-size: 1.1em; margin: 0 0 1em; }
.fields { margin: 0 0 1em; }
.fields div { margin: .1em 0; }
.fields dt { display: inline; font-weight: bold; }
.fields dt::after { content: ": "; }
.fields dd { display: inline; margin: 0; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: .4em 0 .9em; font-size: .92em; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #444; padding: .25em .35em; vertical-align: top; text-align: left; overflow-wrap: anywhere; hyphens: auto; }
th { background: #d9d9d9; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.r { text-align: right; font-variant-numeric: tabular-nums; }
.total td { font-weight: bold; }
.rag { display: inline-block; padding: 0 .35em; border: 1px solid #000; border-radius: .25em; font-weight: bold; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.rag-green { background: #1b7a3a; color: #fff; }
.rag-amber { background: #ffbf00; color: #000; }
.rag-red { background: #b3261e; color: #fff; }
.rag-complete { background: #1f4e79; color: #fff; }
figure { margin: .6em 0 1em; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-size: .9em; font-style: italic; margin-top: .3em; }
sup { line-height: 0; }
.note { font-size: .88em; margin: .2em 0 .6em; }
)";

const char* rag_class(Rag rag) {
  switch (rag) {
    case Rag::green: return "rag-green";
    case Rag::amber: return "rag-amber";
    case Rag::red: return "rag-red";
    case Rag::complete: return "rag-complete";
    case Rag::none: break;
  }
  return "";
}

// A shape for each rating, so the badge reads without colour: ● Green, ▲ Amber, ■ Red,
// ✓ Complete.
const char* rag_shape(Rag rag) {
  switch (rag) {
    case Rag::green: return "\u25CF";
    case Rag::amber: return "\u25B2";
    case Rag::red: return "\u25A0";
    case Rag::complete: return "\u2713";
    case Rag::none: break;
  }
  return "";
}

class HtmlWriter final : public PaperWriter {
public:
  explicit HtmlWriter(Output& out) : out_(out) {}

  void begin(const std::string& title, const std::string& date) override {
    out_.format(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n"
        "<style>\n{}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"date\">As at {}</p>\n",
        escape_html(title), css, escape_html(title), escape_html(date));
  }

  void plan_heading(int level, const std::string& text) override {
    out_.format("<h{0} class=\"plan\">{1}</h{0}>\n", level, escape_html(text));
  }

  void blocks(const Blocks& blocks, int level) override {
    for (const Block& block : blocks) {
      std::visit([&](const auto& b) { write(b, level); }, block);
      for (const auto& [number, note] : notes_)
        out_.format("<p class=\"note\"><sup>{}</sup> {}</p>\n", number, escape_html(note));
      notes_.clear();
    }
  }

  void end() override { out_.write("</body>\n</html>\n"); }

private:
  void text(const Text& text) {
    for (const Span& span : text) {
      switch (span.style) {
        case Span::Style::plain: out_.write(escape_html(span.text)); break;
        case Span::Style::strong: out_.format("<strong>{}</strong>", escape_html(span.text)); break;
        case Span::Style::note:
          notes_.emplace_back(++note_count_, span.text);
          out_.format("<sup>{}</sup>", note_count_);
          break;
      }
    }
  }

  void write(const Heading& h, int level) {
    int n = std::min(level + h.depth, 6);
    out_.format("<h{0}>{1}</h{0}>\n", n, escape_html(h.text));
  }
  void write(const Paragraph& p, int) {
    out_.write(p.lead_in ? "<p class=\"lead-in\">" : "<p>");
    text(p.text);
    out_.write("</p>\n");
  }
  void write(const List& l, int) {
    out_.write("<ul>\n");
    for (const Text& item : l.items) {
      out_.write("<li>");
      text(item);
      out_.write("</li>\n");
    }
    out_.write("</ul>\n");
  }
  void write(const Fields& f, int) {
    out_.write("<dl class=\"fields\">\n");
    for (const auto& [label, value] : f.fields) {
      out_.format("<div><dt>{}</dt><dd>", escape_html(label));
      text(value);
      out_.write("</dd></div>\n");
    }
    out_.write("</dl>\n");
  }
  void write(const PaperTable& t, int) {
    out_.write("<table>\n<colgroup>");
    for (const PaperColumn& c : t.columns) out_.format("<col style=\"width:{}%\">", c.width);
    out_.write("</colgroup>\n<thead><tr>");
    for (const PaperColumn& c : t.columns)
      out_.format("<th{}>{}</th>", c.align == Align::right ? " class=\"r\"" : "", escape_html(c.title));
    out_.write("</tr></thead>\n<tbody>\n");
    for (const std::vector<Cell>& row : t.rows) {
      bool total = !row.empty() && row.front().strong;
      out_.write(total ? "<tr class=\"total\">" : "<tr>");
      for (size_t n = 0; n < row.size(); ++n) {
        const Cell& c = row[n];
        bool right = n < t.columns.size() && t.columns[n].align == Align::right;
        out_.write(right ? "<td class=\"r\">" : "<td>");
        if (c.rag) {
          out_.format("<span class=\"rag {}\"><span aria-hidden=\"true\">{}</span> ", rag_class(*c.rag),
                      rag_shape(*c.rag));
          text(c.text);
          out_.write("</span>");
        } else {
          text(c.text);
        }
        out_.write("</td>");
      }
      out_.write("</tr>\n");
    }
    out_.write("</tbody>\n</table>\n");
  }
  void write(const Figure& f, int) {
    out_.write("<figure>\n");
    out_.write(f.svg);
    if (!f.svg.empty() && f.svg.back() != '\n') out_.put('\n');
    if (!f.caption.empty()) out_.format("<figcaption>{}</figcaption>\n", escape_html(f.caption));
    out_.write("</figure>\n");
  }

  Output& out_;
  int note_count_ = 0;
  std::vector<std::pair<int, std::string>> notes_;
};

}  // namespace

void render_html(Output& out, const std::vector<PlanFigures>& plans, const PaperOptions& options) {
  if (plans.empty()) return;
  HtmlWriter writer(out);
  write_paper(writer, plans, options);
}

std::string render_html(const std::vector<PlanFigures>& plans, const PaperOptions& options) {
  return render_to_string([&](Output& out) { render_html(out, plans, options); });
}

}  // namespace bvplan
