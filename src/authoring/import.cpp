#include "bvplan/authoring/import.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <set>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/formats/yaml_text.hpp"

namespace bvplan {

namespace {

// ---------------------------------------------------------------- values

bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// White space at either end, U+00A0 (Excel's non-breaking space) included.
std::string_view trim(std::string_view text) {
  while (true) {
    if (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n'))
      text.remove_prefix(1);
    else if (text.starts_with("\xC2\xA0"))
      text.remove_prefix(2);
    else
      break;
  }
  while (true) {
    if (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n'))
      text.remove_suffix(1);
    else if (text.ends_with("\xC2\xA0"))
      text.remove_suffix(2);
    else
      break;
  }
  return text;
}

bool all_digits(std::string_view text) { return !text.empty() && std::all_of(text.begin(), text.end(), is_digit); }

unsigned to_unsigned(std::string_view digits) {
  unsigned value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// 1 to 12 for an English month name or its first three letters ("Sept" too); 0 otherwise.
unsigned month_named(std::string_view word) {
  static constexpr std::array<const char*, 12> names = {"january",   "february", "march",    "april",
                                                        "may",       "june",     "july",     "august",
                                                        "september", "october",  "november", "december"};
  std::string lowered;
  for (char c : word) lowered += lower(c);
  if (lowered == "sept") return 9;
  for (unsigned m = 0; m < 12; ++m) {
    std::string_view name = names[m];
    if (lowered == name || (lowered.size() == 3 && name.starts_with(lowered))) return m + 1;
  }
  return 0;
}

std::optional<int> year_of(std::string_view digits) {
  if (!all_digits(digits)) return std::nullopt;
  if (digits.size() == 4) return static_cast<int>(to_unsigned(digits));
  if (digits.size() == 2) {
    int y = static_cast<int>(to_unsigned(digits));
    return y < 30 ? 2000 + y : 1900 + y;
  }
  return std::nullopt;
}

std::optional<Date> make_date(int year, unsigned month, unsigned day) {
  if (month < 1 || month > 12 || day < 1 || year < 0 || year > 9999) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (!ymd.ok()) return std::nullopt;
  return Date{std::chrono::sys_days{ymd}};
}

// A day of the month, with an ordinal suffix allowed ("31st").
std::optional<unsigned> day_of(std::string_view word) {
  if (word.size() > 2) {
    std::string suffix;
    for (char c : word.substr(word.size() - 2)) suffix += lower(c);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") word.remove_suffix(2);
  }
  if (!all_digits(word) || word.size() > 2) return std::nullopt;
  return to_unsigned(word);
}

// A cell's text as a message quotes it: at most 60 bytes (cut between characters), so a
// hostile cell of megabytes does not make a message of megabytes.
std::string shown(std::string_view text) {
  constexpr size_t most = 60;
  if (text.size() <= most) return std::string(text);
  size_t cut = most;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

// ---------------------------------------------------------------- columns

enum class Role {
  plan,
  issue,
  issue_id,
  issue_title,
  action_id,
  title,
  lead,
  support,
  start,
  due,
  targets,
  status,
  budget,
  savings_target,
  effort_days,
  complete,
  spent,
  staff_days,
  savings,
  update_text,
  update_date,
  completed,
  remedy,
  benefits,
  next,
  changes,
  milestone,
  milestone_due,
  notes,
  computed,
  action_or_title,  // "Action": the title, unless a Title column holds it (then the id)
};
constexpr size_t role_count = static_cast<size_t>(Role::action_or_title) + 1;

struct Alias {
  const char* name;  // as normalise_header spells it
  Role role;
};

// The names councils give their columns, and those `bvplan report --format csv --level
// action` writes, each as normalise_header spells it.
constexpr Alias aliases[] = {
    {"plan", Role::plan},
    {"planid", Role::plan},
    {"keyissue", Role::issue},
    {"keyissues", Role::issue},
    {"issue", Role::issue},
    {"issues", Role::issue},
    {"keyissueid", Role::issue_id},
    {"keyissueref", Role::issue_id},
    {"issueid", Role::issue_id},
    {"issueref", Role::issue_id},
    {"keyissuetitle", Role::issue_title},
    {"issuetitle", Role::issue_title},
    {"action", Role::action_or_title},
    {"actions", Role::action_or_title},
    {"actionid", Role::action_id},
    {"actionref", Role::action_id},
    {"actionno", Role::action_id},
    {"ref", Role::action_id},
    {"reference", Role::action_id},
    {"id", Role::action_id},
    {"title", Role::title},
    {"actiontitle", Role::title},
    {"lead", Role::lead},
    {"leadofficer", Role::lead},
    {"leadofficers", Role::lead},
    {"owner", Role::lead},
    {"actionowner", Role::lead},
    {"responsibleofficer", Role::lead},
    {"responsibility", Role::lead},
    {"responsible", Role::lead},
    {"support", Role::support},
    {"supportedby", Role::support},
    {"supportingofficers", Role::support},
    {"supportofficers", Role::support},
    {"start", Role::start},
    {"startdate", Role::start},
    {"from", Role::start},
    {"due", Role::due},
    {"duedate", Role::due},
    {"targetdate", Role::due},
    {"deadline", Role::due},
    {"end", Role::due},
    {"enddate", Role::due},
    {"completiondate", Role::due},
    {"targetcompletiondate", Role::due},
    {"bywhen", Role::due},
    {"targets", Role::targets},
    {"targetcurve", Role::targets},
    {"status", Role::status},
    {"budget", Role::budget},
    {"cost", Role::budget},
    {"estimatedcost", Role::budget},
    {"savings", Role::savings_target},
    {"savingstarget", Role::savings_target},
    {"targetsavings", Role::savings_target},
    {"expectedsavings", Role::savings_target},
    {"effortdays", Role::effort_days},
    {"effort", Role::effort_days},
    {"estimateddays", Role::effort_days},
    {"complete", Role::complete},
    {"percentcomplete", Role::complete},
    {"progress", Role::complete},
    {"actual", Role::complete},
    {"spent", Role::spent},
    {"spend", Role::spent},
    {"spenttodate", Role::spent},
    {"actualspend", Role::spent},
    {"expenditure", Role::spent},
    {"staffdays", Role::staff_days},
    {"staffdaysused", Role::staff_days},
    {"savingsdelivered", Role::savings},
    {"savingstodate", Role::savings},
    {"savingsachieved", Role::savings},
    {"update", Role::update_text},
    {"latestupdate", Role::update_text},
    {"progressupdate", Role::update_text},
    {"comments", Role::update_text},
    {"comment", Role::update_text},
    {"commentary", Role::update_text},
    {"summary", Role::update_text},
    {"lastupdate", Role::update_date},
    {"updatedate", Role::update_date},
    {"dateofupdate", Role::update_date},
    {"asat", Role::update_date},
    {"completed", Role::completed},
    {"datecompleted", Role::completed},
    {"completedon", Role::completed},
    {"actualcompletiondate", Role::completed},
    {"remedy", Role::remedy},
    {"remedialaction", Role::remedy},
    {"benefits", Role::benefits},
    {"benefitsdelivered", Role::benefits},
    {"next", Role::next},
    {"nextsteps", Role::next},
    {"changes", Role::changes},
    {"changestoplan", Role::changes},
    {"milestone", Role::milestone},
    {"milestones", Role::milestone},
    {"keymilestone", Role::milestone},
    {"milestonedue", Role::milestone_due},
    {"milestonedate", Role::milestone_due},
    {"notes", Role::notes},
    {"note", Role::notes},
    // What bvplan works out itself (report's columns, and the RAG of a council's sheet).
    {"rag", Role::computed},
    {"ragstatus", Role::computed},
    {"state", Role::computed},
    {"target", Role::computed},
    {"variance", Role::computed},
    {"dayslate", Role::computed},
    {"forecast", Role::computed},
    {"forecastslip", Role::computed},
    {"budgetused", Role::computed},
    {"stafftimeused", Role::computed},
    {"asof", Role::computed},
    {"baselinedue", Role::computed},
    {"baselineslip", Role::computed},
    {"direction", Role::computed},
};

// What the messages call a column's role.
const char* role_label(Role role) {
  switch (role) {
    case Role::title: return "the action";
    case Role::lead: return "the lead officer";
    case Role::due: return "the due date";
    default: return "it";
  }
}

// A header as the alias table spells it: ASCII letters and digits only, lower-cased, so
// "% Complete", "Lead  officer", "last_update" and "Budget (£)" match "complete",
// "leadofficer", "lastupdate" and "budget".
std::string normalise_header(std::string_view header) {
  std::string out;
  for (char c : header) {
    char l = lower(c);
    if ((l >= 'a' && l <= 'z') || is_digit(l)) out += l;
  }
  return out;
}

std::optional<Role> role_of(std::string_view header) {
  static const std::map<std::string, Role, std::less<>> roles = [] {
    std::map<std::string, Role, std::less<>> out;
    for (const Alias& alias : aliases) out.emplace(alias.name, alias.role);
    return out;
  }();
  if (header.size() > 64) return std::nullopt;  // no header bvplan knows is longer
  auto it = roles.find(normalise_header(header));
  if (it == roles.end()) return std::nullopt;
  return it->second;
}

// "A" for column 1, "AA" for 27, as spreadsheets name columns.
std::string column_letters(unsigned column) {
  std::string out;
  for (; column > 0; column = (column - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (column - 1) % 26));
  return out;
}

// The columns of the header row: each known role's column (0 for none), the columns kept
// as notes, and those bvplan works out itself.
struct Columns {
  std::array<unsigned, role_count> of{};
  std::vector<unsigned> unknown;
  std::vector<unsigned> computed;
  std::vector<std::pair<unsigned, unsigned>> repeated;  // a column and the earlier one with its role
  unsigned known = 0;
  unsigned at(Role role) const { return of[static_cast<size_t>(role)]; }
};

Columns map_columns(const std::vector<std::string>& header) {
  Columns columns;
  bool has_title = false;
  for (const std::string& cell : header)
    if (role_of(cell) == Role::title) has_title = true;
  for (size_t i = 0; i < header.size(); ++i) {
    auto column = static_cast<unsigned>(i + 1);
    std::optional<Role> role = role_of(header[i]);
    if (!role) {
      if (!is_blank(header[i])) columns.unknown.push_back(column);
      continue;
    }
    if (*role == Role::action_or_title) role = has_title ? Role::action_id : Role::title;
    ++columns.known;
    if (*role == Role::computed) {
      columns.computed.push_back(column);
      continue;
    }
    unsigned& slot = columns.of[static_cast<size_t>(*role)];
    if (slot != 0)
      columns.repeated.emplace_back(column, slot);
    else
      slot = column;
  }
  return columns;
}

// How far down the header row may be.
constexpr unsigned header_rows = 50;

// The first row naming an action column and at least one other bvplan knows.
std::optional<size_t> find_header(const std::vector<CsvRow>& rows) {
  for (size_t r = 0; r < rows.size(); ++r) {
    Columns columns = map_columns(rows[r].cells);
    if (columns.at(Role::title) != 0 && columns.known >= 2) return r;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- the sheet's plan

struct Progress {
  Date date;
  std::optional<Date> completed;  // when the work was finished, with complete 100
  std::string complete, spent, staff_days, savings;
  std::string summary, remedy, benefits, next, changes;
};

struct SheetAction {
  unsigned row = 0;
  size_t issue = 0;
  std::string id;  // given, or made once every given id is known
  unsigned id_column = 0;
  std::string title;
  std::string lead;  // as written
  std::vector<std::string> support;
  std::optional<Date> start;
  Date due;
  std::string status;  // empty for active
  std::string budget, savings_target, effort_days;
  std::vector<std::pair<Date, std::string>> targets;  // the target curve, as written
  std::optional<Progress> progress;
  std::string milestone;
  std::optional<Date> milestone_due;
  std::string notes;
  // Filled in once owners are named.
  std::string lead_id;
  std::vector<std::string> support_ids;
};

struct SheetIssue {
  std::string id;  // given, or made
  std::string title;
  std::vector<size_t> actions;
  unsigned row = 0, column = 0;  // where it is first named
};

// Runs of white space as one space, none at either end.
std::string collapse(std::string_view text) {
  std::string out;
  for (char c : trim(text)) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// ASCII letters in lower case.
std::string lowered(std::string_view text) {
  std::string out;
  for (char c : text) out += lower(c);
  return out;
}

// Owner ids for the names a sheet gives: a register's id or name takes its id; else a name
// that reads as an id in capitals (CMT) is its own id, and any other name becomes its
// initials (John Smith, JS), made unique (JS2). Ids and names match whatever their case
// and spacing.
class OwnerNamer {
public:
  explicit OwnerNamer(const Owners& registered) : registered_(registered) {
    for (const auto& [id, owner] : registered) taken_.insert(id);
  }

  std::string id_for(std::string_view written) {
    std::string name = collapse(written);
    if (registered_.count(name)) return name;
    std::string key = lowered(name);
    for (const auto& [id, owner] : registered_)
      if (lowered(id) == key || lowered(collapse(owner.name)) == key) return id;
    if (auto it = by_name_.find(key); it != by_name_.end()) return it->second;
    std::string base =
        is_valid_id(name) && std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; })
            ? name
            : initials(name);
    std::string id = base;
    for (unsigned n = 2; taken_.count(id); ++n) id = base + std::to_string(n);
    taken_.insert(id);
    by_name_.emplace(key, id);
    declared_.emplace(id, name);
    return id;
  }

  // The owners to declare in the plan: id to name, sorted by id.
  const std::map<std::string, std::string>& declared() const { return declared_; }

private:
  static std::string initials(std::string_view name) {
    static const std::set<std::string> small = {"of", "and", "the", "for", "to", "in", "on", "at", "&"};
    std::string out;
    size_t i = 0;
    while (i < name.size()) {
      while (i < name.size() && (name[i] == ' ' || name[i] == '.')) ++i;
      size_t start = i;
      while (i < name.size() && name[i] != ' ' && name[i] != '.') ++i;
      std::string_view word = name.substr(start, i - start);
      if (word.empty() || small.count(lowered(word))) continue;
      for (char c : word)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c)) {
          out += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
          break;
        }
    }
    return out.empty() ? "O" : out;
  }

  const Owners& registered_;
  std::set<std::string> taken_;
  std::map<std::string, std::string> by_name_;
  std::map<std::string, std::string> declared_;
};

// Reads one sheet into issues and actions, collecting findings.
class SheetReader {
public:
  SheetReader(const ImportOptions& options, ImportResult& result) : options_(options), result_(result) {}

  void read(const std::vector<CsvRow>& rows, size_t header_index);
  std::vector<SheetIssue> issues;
  std::vector<SheetAction> actions;
  size_t dated_today = 0;

private:
  void error(unsigned row, unsigned column, std::string message, std::string hint) {
    result_.findings.push_back(
        Diagnostic{options_.file, {row, column}, Severity::error, "bad-cell", std::move(message), std::move(hint)});
  }
  void warning(unsigned row, unsigned column, const char* rule, std::string message, std::string hint) {
    result_.findings.push_back(
        Diagnostic{options_.file, {row, column}, Severity::warning, rule, std::move(message), std::move(hint)});
  }
  std::string_view cell(const CsvRow& row, unsigned column) const {
    if (column == 0 || column > row.cells.size()) return {};
    std::string_view text = trim(row.cells[column - 1]);
    // bvplan's CSV puts a ' before text a spreadsheet would take for a formula: taken off.
    if (text.size() >= 2 && text[0] == '\'' && std::string_view("=+-@\t\r").find(text[1]) != std::string_view::npos)
      text.remove_prefix(1);
    return is_blank(text) ? std::string_view{} : text;
  }
  std::string_view cell(const CsvRow& row, Role role) const { return cell(row, columns_.at(role)); }
  std::string name_of(unsigned column) const {
    std::string_view header = column <= header_->size() ? trim((*header_)[column - 1]) : std::string_view{};
    return header.empty() ? "column " + column_letters(column) : shown(header);
  }
  std::string where(const CsvRow& row, unsigned column) const {
    return fmt::format("cell {}{} ({})", column_letters(column), row.number, name_of(column));
  }
  std::optional<Date> date_cell(const CsvRow& row, Role role, MonthDay month_day) {
    std::string_view text = cell(row, role);
    if (text.empty()) return std::nullopt;
    if (auto date = read_sheet_date(text, month_day)) return date;
    unsigned column = columns_.at(role);
    error(row.number, column, fmt::format("{}: '{}' is not a date", where(row, column), shown(text)),
          "write a date day first, as 31/12/2004, 31/12/04, 31 Dec 2004, December 2004 or 2004-12-31");
    return std::nullopt;
  }
  std::string amount_cell(const CsvRow& row, Role role, const char* what) {
    std::string_view text = cell(row, role);
    if (text.empty()) return {};
    if (auto amount = read_sheet_amount(text)) return *amount;
    unsigned column = columns_.at(role);
    error(row.number, column, fmt::format("{}: '{}' is not {}", where(row, column), shown(text), what),
          "write a number that is not negative, such as 1500, £1,500 or 12.5, with no letters or ranges");
    return {};
  }
  size_t issue_for(const CsvRow& row);
  void read_action(const CsvRow& row);
  // A target curve as `report --format csv` writes it, "2004-03-31: 50; 2004-06-30: 100"
  // (also "31/03/2004 = 50%"): each date and percent, or an error naming the cell.
  void read_targets(const CsvRow& row, SheetAction& action) {
    std::string_view text = cell(row, Role::targets);
    unsigned column = columns_.at(Role::targets);
    for (size_t i = 0; i < text.size();) {
      size_t stop = text.find(';', i);
      if (stop == std::string_view::npos) stop = text.size();
      std::string_view point = trim(text.substr(i, stop - i));
      i = stop + 1;
      if (point.empty()) continue;
      size_t split = point.rfind('=');
      if (split == std::string_view::npos) split = point.rfind(':');
      std::optional<Date> date =
          split == std::string_view::npos ? std::nullopt : read_sheet_date(point.substr(0, split), MonthDay::last);
      std::optional<std::string> percent =
          split == std::string_view::npos ? std::nullopt : read_sheet_percent(point.substr(split + 1));
      if (!date || !percent) {
        error(row.number, column,
              fmt::format("{}: '{}' is not a date and a percentage", where(row, column), shown(point)),
              "write the target curve as dates and the percent planned by each, such as "
              "2004-03-31: 50; 2004-06-30: 100");
        return;
      }
      if (std::any_of(action.targets.begin(), action.targets.end(), [&](const auto& t) { return t.first == *date; })) {
        error(row.number, column, fmt::format("{}: {} is given twice", where(row, column), to_iso(*date)),
              "give each date of the target curve once");
        return;
      }
      action.targets.emplace_back(*date, *percent);
    }
  }

  const ImportOptions& options_;
  ImportResult& result_;
  Columns columns_;
  const std::vector<std::string>* header_ = nullptr;
  std::optional<size_t> current_issue_;
  std::map<std::string, size_t> issue_by_key_;
  std::set<std::string> plan_values_;
  std::vector<unsigned> comment_only_rows_;
};

// The key issue a row belongs to: the one its issue cells name, or (a blank cell, as a
// merged cell is saved) the one above. Returns issues.size() when there is none.
size_t SheetReader::issue_for(const CsvRow& row) {
  std::string_view id = cell(row, Role::issue_id);
  std::string_view title = cell(row, Role::issue_title);
  std::string_view either = cell(row, Role::issue);
  if (id.empty() && title.empty() && either.empty()) {
    if (current_issue_) return *current_issue_;
    if (columns_.at(Role::issue) == 0 && columns_.at(Role::issue_id) == 0 && columns_.at(Role::issue_title) == 0) {
      // A sheet without key issues: one, named after the plan.
      current_issue_ = issues.size();
      issues.push_back(SheetIssue{"", options_.title, {}, row.number, 0});
      return *current_issue_;
    }
    return issues.size();
  }
  // The issue column holds an id (KI8) or the key issue's words.
  if (!either.empty()) {
    bool looks_like_id = is_valid_id(either) && std::any_of(either.begin(), either.end(), is_digit);
    if (looks_like_id && id.empty()) id = either;
    if (!looks_like_id && title.empty()) title = either;
  }
  if (!id.empty() && !is_valid_id(id)) {
    unsigned column = columns_.at(Role::issue_id) ? columns_.at(Role::issue_id) : columns_.at(Role::issue);
    error(row.number, column, fmt::format("{}: '{}' is not an id", where(row, column), shown(id)),
          "an id is letters, digits, dots, hyphens and underscores, starting with a letter or digit, such as KI8");
    return issues.size();
  }
  // The same words in another case or spacing are the same key issue.
  std::string key = id.empty() ? "title:" + lowered(collapse(title)) : "id:" + std::string(id);
  auto found = issue_by_key_.find(key);
  if (found == issue_by_key_.end()) {
    found = issue_by_key_.emplace(key, issues.size()).first;
    unsigned column = columns_.at(Role::issue)      ? columns_.at(Role::issue)
                      : columns_.at(Role::issue_id) ? columns_.at(Role::issue_id)
                                                    : columns_.at(Role::issue_title);
    issues.push_back(SheetIssue{std::string(id), std::string(title.empty() ? id : title), {}, row.number, column});
  }
  current_issue_ = found->second;
  return found->second;
}

void SheetReader::read_action(const CsvRow& row) {
  SheetAction action;
  action.row = row.number;
  action.title = std::string(cell(row, Role::title));
  if (std::string_view id = cell(row, Role::action_id); !id.empty()) {
    action.id_column = columns_.at(Role::action_id);
    if (!is_valid_id(id))
      error(row.number, action.id_column, fmt::format("{}: '{}' is not an id", where(row, action.id_column), shown(id)),
            "an id is letters, digits, dots, hyphens and underscores, starting with a letter or digit, such as "
            "KI8.2");
    action.id = std::string(id);
  }
  action.lead = std::string(cell(row, Role::lead));
  if (action.lead.empty())
    error(row.number, columns_.at(Role::lead),
          fmt::format("{}: every action needs a lead officer", where(row, columns_.at(Role::lead))),
          "fill in who leads this action: a name, or an id from owners.yaml");
  std::string_view support = cell(row, Role::support);
  for (size_t i = 0; i < support.size();) {
    size_t stop = support.find_first_of(";,\n", i);
    if (stop == std::string_view::npos) stop = support.size();
    std::string_view name = trim(support.substr(i, stop - i));
    if (!name.empty() && !is_blank(name)) action.support.emplace_back(name);
    i = stop + 1;
  }
  action.start = date_cell(row, Role::start, MonthDay::first);
  std::optional<Date> due = date_cell(row, Role::due, MonthDay::last);
  if (due)
    action.due = *due;
  else if (cell(row, Role::due).empty())
    error(row.number, columns_.at(Role::due),
          fmt::format("{}: every action needs a due date", where(row, columns_.at(Role::due))),
          "fill in when the action is due, such as 31/12/2004");
  if (action.start && due && *action.start > *due)
    error(row.number, columns_.at(Role::start),
          fmt::format("{}: the action starts ({}) after it is due ({})", where(row, columns_.at(Role::start)),
                      to_iso(*action.start), to_iso(action.due)),
          "check the start and due dates: day first, as 31/12/2004");
  if (std::string_view status = cell(row, Role::status); !status.empty()) {
    std::string word;
    for (char c : status) word += lower(c);
    static const std::map<std::string, std::string> statuses = {{"active", ""},
                                                                {"in progress", ""},
                                                                {"on track", ""},
                                                                {"not started", ""},
                                                                {"complete", ""},
                                                                {"completed", ""},
                                                                {"done", ""},
                                                                {"deferred", "deferred"},
                                                                {"on hold", "deferred"},
                                                                {"postponed", "deferred"},
                                                                {"cancelled", "cancelled"},
                                                                {"canceled", "cancelled"},
                                                                {"withdrawn", "cancelled"},
                                                                {"red", ""},
                                                                {"amber", ""},
                                                                {"green", ""}};
    if (auto it = statuses.find(word); it != statuses.end())
      action.status = it->second;
    else
      error(row.number, columns_.at(Role::status),
            fmt::format("{}: '{}' is not a status bvplan knows", where(row, columns_.at(Role::status)), shown(status)),
            "write active, deferred (or on hold) or cancelled; progress goes in % complete");
  }
  action.budget = amount_cell(row, Role::budget, "an amount of money");
  action.savings_target = amount_cell(row, Role::savings_target, "an amount of money");
  action.effort_days = amount_cell(row, Role::effort_days, "a number of days");
  read_targets(row, action);

  // Progress: one update, when the row gives any.
  Progress progress;
  std::string_view complete_text = cell(row, Role::complete);
  if (!complete_text.empty()) {
    if (auto percent = read_sheet_percent(complete_text))
      progress.complete = *percent;
    else
      error(row.number, columns_.at(Role::complete),
            fmt::format("{}: '{}' is not a percentage", where(row, columns_.at(Role::complete)), shown(complete_text)),
            "write how much of the action is complete, from 0 to 100, such as 60 or 60%");
  }
  progress.spent = amount_cell(row, Role::spent, "an amount of money");
  progress.staff_days = amount_cell(row, Role::staff_days, "a number of days");
  progress.savings = amount_cell(row, Role::savings, "an amount of money");
  std::optional<Date> dated = date_cell(row, Role::update_date, MonthDay::last);
  progress.completed = date_cell(row, Role::completed, MonthDay::last);
  if (progress.completed && progress.complete != "100") {
    unsigned column = columns_.at(Role::completed);
    error(row.number, column,
          fmt::format("{}: the action is given a completion date but is not 100% complete", where(row, column)),
          "clear the completion date, or set % complete to 100");
  }
  progress.summary = std::string(cell(row, Role::update_text));
  progress.remedy = std::string(cell(row, Role::remedy));
  progress.benefits = std::string(cell(row, Role::benefits));
  progress.next = std::string(cell(row, Role::next));
  progress.changes = std::string(cell(row, Role::changes));
  auto given = [](const std::string& amount) { return !amount.empty() && amount != "0"; };
  bool figures = given(progress.spent) || given(progress.staff_days) || given(progress.savings) ||
                 !cell(row, Role::update_date).empty() || progress.completed;
  bool words = !progress.summary.empty() || !progress.remedy.empty() || !progress.benefits.empty() ||
               !progress.next.empty() || !progress.changes.empty();
  std::string notes(cell(row, Role::notes));
  auto add_note = [&](unsigned column, std::string_view text) {
    if (text.empty()) return;
    if (!notes.empty()) notes += '\n';
    notes += name_of(column) + ": " + std::string(text);
  };
  if (!progress.complete.empty() && (given(progress.complete) || figures || words)) {
    progress.date = dated ? *dated : options_.progress_date;
    if (!dated && cell(row, Role::update_date).empty()) ++dated_today;
    action.progress = progress;
  } else if (progress.complete.empty() && figures && complete_text.empty()) {
    unsigned column = columns_.at(Role::complete);
    error(row.number, column ? column : 1,
          column ? fmt::format("{}: the row gives progress (spent, staff days, savings or an update date) but no "
                               "% complete",
                               where(row, column))
                 : fmt::format("row {} gives progress (spent, staff days, savings or an update date) but the sheet "
                               "has no % complete column",
                               row.number),
          "an update needs how much of the action is complete, from 0 to 100: fill it in");
  } else if (words && progress.complete.empty()) {
    // Words without a percentage cannot be an update: kept as notes, and said once.
    for (Role role : {Role::update_text, Role::remedy, Role::benefits, Role::next, Role::changes})
      add_note(columns_.at(role), cell(row, role));
    comment_only_rows_.push_back(row.number);
  }
  action.milestone = std::string(cell(row, Role::milestone));
  action.milestone_due = date_cell(row, Role::milestone_due, MonthDay::last);
  for (unsigned column : columns_.unknown) add_note(column, cell(row, column));
  action.notes = std::move(notes);
  actions.push_back(std::move(action));
}

void SheetReader::read(const std::vector<CsvRow>& rows, size_t header_index) {
  const CsvRow& header = rows[header_index];
  header_ = &header.cells;
  columns_ = map_columns(header.cells);
  for (const auto& [column, earlier] : columns_.repeated)
    result_.findings.push_back(
        Diagnostic{options_.file,
                   {header.number, column},
                   Severity::error,
                   "duplicate-column",
                   fmt::format("column {} ({}) says the same as column {} ({})", column_letters(column),
                               name_of(column), column_letters(earlier), name_of(earlier)),
                   "rename or delete one of them"});
  for (Role role : {Role::title, Role::lead, Role::due})
    if (columns_.at(role) == 0)
      result_.findings.push_back(Diagnostic{options_.file,
                                            {header.number, 1},
                                            Severity::error,
                                            "missing-column",
                                            fmt::format("the header row has no column for {}", role_label(role)),
                                            role == Role::lead  ? "name a column Lead officer, Lead or Owner"
                                            : role == Role::due ? "name a column Due, Target date or Deadline"
                                                                : "name a column Action"});
  if (count_severity(result_.findings, Severity::error) > 0) return;
  // Columns without a header that hold something are kept as notes too.
  std::set<unsigned> unknown(columns_.unknown.begin(), columns_.unknown.end());
  for (size_t r = header_index + 1; r < rows.size(); ++r)
    for (size_t c = header.cells.size(); c < rows[r].cells.size(); ++c)
      if (!cell(rows[r], static_cast<unsigned>(c + 1)).empty()) unknown.insert(static_cast<unsigned>(c + 1));
  for (size_t c = 0; c < header.cells.size(); ++c)
    if (is_blank(header.cells[c]))
      for (size_t r = header_index + 1; r < rows.size(); ++r)
        if (!cell(rows[r], static_cast<unsigned>(c + 1)).empty()) {
          unknown.insert(static_cast<unsigned>(c + 1));
          break;
        }
  columns_.unknown.assign(unknown.begin(), unknown.end());
  if (!columns_.unknown.empty()) {
    std::vector<std::string> names;
    for (unsigned column : columns_.unknown)
      names.push_back(fmt::format("{} ({})", column_letters(column), name_of(column)));
    warning(header.number, columns_.unknown.front(), "unknown-column",
            fmt::format("{} bvplan does not know {} kept as each action's notes: {}",
                        columns_.unknown.size() == 1 ? "a column" : "columns",
                        columns_.unknown.size() == 1 ? "is" : "are", fmt::join(names, ", ")),
            "rename a column to a name bvplan knows ('bvplan import --help' lists them) to import it as a figure");
  }

  for (size_t r = header_index + 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    bool blank = true;
    for (size_t c = 0; c < row.cells.size() && blank; ++c) blank = cell(row, static_cast<unsigned>(c + 1)).empty();
    if (blank) continue;
    if (std::string_view plan = cell(row, Role::plan); !plan.empty()) {
      bool second = plan_values_.size() == 1 && !plan_values_.count(std::string(plan));
      if (plan_values_.size() < 2) plan_values_.emplace(plan);
      if (second)
        result_.findings.push_back(
            Diagnostic{options_.file,
                       {row.number, columns_.at(Role::plan)},
                       Severity::error,
                       "more-than-one-plan",
                       fmt::format("{}: '{}' is a second plan in the sheet ('{}' came first)",
                                   where(row, columns_.at(Role::plan)), shown(plan),
                                   shown(*std::find_if(plan_values_.begin(), plan_values_.end(),
                                                       [&](const std::string& p) { return p != plan; }))),
                       "import one plan at a time: keep only its rows"});
    }
    size_t issue = issue_for(row);
    if (cell(row, Role::title).empty()) {
      // A row naming only a key issue heads the rows below it; anything else is skipped, and said.
      bool only_issue = true;
      for (size_t c = 0; c < row.cells.size(); ++c) {
        auto column = static_cast<unsigned>(c + 1);
        if (column == columns_.at(Role::issue) || column == columns_.at(Role::issue_id) ||
            column == columns_.at(Role::issue_title) || column == columns_.at(Role::plan))
          continue;
        if (!cell(row, column).empty()) only_issue = false;
      }
      if (!only_issue)
        warning(row.number, columns_.at(Role::title), "skipped-row",
                fmt::format("row {} has no action: not imported", row.number),
                "give the row an action, or delete it if it is a total or a note");
      continue;
    }
    if (issue == issues.size()) {
      // No key issue above (else the row's issue id was not an id, already said).
      unsigned column = columns_.at(Role::issue)      ? columns_.at(Role::issue)
                        : columns_.at(Role::issue_id) ? columns_.at(Role::issue_id)
                                                      : columns_.at(Role::issue_title);
      if (cell(row, Role::issue).empty() && cell(row, Role::issue_id).empty() && cell(row, Role::issue_title).empty())
        error(row.number, column, fmt::format("{}: no key issue for this action", where(row, column)),
              "fill in the key issue; a blank cell below it continues the same key issue");
      continue;
    }
    read_action(row);
    issues[issue].actions.push_back(actions.size() - 1);
    actions.back().issue = issue;
  }
  for (const SheetIssue& issue : issues)
    if (issue.actions.empty())
      warning(issue.row, issue.column, "skipped-row",
              fmt::format("row {} names a key issue ('{}') with no action in it: not imported", issue.row,
                          shown(issue.id.empty() ? issue.title : issue.id)),
              "put the key issue's actions on the rows below it, or delete the row if it is a total or a note");
  if (!comment_only_rows_.empty()) {
    std::string list;
    for (unsigned n : comment_only_rows_) append_with_comma(list, std::to_string(n));
    warning(
        comment_only_rows_.front(), columns_.at(Role::complete) ? columns_.at(Role::complete) : 1, "comments-as-notes",
        fmt::format("{} with comments but no % complete (rows {}): the comments are kept as notes, not updates",
                    comment_only_rows_.size() == 1 ? "1 row" : fmt::format("{} rows", comment_only_rows_.size()), list),
        "an update needs how much of the action is complete, from 0 to 100");
  }
}

// ---------------------------------------------------------------- writing

class PlanWriter {
public:
  void key(unsigned indent, std::string_view name, std::string_view value) {
    out_ += fmt::format("{}{}: {}\n", std::string(indent, ' '), name, value);
  }
  void text(unsigned indent, std::string_view name, std::string_view value) {
    key(indent, name, yaml_text(value, YamlContext::block, indent + 2));
  }
  void item(unsigned indent, std::string_view name, std::string_view value) {
    out_ += fmt::format("{}- {}: {}\n", std::string(indent, ' '), name, value);
  }
  void open(unsigned indent, std::string_view name) { out_ += fmt::format("{}{}:\n", std::string(indent, ' '), name); }
  void raw(std::string_view text) { out_ += text; }
  std::string take() { return std::move(out_); }

private:
  std::string out_;
};

void write_action(PlanWriter& w, const SheetAction& a, Date plan_start, const std::string& milestone_id) {
  w.item(6, "id", yaml_text(a.id));
  w.text(8, "title", a.title);
  w.key(8, "lead", yaml_text(a.lead_id));
  if (!a.support_ids.empty()) {
    std::string list;
    for (const std::string& id : a.support_ids) {
      if (!list.empty()) list += ", ";
      list += yaml_text(id, YamlContext::flow);
    }
    w.key(8, "support", "[" + list + "]");
  }
  w.key(8, "start", to_iso(a.start.value_or(plan_start)));
  w.key(8, "due", to_iso(a.due));
  if (!a.budget.empty()) w.key(8, "budget", a.budget);
  if (!a.savings_target.empty()) w.key(8, "savings_target", a.savings_target);
  if (!a.effort_days.empty()) w.key(8, "effort_days", a.effort_days);
  if (!a.status.empty()) w.key(8, "status", a.status);
  if (!a.targets.empty()) {
    std::string curve;
    for (const auto& [date, percent] : a.targets)
      curve += fmt::format("{}{}: {}", curve.empty() ? "" : ", ", to_iso(date), percent);
    w.key(8, "targets", "{" + curve + "}");
  }
  if (!a.milestone.empty()) {
    w.open(8, "milestones");
    w.item(10, "id", yaml_text(milestone_id));
    w.text(12, "title", a.milestone);
    w.key(12, "due", to_iso(a.milestone_due.value_or(a.due)));
  }
  if (a.progress) {
    const Progress& p = *a.progress;
    w.open(8, "updates");
    w.item(10, "date", to_iso(p.date));
    w.key(12, "complete", p.complete);
    if (p.completed) w.key(12, "completed", to_iso(*p.completed));
    if (!p.spent.empty()) w.key(12, "spent", p.spent);
    if (!p.staff_days.empty()) w.key(12, "staff_days", p.staff_days);
    if (!p.savings.empty()) w.key(12, "savings", p.savings);
    if (!p.summary.empty()) w.text(12, "summary", p.summary);
    if (!p.remedy.empty()) w.text(12, "remedy", p.remedy);
    if (!p.benefits.empty()) w.text(12, "benefits", p.benefits);
    if (!p.next.empty()) w.text(12, "next", p.next);
    if (!p.changes.empty()) w.text(12, "changes", p.changes);
  }
  if (!a.notes.empty()) w.text(8, "notes", a.notes);
}

std::string plural_of(size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

// ---------------------------------------------------------------- public

std::optional<Date> read_sheet_date(std::string_view text, MonthDay month_day) {
  text = trim(text);
  if (auto iso = parse_date(text)) return iso;
  std::vector<std::string_view> words;
  for (size_t i = 0; i < text.size();) {
    size_t stop = text.find_first_of(" /-.,", i);
    if (stop == std::string_view::npos) stop = text.size();
    if (stop > i) words.push_back(text.substr(i, stop - i));
    i = stop + 1;
  }
  // A time after the date, as some programs add: "31/12/2004 00:00".
  if (words.size() >= 2 && words.back().find(':') != std::string_view::npos) words.pop_back();
  auto month_of = [](std::string_view word) -> unsigned {
    if (all_digits(word) && word.size() <= 2) return to_unsigned(word);
    return month_named(word);
  };
  if (words.size() == 3) {
    if (words[0].size() == 4 && all_digits(words[0]) && all_digits(words[1]) && all_digits(words[2]) &&
        words[1].size() <= 2 && words[2].size() <= 2)
      return make_date(static_cast<int>(to_unsigned(words[0])), to_unsigned(words[1]), to_unsigned(words[2]));
    std::optional<unsigned> day = day_of(words[0]);
    std::optional<int> year = year_of(words[2]);
    unsigned month = month_of(words[1]);
    if (!day || !year || month == 0) return std::nullopt;
    return make_date(*year, month, *day);
  }
  if (words.size() == 2) {
    unsigned month = month_named(words[0]);
    std::optional<int> year = year_of(words[1]);
    if (month == 0 && all_digits(words[0]) && words[0].size() <= 2 && words[1].size() == 4)
      month = to_unsigned(words[0]);
    if (month == 0 || !year) return std::nullopt;
    std::optional<Date> first = make_date(*year, month, 1);
    if (!first) return std::nullopt;
    return month_day == MonthDay::first ? first : first->end_of_month();
  }
  return std::nullopt;
}

std::optional<std::string> read_sheet_amount(std::string_view text) {
  text = trim(text);
  if (text.starts_with("\xC2\xA3")) text = trim(text.substr(2));  // £
  // Digits in groups of three after the first (commas or spaces between), or no groups.
  std::string whole, fraction;
  size_t i = 0;
  bool grouped = false;
  size_t group = 0;
  for (; i < text.size() && text[i] != '.'; ++i) {
    char c = text[i];
    if (is_digit(c)) {
      whole += c;
      ++group;
    } else if ((c == ',' || c == ' ') && !whole.empty()) {
      if ((grouped && group != 3) || (!grouped && group > 3)) return std::nullopt;
      grouped = true;
      group = 0;
    } else if (text.substr(i).starts_with("\xC2\xA0") && !whole.empty()) {
      if ((grouped && group != 3) || (!grouped && group > 3)) return std::nullopt;
      grouped = true;
      group = 0;
      ++i;
    } else {
      return std::nullopt;
    }
  }
  if (whole.empty() || (grouped && group != 3)) return std::nullopt;
  if (i < text.size()) {
    fraction = std::string(text.substr(i + 1));
    if (!all_digits(fraction)) return std::nullopt;
  }
  size_t lead = whole.find_first_not_of('0');
  whole = lead == std::string::npos ? "0" : whole.substr(lead);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  size_t significant = (whole == "0" ? 0 : whole.size()) + fraction.size();
  if (whole == "0") significant -= std::min(fraction.size(), fraction.find_first_not_of('0'));
  if (significant > 15 || fraction.size() > 15) return std::nullopt;
  if (whole.size() > 13 || (whole.size() == 13 && (whole != "1000000000000" || !fraction.empty()))) return std::nullopt;
  return fraction.empty() ? whole : whole + "." + fraction;
}

std::optional<std::string> read_sheet_percent(std::string_view text) {
  text = trim(text);
  if (text.ends_with('%')) text = trim(text.substr(0, text.size() - 1));
  if (text.empty() || text.find_first_of(",\xC2") != std::string_view::npos) return std::nullopt;
  std::optional<std::string> number = read_sheet_amount(text);
  if (!number) return std::nullopt;
  size_t point = number->find('.');
  std::string whole = number->substr(0, point);
  if (whole.size() > 3 || std::stoi(whole) > 100 || (whole == "100" && point != std::string::npos)) return std::nullopt;
  return number;
}

ImportResult import_sheet(std::string_view bytes, const ImportOptions& options) {
  ImportResult result;
  std::optional<DecodedText> decoded = decode_spreadsheet(bytes, options.file, result.findings);
  if (!decoded) return result;
  // The separator is the one under which a header row is found among the first rows:
  // comma, then semicolon (Excel where the decimal point is a comma), then tab.
  std::optional<char> separator;
  Diagnostics syntax;
  for (char candidate : {',', ';', '\t'}) {
    Diagnostics found;
    std::vector<CsvRow> first = read_csv(decoded->text, candidate, options.file, found, header_rows);
    if (candidate == ',') syntax = found;
    if (find_header(first)) {
      separator = candidate;
      break;
    }
  }
  if (!separator) {
    if (syntax.empty())
      result.findings.push_back(Diagnostic{
          options.file,
          {1, 1},
          Severity::error,
          "no-header",
          fmt::format("none of the first {} rows names the sheet's columns: no Action column was found", header_rows),
          "give the sheet a header row naming its columns, such as Key issue, Action, Lead officer, Start "
          "and Due; 'bvplan import --help' lists the names"});
    result.findings.insert(result.findings.end(), syntax.begin(), syntax.end());
    return result;
  }
  syntax.clear();
  std::vector<CsvRow> rows = read_csv(decoded->text, *separator, options.file, syntax);
  if (!syntax.empty()) {
    result.findings.insert(result.findings.end(), syntax.begin(), syntax.end());
    return result;
  }
  std::optional<size_t> header = find_header(rows);
  const char* separated = *separator == ',' ? "commas" : *separator == ';' ? "semicolons" : "tabs";
  result.notes.push_back(fmt::format("{} read as {}, separated by {}, with its header in row {}", options.file,
                                     to_string(decoded->encoding), separated, rows[*header].number));
  if (*header > 0)
    result.notes.push_back(rows[*header].number == 2
                               ? std::string("row 1, above the header, not imported")
                               : fmt::format("rows 1 to {}, above the header, not imported", rows[*header].number - 1));

  SheetReader reader(options, result);
  reader.read(rows, *header);
  Columns columns = map_columns(rows[*header].cells);
  if (count_severity(result.findings, Severity::error) > 0) {
    sort_diagnostics(result.findings);
    return result;
  }

  // Ids: those the sheet gives first, then the ones made for the rest.
  std::set<std::string> used;
  std::map<std::string, unsigned> action_rows;
  for (const SheetIssue& issue : reader.issues)
    if (!issue.id.empty()) used.insert(issue.id);
  for (const SheetAction& action : reader.actions) {
    if (action.id.empty()) continue;
    if (auto it = action_rows.find(action.id); it != action_rows.end())
      result.findings.push_back(
          Diagnostic{options.file,
                     {action.row, action.id_column},
                     Severity::error,
                     "duplicate-id",
                     fmt::format("action id '{}' is used again (row {} has it too)", shown(action.id), it->second),
                     "give each action its own id, or leave the ids blank to have bvplan make them"});
    else if (used.count(action.id))
      result.findings.push_back(Diagnostic{options.file,
                                           {action.row, action.id_column},
                                           Severity::error,
                                           "duplicate-id",
                                           fmt::format("action id '{}' is a key issue's id too", shown(action.id)),
                                           "give the action an id of its own"});
    action_rows.emplace(action.id, action.row);
  }
  for (const auto& [id, row] : action_rows) used.insert(id);
  if (count_severity(result.findings, Severity::error) > 0) {
    sort_diagnostics(result.findings);
    return result;
  }
  unsigned next_issue = 1;
  for (SheetIssue& issue : reader.issues) {
    if (!issue.id.empty()) continue;
    do issue.id = fmt::format("KI{}", next_issue++);
    while (used.count(issue.id));
    used.insert(issue.id);
  }
  for (SheetIssue& issue : reader.issues) {
    unsigned next_action = 1;
    for (size_t index : issue.actions) {
      SheetAction& action = reader.actions[index];
      if (!action.id.empty()) continue;
      do action.id = fmt::format("{}.{}", issue.id, next_action++);
      while (used.count(action.id));
      used.insert(action.id);
    }
  }
  std::vector<std::string> milestone_ids(reader.actions.size());
  for (size_t i = 0; i < reader.actions.size(); ++i) {
    if (reader.actions[i].milestone.empty()) continue;
    std::string id = reader.actions[i].id + "a";
    for (unsigned n = 2; used.count(id); ++n) id = fmt::format("{}a{}", reader.actions[i].id, n);
    used.insert(id);
    milestone_ids[i] = id;
  }

  // Owners, in the order the sheet names them.
  OwnerNamer namer(options.registered);
  for (SheetAction& action : reader.actions) {
    action.lead_id = namer.id_for(action.lead);
    for (const std::string& name : action.support) {
      std::string id = namer.id_for(name);
      if (id != action.lead_id &&
          std::find(action.support_ids.begin(), action.support_ids.end(), id) == action.support_ids.end())
        action.support_ids.push_back(id);
    }
  }

  // The plan's period: as given, else from the rows.
  std::optional<Date> start = options.start, end = options.end;
  std::optional<Date> earliest, latest;
  size_t without_start = 0, milestones_undated = 0;
  for (const SheetAction& action : reader.actions) {
    if (action.start)
      earliest = earliest ? std::min(*earliest, *action.start) : *action.start;
    else
      ++without_start;
    latest = latest ? std::max(*latest, action.due) : action.due;
    if (action.milestone_due) latest = std::max(*latest, *action.milestone_due);
    if (!action.milestone.empty() && !action.milestone_due) ++milestones_undated;
  }
  if (reader.actions.empty()) {
    result.findings.push_back(Diagnostic{options.file,
                                         {rows[*header].number, columns.at(Role::title)},
                                         Severity::error,
                                         "no-actions",
                                         "the sheet has no actions below its header",
                                         "put one action on each row below the header row"});
    return result;
  }
  std::vector<std::string> derived;
  if (!start) {
    if (!earliest) {
      result.findings.push_back(Diagnostic{options.file,
                                           {},
                                           Severity::error,
                                           "no-start",
                                           "no row gives a start date, so the plan's start is not known",
                                           "give the plan's start with --start"});
      return result;
    }
    start = earliest;
    derived.push_back(fmt::format("start {} (the earliest start)", to_iso(*start)));
  }
  if (!end) {
    end = latest;
    derived.push_back(fmt::format("end {} (the latest due date)", to_iso(*end)));
  }
  if (!derived.empty())
    result.notes.push_back(fmt::format("the plan's {} {} from the rows; --start and --end set them",
                                       fmt::join(derived, " and "), derived.size() == 1 ? "is" : "are"));
  if (without_start > 0)
    result.notes.push_back(fmt::format("{} without a start date {} with the plan, on {}",
                                       plural_of(without_start, "action", "actions"),
                                       without_start == 1 ? "starts" : "start", to_iso(*start)));
  if (milestones_undated > 0)
    result.notes.push_back(
        fmt::format("{} without a date {} due with {} action", plural_of(milestones_undated, "milestone", "milestones"),
                    milestones_undated == 1 ? "is" : "are", milestones_undated == 1 ? "its" : "their"));
  if (reader.dated_today > 0)
    result.notes.push_back(fmt::format(
        "{} dated {}{}", plural_of(reader.dated_today, "update is", "updates are"), to_iso(options.progress_date),
        options.progress_date_given ? " (--date)"
                                    : ", today, as the sheet gives no update date (--date sets another)"));
  if (!columns.computed.empty()) {
    std::vector<std::string> names;
    for (unsigned column : columns.computed)
      names.push_back(fmt::format("'{}'", trim(rows[*header].cells[column - 1])));
    result.notes.push_back(fmt::format("not imported, as bvplan works {} out from the dates and progress: {}",
                                       names.size() == 1 ? "it" : "them", fmt::join(names, ", ")));
  }
  if (!namer.declared().empty()) {
    std::vector<std::string> named;
    for (const auto& [id, name] : namer.declared())
      if (id != name) named.push_back(fmt::format("{} ({})", shown(id), shown(name)));
    if (!named.empty())
      result.notes.push_back(fmt::format("owners declared in the plan from their names: {}", fmt::join(named, ", ")));
  }

  // The plan.
  PlanWriter w;
  w.raw(fmt::format("# Imported by 'bvplan import' from {}.\n", escape_control(options.source_name)));
  w.key(0, "bvplan", "1");
  w.open(0, "plan");
  w.key(2, "id", yaml_text(options.plan_id));
  w.text(2, "title", options.title);
  w.key(2, "start", to_iso(*start));
  w.key(2, "end", to_iso(*end));
  if (!namer.declared().empty()) {
    w.open(0, "owners");
    for (const auto& [id, name] : namer.declared()) w.text(2, yaml_text(id), name);
  }
  w.open(0, "issues");
  for (const SheetIssue& issue : reader.issues) {
    if (issue.actions.empty()) continue;
    w.item(2, "id", yaml_text(issue.id));
    w.text(4, "title", issue.title);
    w.open(4, "actions");
    for (size_t index : issue.actions) write_action(w, reader.actions[index], *start, milestone_ids[index]);
    ++result.issues;
  }
  result.actions = reader.actions.size();
  result.text = w.take();
  sort_diagnostics(result.findings);
  return result;
}

}  // namespace bvplan
