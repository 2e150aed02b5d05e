#include "bvplan/formats/render.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

#include <sstream>

#include "bvplan/core/text.hpp"
#include "bvplan/model/loader.hpp"

using namespace bvplan;
using bvplan::test::d;

// Expected figures are worked out by hand from the FIGURES rules. The tiny plan's action
// runs 2004-01-01 to 2004-04-10 (100 days); at 2004-02-20 (day 50) its target is 50%,
// its actual 37.5%, variance -12.5, ratio 75 -> amber; forecast S + ceil(50 x 100 / 37.5)
// = S + 134 = 2004-05-14, slip 134 - 100 = 34; budget used 100 x 250 / 1000 = 25.

namespace {

Plan load(const std::string& text) { return test::plan_from(text); }

std::string tiny_text(const std::string& title_line = "        title: '=HYPERLINK(\"x\")'\n") {
  return R"(bvplan: 1
plan:
  id: p1
  title: Tiny
  start: 2004-01-01
  end: 2004-12-31
owners:
  SPS: Strategic & Performance Services
  CMT: Corporate Management Team
issues:
  - id: KI1
    title: Issue
    actions:
      - id: A1
)" + title_line +
         R"(        lead: SPS
        support: [CMT]
        start: 2004-01-01
        due: 2004-04-10
        budget: 1000
        savings_target: 200
        milestones:
          - {id: M1, title: Kick-off, due: 2004-03-01, done: 2004-02-15}
        updates:
          - {date: 2004-02-20, complete: 37.5, spent: 250, savings: 50}
)";
}

const char* csv_header =
    "plan,issue,action,title,lead,support,start,due,targets,status,state,target,actual,variance,rag,"
    "days_late,forecast,forecast_slip,budget,spent,budget_used,staff_days,effort_days,staff_time_used,savings_target,"
    "savings_delivered,"
    "last_update,completed,as_of\r\n";

