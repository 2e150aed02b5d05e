// The paper's blocks as Markdown that pandoc and GitHub both read: a pandoc metadata
// block carries the title and date (the one title), sections are headings, footnotes are
// `[^n]` with their text after the block, tables are pipe tables whose separator dashes
// give pandoc the columns' relative widths.
#include <fmt/format.h>

#include "bvplan/formats/paper.hpp"
#include "bvplan/formats/render.hpp"

namespace bvplan {

namespace {

// The text of an SVG <title>, with the five entities xml() writes read back.
std::string unescape_xml(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    size_t end = text.find(';', i);
    std::string_view entity = end == std::string_view::npos ? "" : text.substr(i, end - i + 1);
    if (entity == "&amp;")
      out += '&';
    else if (entity == "&lt;")
      out += '<';
    else if (entity == "&gt;")
      out += '>';
    else if (entity == "&quot;")
      out += '"';
    else if (entity == "&#10;" || entity == "&#13;")
      out += ' ';
    else {
      out += '&';
      continue;
    }
    i = end;
  }
  return out;
}

std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out + '"';
}

class MarkdownWriter final : public PaperWriter {
public:
  // With `charts`, a figure is an image whose SVG goes there; without, it is left out.
  explicit MarkdownWriter(Output& out, ChartFiles* charts = nullptr) : out_(out), charts_(charts) {}

  void begin(const std::string& title, const std::string& date) override {
    // pandoc reads metadata values as Markdown: escaped for Markdown, then quoted for YAML.
    next().format("---\ntitle: {}\ndate: {}\n---\n", yaml_quoted(escape_markdown(title)), yaml_quoted(date));
  }

  void plan_heading(int level, const std::string& text) override {
    next().format("{} {}\n", std::string(static_cast<size_t>(level), '#'), escape_markdown(text));
  }

  void blocks(const Blocks& blocks, int level) override {
    for (const Block& block : blocks) {
      if (std::holds_alternative<Figure>(block) && !charts_) continue;  // Markdown has no charts
      next();
      std::visit([&](const auto& b) { write(b, level); }, block);
      if (!notes_.empty()) {
        out_.put('\n');
        for (const auto& [number, note] : notes_) out_.format("[^{}]: {}\n", number, escape_markdown(note));
        notes_.clear();
      }
    }
  }

  void end() override {}

private:
  Output& next() {
    if (started_) out_.put('\n');
    started_ = true;
    return out_;
  }

  void text(const Text& text) {
    for (size_t n = 0; n < text.size(); ++n) {
      const Span& span = text[n];
      switch (span.style) {
        case Span::Style::plain:
          out_.write(escape_markdown(span.text));
          // escape_markdown drops trailing spaces, which only matter before another span.
          if (n + 1 < text.size() && !span.text.empty() && span.text.back() == ' ') out_.put(' ');
          break;
        case Span::Style::strong:
          if (!span.text.empty()) out_.format("**{}**", escape_markdown(span.text));
          break;
        case Span::Style::note:
          notes_.emplace_back(++note_count_, span.text);
          out_.format("[^{}]", note_count_);
          break;
      }
    }
  }

  void write(const Heading& h, int level) {
    out_.format("{} {}\n", std::string(static_cast<size_t>(level + h.depth), '#'), escape_markdown(h.text));
  }
  void write(const Paragraph& p, int) {
    text(p.text);
    out_.put('\n');
  }
  void write(const List& l, int) {
    for (const Text& item : l.items) {
      out_.write("- ");
      text(item);
      out_.put('\n');
    }
  }
  void write(const Fields& f, int) {
    for (const auto& [label, value] : f.fields) {
      out_.format("**{}:** ", escape_markdown(label));
      text(value);
      out_.write("  \n");
    }
  }
  void write(const PaperTable& t, int) {
    for (const PaperColumn& c : t.columns) out_.format("| {} ", escape_markdown(c.title));
    out_.write("|\n");
    for (const PaperColumn& c : t.columns) {
      size_t dashes = static_cast<size_t>(std::max(3, c.width / 2));
      out_.format("|{}{}", std::string(dashes, '-'), c.align == Align::right ? ":" : "-");
    }
    out_.write("|\n");
    for (const std::vector<Cell>& row : t.rows) {
      for (const Cell& c : row) {
        out_.write("| ");
        if (c.strong) out_.write("**");
        text(c.text);
        if (c.strong) out_.write("**");
        out_.put(' ');
      }
      out_.write("|\n");
    }
  }
  void write(const Figure& f, int) {
    std::string name = fmt::format("chart-{}.svg", charts_->size() + 1);
    // The alt text is what the chart shows: its <title>, as every bvplan chart has one.
    std::string alt = f.caption;
    if (size_t open = f.svg.find("<title>"); alt.empty() && open != std::string::npos) {
      size_t close = f.svg.find("</title>", open);
      alt = unescape_xml(f.svg.substr(open + 7, close == std::string::npos ? 0 : close - open - 7));
    }
    out_.format("![{}]({})\n", escape_markdown(alt.empty() ? "Chart" : alt), name);
    charts_->emplace_back(std::move(name), f.svg);
  }

  Output& out_;
  ChartFiles* charts_;
  bool started_ = false;
  int note_count_ = 0;
  std::vector<std::pair<int, std::string>> notes_;
};

}  // namespace

void render_markdown(Output& out, const std::vector<PlanFigures>& plans, const MarkdownOptions& options) {
  PaperOptions md = options;
  md.rag_chart = nullptr;
  md.gantt_chart = nullptr;
  MarkdownWriter writer(out);
  write_paper(writer, plans, md);
}

std::string render_markdown(const std::vector<PlanFigures>& plans, const MarkdownOptions& options) {
  return render_to_string([&](Output& out) { render_markdown(out, plans, options); });
}

std::string render_markdown_for_word(const std::vector<PlanFigures>& plans, const PaperOptions& options,
                                     ChartFiles& charts) {
  return render_to_string([&](Output& out) {
    MarkdownWriter writer(out, &charts);
    write_paper(writer, plans, options);
  });
}

}  // namespace bvplan