size_t unescaped_pipes(const std::string& line) {
  size_t n = 0;
  for (size_t i = 0; i < line.size(); ++i)
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++n;
  return n;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

// --- helpers ----------------------------------------------------------------------------

TEST_CASE("format_estimate: whole units, half away from zero") {
  CHECK(format_estimate(26740.74, "GBP") == "£26,741");
  CHECK(format_estimate(2.5, "GBP") == "£3");
  CHECK(format_estimate(-2.5, "EUR") == "-€3");
  CHECK(format_estimate(0.4, "GBP") == "£0");
}

TEST_CASE("format_money") {
  CHECK(format_money(12500, "GBP") == "£12,500");
  CHECK(format_money(1250.5, "GBP") == "£1,250.50");
  CHECK(format_money(0, "GBP") == "£0");
  CHECK(format_money(-5, "GBP") == "-£5");
  CHECK(format_money(-1250.5, "GBP") == "-£1,250.50");
  CHECK(format_money(999, "GBP") == "£999");
  CHECK(format_money(1000, "GBP") == "£1,000");
  CHECK(format_money(1234567, "GBP") == "£1,234,567");
  CHECK(format_money(0.05, "GBP") == "£0.05");
  CHECK(format_money(-0.5, "GBP") == "-£0.50");
  CHECK(format_money(12500, "EUR") == "€12,500");
  CHECK(format_money(-5, "EUR") == "-€5");
  CHECK(format_money(12500, "CHF") == "12,500 CHF");
  CHECK(format_money(1250.5, "CHF") == "1,250.50 CHF");
}

TEST_CASE("direction of travel: the arrow and the word") {
  CHECK(direction_text(Direction::improved) == "\u2191 improved");
  CHECK(direction_text(Direction::same) == "\u2192 same");
  CHECK(direction_text(Direction::worse) == "\u2193 worse");
  CHECK(direction_text(Direction::added) == "new");
  CHECK(direction_text(Direction::unrated) == "-");
}

TEST_CASE("escape_markdown") {
  CHECK(escape_markdown("a|b") == "a\\|b");
  CHECK(escape_markdown("*x*") == "\\*x\\*");
  CHECK(escape_markdown("snake_case") == "snake\\_case");
  CHECK(escape_markdown("_") == "\\_");
  CHECK(escape_markdown("<script>") == "\\<script\\>");
  CHECK(escape_markdown("`code`") == "\\`code\\`");
  CHECK(escape_markdown("[x](y)") == "\\[x\\](y)");
  CHECK(escape_markdown("one\ntwo") == "one two");
  CHECK(escape_markdown("one\r\ntwo") == "one two");
  CHECK(escape_markdown("O&S") == "O&S");
  CHECK(escape_markdown("A&B; C") == "A\\&B; C");  // would read as an entity
  CHECK(escape_markdown("&#38;") == "\\&\\#38;");
  CHECK(escape_markdown("&amp;") == "\\&amp;");
  CHECK(escape_markdown("plain text") == "plain text");
  CHECK(escape_markdown("") == "");
  // What pandoc's own Markdown (the Word paper's reader) would take as maths, super- and
  // subscript or a citation.
  CHECK(escape_markdown("$5 to $10, m^2^, H~2~O, @SPS") == "\\$5 to \\$10, m\\^2\\^, H\\~2\\~O, \\@SPS");
}

TEST_CASE("csv_text") {
  CHECK(csv_text("plain") == "plain");
  CHECK(csv_text("") == "");
  CHECK(csv_text("a,b") == "\"a,b\"");
  CHECK(csv_text("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_text("a\rb") == "\"a\rb\"");
  CHECK(csv_text("a\nb") == "\"a\nb\"");
  CHECK(csv_text("a\r\nb") == "\"a\r\nb\"");
  // Spreadsheet formulas: a leading ' and quoted.
  CHECK(csv_text("=SUM(A1)") == "\"'=SUM(A1)\"");
  CHECK(csv_text("+1") == "\"'+1\"");
  CHECK(csv_text("-1") == "\"'-1\"");
  CHECK(csv_text("@x") == "\"'@x\"");
  CHECK(csv_text("\tx") == "\"'\tx\"");
  CHECK(csv_text("\rx") == "\"'\rx\"");
  CHECK(csv_text("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(csv_text("a=b") == "a=b");  // only a leading character matters
}

// --- CSV --------------------------------------------------------------------------------

TEST_CASE("render_csv at action level") {
  Plan p = load(tiny_text());
  std::vector<PlanFigures> plans{compute_plan(p, d("2004-02-20"), DateRange{d("2004-01-01"), d("2004-03-31")})};
  std::string row =
      "p1,KI1,A1,\"'=HYPERLINK(\"\"x\"\")\",SPS,CMT,2004-01-01,2004-04-10,,active,in-progress,"
      "50.0,37.5,-12.5,amber,0,2004-05-14,34,1000,250,25.0,0,,,200,50,2004-02-20,,2004-02-20\r\n";
  CHECK(render_csv(plans, CsvOptions{}) == std::string(csv_header) + row);
  CHECK(render_csv(plans, CsvOptions{CsvLevel::action, true}) == "\xEF\xBB\xBF" + std::string(csv_header) + row);

  // Before the start: empty cells where there is no figure.
  Plan q = load(tiny_text());
  std::vector<PlanFigures> early{compute_plan(q, d("2003-12-31"), DateRange{d("2003-10-01"), d("2003-12-31")})};
  CHECK(render_csv(early, CsvOptions{}) ==
        std::string(csv_header) +
            "p1,KI1,A1,\"'=HYPERLINK(\"\"x\"\")\",SPS,CMT,2004-01-01,2004-04-10,,active,not-started,"
            "0.0,0.0,0.0,none,0,,,1000,,,0,,,200,,,,2003-12-31\r\n");
}

// --- JSON -------------------------------------------------------------------------------

TEST_CASE("render_json for a one-action plan") {
  Plan p = load(tiny_text());
  DateRange w{d("2004-01-01"), d("2004-03-31")};
  std::vector<PlanFigures> plans{compute_plan(p, d("2004-02-20"), w)};
  CHECK(
      render_json(plans, d("2004-02-20"), w) ==
      "{\"version\":1,\"as_of\":\"2004-02-20\",\"window\":{\"start\":\"2004-01-01\",\"end\":\"2004-03-31\"},"
      "\"plans\":[\n"
      "{\"id\":\"p1\",\"title\":\"Tiny\",\"file\":\"p.yaml\",\"target\":50.0,\"actual\":37.5,\"rag\":\"amber\","
      "\"budget\":1000,\"spent\":250,\"budget_used\":25.0,\"staff_days\":0,\"effort_days\":null,\"staff_time_used\":"
      "null,\"savings_target\":200,\"savings_delivered\":50,"
      "\"issues\":[\n"
      "  "
      "{\"id\":\"KI1\",\"title\":\"Issue\",\"target\":50.0,\"actual\":37.5,\"rag\":\"amber\",\"staff_days\":0,"
      "\"effort_days\":null,\"staff_time_used\":null}],\"actions\":[\n"
      "  {\"id\":\"A1\",\"issue\":\"KI1\",\"title\":\"=HYPERLINK(\\\"x\\\")\",\"lead\":\"SPS\",\"support\":[\"CMT\"],"
      "\"start\":\"2004-01-01\",\"due\":\"2004-04-10\",\"targets\":[],\"status\":\"active\",\"state\":\"in-progress\","
      "\"target\":50.0,\"actual\":37.5,\"variance\":-12.5,\"rag\":\"amber\",\"days_late\":0,"
      "\"forecast\":\"2004-05-14\",\"forecast_slip\":34,\"budget\":1000,\"spent\":250,"
      "\"budget_used\":25.0,\"staff_days\":0,\"effort_days\":null,\"staff_time_used\":null,\"savings_target\":200,"
      "\"savings_delivered\":50,\"last_update\":\"2004-02-20\",\"completed\":null}],"
      "\"milestones\":[\n"
      "  "
      "{\"id\":\"M1\",\"action\":\"A1\",\"title\":\"Kick-off\",\"due\":\"2004-03-01\",\"done\":\"2004-02-15\","
      "\"state\":\"done\","
      "\"days_late\":0}],\"measures\":[],\"risks\":[]}\n"
      "]}\n");

  // Before the start: nulls where there is no figure.
  DateRange early_w{d("2003-10-01"), d("2003-12-31")};
  std::vector<PlanFigures> early{compute_plan(p, d("2003-12-31"), early_w)};
  CHECK(
      render_json(early, d("2003-12-31"), early_w) ==
      "{\"version\":1,\"as_of\":\"2003-12-31\",\"window\":{\"start\":\"2003-10-01\",\"end\":\"2003-12-31\"},"
      "\"plans\":[\n"
      "{\"id\":\"p1\",\"title\":\"Tiny\",\"file\":\"p.yaml\",\"target\":0.0,\"actual\":0.0,\"rag\":\"none\","
      "\"budget\":1000,\"spent\":0,\"budget_used\":0.0,\"staff_days\":0,\"effort_days\":null,\"staff_time_used\":"
      "null,\"savings_target\":200,\"savings_delivered\":0,"
      "\"issues\":[\n"
      "  "
      "{\"id\":\"KI1\",\"title\":\"Issue\",\"target\":0.0,\"actual\":0.0,\"rag\":\"none\",\"staff_days\":0,\"effort_"
      "days\":null,\"staff_time_used\":null}],\"actions\":[\n"
      "  {\"id\":\"A1\",\"issue\":\"KI1\",\"title\":\"=HYPERLINK(\\\"x\\\")\",\"lead\":\"SPS\",\"support\":[\"CMT\"],"
      "\"start\":\"2004-01-01\",\"due\":\"2004-04-10\",\"targets\":[],\"status\":\"active\",\"state\":\"not-started\","
      "\"target\":0.0,\"actual\":0.0,\"variance\":0.0,\"rag\":\"none\",\"days_late\":0,"
      "\"forecast\":null,\"forecast_slip\":null,\"budget\":1000,\"spent\":null,"
      "\"budget_used\":null,\"staff_days\":0,\"effort_days\":null,\"staff_time_used\":null,\"savings_target\":200,"
      "\"savings_delivered\":null,\"last_update\":null,\"completed\":null}],\"milestones\":[\n"
      "  "
      "{\"id\":\"M1\",\"action\":\"A1\",\"title\":\"Kick-off\",\"due\":\"2004-03-01\",\"done\":null,\"state\":"
      "\"pending\","
      "\"days_late\":0}],\"measures\":[],\"risks\":[]}\n"
      "]}\n");
}

// --- Markdown ---------------------------------------------------------------------------

TEST_CASE("render_markdown: the seven sections in order") {
  Plan p = load(tiny_text());
  std::vector<PlanFigures> plans{compute_plan(p, d("2004-02-20"), DateRange{d("2004-01-01"), d("2004-03-31")})};
  std::string md = render_markdown(plans, MarkdownOptions{});
  const char* headings[] = {"1. Summary of action taken",
                            "2. Target and actual % complete by date of report",
                            "3. % of project implementation budget used",
                            "4. Proposed action to remedy any work overdue",
                            "5. Benefits delivered to date",
                            "6. Action planned in the next period",
                            "7. Any fundamental changes to plan"};
  size_t last = 0;
  for (const char* h : headings) {
    CAPTURE(h);
    size_t at = md.find(std::string("# ") + h + "\n");
    REQUIRE(at != std::string::npos);
    CHECK(at > last);
    CHECK((at == 0 || md[at - 1] == '#' || md[at - 1] == '\n'));  // a heading line of its own
    last = at;
  }
}

TEST_CASE("render_markdown: a title with | and a newline stays in its table row") {
  Plan p = load(tiny_text("        title: \"Fix | pipes\\nand lines\"\n"));
  REQUIRE(p.issues[0].actions[0].title == "Fix | pipes\nand lines");
  std::vector<PlanFigures> plans{compute_plan(p, d("2004-02-20"), DateRange{d("2004-01-01"), d("2004-03-31")})};
  std::string md = render_markdown(plans, MarkdownOptions{});

  std::vector<std::string> lines = lines_of(md);
  const std::string* action_row = nullptr;
  const std::string* budget_row = nullptr;
  for (const std::string& line : lines) {
    CHECK(line.rfind("and lines", 0) != 0);  // the newline did not start a new line
    if (line.rfind("| A1 ", 0) != 0) continue;
    if (line.find("10 Apr 2004") != std::string::npos)
      action_row = &line;
    else if (line.find("£1,000") != std::string::npos)
      budget_row = &line;
  }
  REQUIRE(action_row);
  CAPTURE(*action_row);
  // Action | Lead | Due | Target | Actual | RAG: 6 cells, 7 pipes.
  CHECK(unescaped_pipes(*action_row) == 7);
  CHECK(action_row->find("Fix \\| pipes and lines") != std::string::npos);
  // Whole numbers, half away from zero: 37.5 -> 38.
  CHECK(action_row->find("| 50% | 38% | Amber |") != std::string::npos);
  REQUIRE(budget_row);
  CAPTURE(*budget_row);
  // Action | Budget | Spent | Used: 4 cells, 5 pipes.
  CHECK(unescaped_pipes(*budget_row) == 5);
  CHECK(budget_row->find("| £1,000 | £250 | 25% |") != std::string::npos);
}

TEST_CASE("money rounds half away from zero, like every figure") {
  CHECK(format_money(1.005, "GBP") == "£1.01");
  CHECK(format_money(-2.675, "GBP") == "-£2.68");
  CHECK(format_number(0.125) == "0.13");
  CHECK(format_money(999999999999.99, "GBP") == "£999,999,999,999.99");
}

TEST_CASE("render_markdown: currency and title cannot inject markup") {
  Plan p = load(tiny_text("        title: Draft\n"));
  p.title = "<img src=x onerror=alert(1)> \"q\"";
  p.currency = "<script>alert(1)</script> | x";  // the loader refuses it; the paper escapes it anyway
  std::vector<PlanFigures> plans{compute_plan(p, d("2004-02-20"), DateRange{d("2004-01-01"), d("2004-03-31")})};
  std::string md = render_markdown(plans, MarkdownOptions{});
  CHECK(md.rfind("---\ntitle: \"\\\\<img src=x onerror=alert(1)\\\\> \\\"q\\\": progress report\"\n", 0) == 0);
  CHECK(md.find("<script>") == std::string::npos);
  for (size_t at = md.find("<img"); at != std::string::npos; at = md.find("<img", at + 1))
    CHECK(md[at - 1] == '\\');  // escaped: text, not a tag
  CHECK(md.find(
            "| 1,000 \\<script\\>alert(1)\\</script\\> \\| x | 250 \\<script\\>alert(1)\\</script\\> \\| x | 25% |") !=
        std::string::npos);
  for (const std::string& line : lines_of(md))
    if (line.rfind("| A1 ", 0) == 0 && line.find("script") != std::string::npos) CHECK(unescaped_pipes(line) == 5);
}

TEST_CASE("status and explain show line breaks and control characters escaped") {
  Plan p = load(tiny_text("        title: \"Draft\\n::error::x\"\n"));
  p.title = "Tiny\n::error::y\x1B[2J";
  std::vector<PlanFigures> plans{compute_plan(p, d("2004-02-20"), DateRange{d("2004-01-01"), d("2004-03-31")})};
  std::string status = render_status(plans, StatusOptions{});
  CHECK(status.rfind("p1: Tiny\\n::error::y\\e[2J (as at 20 February 2004)\n", 0) == 0);
  std::string explained = *render_explain(plans, "A1");
  CHECK(explained.rfind("action A1 \"Draft\\n::error::x\" (key issue KI1, plan p1)", 0) == 0);
  for (const std::string& text : {status, explained, *render_explain(plans, "p1")})
    for (const std::string& line : lines_of(text)) CHECK_FALSE(starts_workflow_command(line));
}

TEST_CASE("csv_text: no line of a cell reads as a workflow command") {
  CHECK(csv_text("Key issue\n  ::error::x") == "\"Key issue\n  \\x3a:error::x\"");
  CHECK(csv_text("::warning::x") == "\\x3a:warning::x");
  CHECK(csv_text("a::b") == "a::b");
}

TEST_CASE("escape_markdown shows control characters (file names may hold any) as escapes") {
  CHECK(escape_markdown("plans/\x1B[31m.yaml") == "plans/\\\\e\\[31m.yaml");
  CHECK(escape_markdown("a\r\nb\x7F") == "a b\\\\x7f");
}

TEST_CASE("render_markdown: the title once, as pandoc metadata, with no level-1 heading") {
  Plan p = load(tiny_text());
  std::vector<PlanFigures> plans{compute_plan(p, d("2004-02-20"), DateRange{d("2004-01-01"), d("2004-03-31")})};
  std::string md = render_markdown(plans, MarkdownOptions{});
  CHECK(md.rfind("---\ntitle: \"Tiny: progress report\"\ndate: \"20 February 2004\"\n---\n\n**Plan period:**", 0) == 0);
  for (const std::string& line : lines_of(md)) CHECK(line.rfind("# ", 0) != 0);
}

TEST_CASE("render_markdown: section 1 grouped by key issue") {
  std::string text = tiny_text();
  text.replace(text.find("savings: 50}"), 12, "savings: 50, summary: Started}");
  Plan p = load(text);
  std::vector<PlanFigures> plans{compute_plan(p, d("2004-02-20"), DateRange{d("2004-01-01"), d("2004-03-31")})};
  std::string md = render_markdown(plans, MarkdownOptions{});
  CHECK(md.find("## 1. Summary of action taken\n\n**KI1 Issue**\n\n"
                "- **A1 =HYPERLINK(\"x\")** (SPS, 20 Feb 2004): Started\n") != std::string::npos);
}

namespace {

PlanFigures with_baseline_and_comparison(const Plan& p) {
  PlanFigures f = compute_plan(p, d("2004-02-20"), DateRange{d("2004-01-01"), d("2004-03-31")});
  f.baseline = Baseline{PlanVersion{"HEAD~2", "e9b08c7", d("2004-01-16")}, std::nullopt, {}};
  f.compared_with = PlanVersion{"HEAD~1", "767ad52", d("2004-01-30")};
  f.direction = Direction::worse;
  f.actions[0].baseline_due = d("2004-03-31");
  f.actions[0].baseline_slip = 10;
  f.actions[0].direction = Direction::worse;
  return f;
}

}  // namespace

TEST_CASE("render_markdown: the baseline in a committee's words, the revision in a footnote") {
  Plan p = load(tiny_text("        title: Draft\n"));
  std::vector<PlanFigures> plans{with_baseline_and_comparison(p)};
  std::string md = render_markdown(plans, MarkdownOptions{});
  CHECK(md.find("\nBaseline: the plan as it stood on 16 January 2004[^1]. Slip is the number of days each due date "
                "has moved since then.\n\n[^1]: Revision HEAD\\~2, commit e9b08c7, dated 16 January 2004.\n") !=
        std::string::npos);
  CHECK(md.find("\nDirection of travel: against the plan as it stood on 30 January 2004[^2]; the plan as a whole ") !=
        std::string::npos);
  CHECK(md.find("[^2]: Revision HEAD\\~1, commit 767ad52, dated 30 January 2004.\n") != std::string::npos);
  CHECK(md.find("| Action | Baseline due | Due | Slip (days) | Direction |\n") != std::string::npos);
  CHECK(md.find("| A1 Draft | 31 Mar 2004 | 10 Apr 2004 | +10 | ") != std::string::npos);
  // Git's words only in the footnotes.
  for (const std::string& line : lines_of(md))
    if (line.rfind("[^", 0) != 0) {
      CAPTURE(line);
      CHECK(line.find("HEAD") == std::string::npos);
      CHECK(line.find("e9b08c7") == std::string::npos);
    }
}

// --- HTML -------------------------------------------------------------------------------

TEST_CASE("render_html: one self-contained page with the seven sections") {
  Plan p = load(tiny_text());
  std::vector<PlanFigures> plans{compute_plan(p, d("2004-02-20"), DateRange{d("2004-01-01"), d("2004-03-31")})};
  std::string html = render_html(plans, PaperOptions{});
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
  CHECK(html.find("<title>Tiny: progress report</title>") != std::string::npos);
  CHECK(html.find("<h1>Tiny: progress report</h1>\n<p class=\"date\">As at 20 February 2004</p>\n") !=
        std::string::npos);
  CHECK(html.find("@page { size: A4 portrait;") != std::string::npos);
  for (const char* h :
       {"1. Summary of action taken", "2. Target and actual % complete by date of report",
        "3. % of project implementation budget used", "4. Proposed action to remedy any work overdue",
        "5. Benefits delivered to date", "6. Action planned in the next period", "7. Any fundamental changes to plan"})
    CHECK(html.find(std::string("<h2>") + h + "</h2>\n") != std::string::npos);
  // Nothing to run, nothing to fetch.
  for (const char* banned : {"<script", "src=", "href=", "url(", "@import", "http:", "https:"}) {
    CAPTURE(banned);
    CHECK(html.find(banned) == std::string::npos);
  }
  // The action is amber at 20 February: a badge with its shape and its word.
  CHECK(html.find("<td><span class=\"rag rag-amber\"><span aria-hidden=\"true\">\u25B2</span> Amber</span></td>") !=
        std::string::npos);
  CHECK(html.size() > 20);
  CHECK(html.substr(html.size() - 16) == "</body>\n</html>\n");
}

TEST_CASE("render_html: plan text is text, never markup") {
  Plan p = load(tiny_text("        title: \"<img src=x onerror=alert(1)> & 'q'\"\n"));
  p.title = "<script>alert(1)</script>";
  std::vector<PlanFigures> plans{compute_plan(p, d("2004-02-20"), DateRange{d("2004-01-01"), d("2004-03-31")})};
  std::string html = render_html(plans, PaperOptions{});
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<title>&lt;script&gt;alert(1)&lt;/script&gt;: progress report</title>") != std::string::npos);
  CHECK(html.find("A1 &lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39;") != std::string::npos);
}

TEST_CASE("render_html: footnotes follow their paragraph; a chart is inline SVG") {
  Plan p = load(tiny_text("        title: Draft\n"));
  std::vector<PlanFigures> plans{with_baseline_and_comparison(p)};
  PaperOptions options;
  options.gantt = true;
  options.rag_chart = [](const PlanFigures&) { return std::string("<svg id=\"rag\"></svg>"); };
  options.gantt_chart = [](const PlanFigures&) {
    return std::vector<std::string>{"<svg id=\"gantt\"></svg>", "<svg id=\"gantt2\"></svg>"};
  };
  std::string html = render_html(plans, options);
  CHECK(html.find("16 January 2004<sup>1</sup>. Slip is the number of days each due date has moved since "
                  "then.</p>\n<p class=\"note\"><sup>1</sup> Revision HEAD~2, commit e9b08c7, "
                  "dated 16 January 2004.</p>\n") != std::string::npos);
  CHECK(html.find("<figure>\n<svg id=\"rag\"></svg>\n</figure>\n<h2>1. Summary of action taken</h2>") !=
        std::string::npos);
  // The gantt's pictures, a figure each.
  CHECK(html.find(
            "<h2>Timeline</h2>\n<figure>\n<svg id=\"gantt\"></svg>\n</figure>\n<figure>\n<svg id=\"gantt2\"></svg>\n"
            "</figure>\n") != std::string::npos);
  // Markdown has no charts.
  std::string md = render_markdown(plans, options);
  CHECK(md.find("svg") == std::string::npos);
  CHECK(md.find("Timeline") == std::string::npos);
}

TEST_CASE("escape_html") {
  CHECK(escape_html("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  CHECK(escape_html("x\r\ny\x1B") == "x y\\e");
  CHECK(escape_html("a \nb") == "a b");
}
