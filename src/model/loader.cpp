#include "bvplan/model/loader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/yaml/reader.hpp"

namespace bvplan {

std::string to_string(Cadence cadence) {
  switch (cadence.months) {
    case 1: return "month";
    case 3: return "quarter";
    case 12: return "year";
    default: return fmt::format("{} months", cadence.months);
  }
}

const char* to_string(ActionStatus status) {
  switch (status) {
    case ActionStatus::active: return "active";
    case ActionStatus::deferred: return "deferred";
    case ActionStatus::cancelled: return "cancelled";
  }
  return "active";
}

Cadence shortest_cadence(const Plan& plan) {
  if (plan.monitoring.empty()) return Cadence{3};
  Cadence shortest = plan.monitoring.front().every;
  for (const Monitoring& m : plan.monitoring)
    if (m.every.months < shortest.months) shortest = m.every;
  return shortest;
}

Date period_start(Cadence cadence, Date as_of) {
  // Never before the calendar bvplan writes: no update can be dated earlier anyway.
  return std::max(Date::earliest(), as_of.plus_days(1).plus_months(-cadence.months));
}

namespace {

// A mapping's keys checked against the format: unknown keys reported (with a likely
// correction), required keys checked, and values looked up by name.
class Fields {
public:
  Fields(const Node& map, std::initializer_list<const char*> known) : map_(map) {
    for (const char* k : known) known_.emplace_back(k);
  }
  const Node* get(std::string_view name) const { return map_.find(name); }
  const Node& map() const { return map_; }
  const std::vector<std::string>& known() const { return known_; }

private:
  const Node& map_;
  std::vector<std::string> known_;
};

// The first control character in `text` other than tab and line breaks: C0, DEL, or a C1
// control (U+0080 to U+009F, two bytes in UTF-8).
std::optional<unsigned> control_character(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    auto u = static_cast<unsigned char>(text[i]);
    if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F) return u;
    if (u == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) < 0xA0)
      return static_cast<unsigned char>(text[i + 1]);
  }
  return std::nullopt;
}

// The significant digits and the decimal places a number in a plan may have (see
// bvplan-plan(5), VALUES).
constexpr size_t max_digits = 15;

class Loader {
public:
  Loader(std::string file, Diagnostics& diagnostics) : file_(std::move(file)), diagnostics_(diagnostics) {}

  void error(Position at, const char* rule, std::string message, std::string hint = {}) {
    diagnostics_.push_back({file_, at, Severity::error, rule, std::move(message), std::move(hint)});
  }

  // Reports a node that should be a mapping; returns whether it is one.
  bool expect_map(const Node& node, std::string_view what) {
    if (node.is_map()) return true;
    if (node.refused) return false;
    error(node.position, "wrong-type",
          fmt::format("{} must be a mapping of keys to values, found {}", what, describe(node)),
          "write it as indented 'key: value' lines");
    return false;
  }

  bool expect_list(const Node& node, std::string_view what) {
    if (node.is_sequence()) return true;
    if (node.refused) return false;
    error(node.position, "wrong-type", fmt::format("{} must be a list, found {}", what, describe(node)),
          "write each item on its own line starting with '- '");
    return false;
  }

  // Checks for unknown and missing keys. Returns false when a required key is missing.
  bool check_keys(const Fields& fields, std::string_view what, std::initializer_list<const char*> required) {
    const Node& map = fields.map();
    for (size_t i = 0; i < map.map_size(); ++i) {
      const Node& key = map.key(i);
      if (!key.is_scalar()) {
        error(key.position, "wrong-type", fmt::format("keys in {} must be plain names", what));
        continue;
      }
      const auto& known = fields.known();
      if (std::find(known.begin(), known.end(), key.value()) == known.end())
        error(key.position, "unknown-key",
              fmt::format("unknown key '{}' in {}{}", key.value(), what, did_you_mean(key.value(), known)),
              fmt::format("the keys allowed here are: {}", fmt::join(known, ", ")));
    }
    bool all = true;
    for (const char* name : required) {
      if (!fields.get(name)) {
        error(map.position, "missing-key", fmt::format("{} has no '{}'", what, name),
              fmt::format("add '{}:' to {}", name, what));
        all = false;
      }
    }
    return all;
  }

  std::optional<std::string> text(const Node* node, std::string_view key) {
    if (!node || node->refused) return std::nullopt;
    if (node->is_scalar()) {
      std::string_view v = node->value();
      // Control characters (a vertical tab pasted from a word processor, or a "\v" escape)
      // break papers, spreadsheets and calendars, and an ESC or a C1 control (U+0080 to
      // U+009F, e.g. U+009B, a terminal's CSI) drives terminals; only tab and line breaks
      // are text.
      if (auto bad = control_character(v)) {
        error(node->position, "bad-value", fmt::format("'{}' contains the control character U+{:04X}", key, *bad),
              "remove it (it is invisible in most editors; retype the text around it)");
        return std::nullopt;
      }
      return std::string(v);
    }
    if (node->is_null()) {
      error(node->position, "wrong-type", fmt::format("'{}' is empty", key),
            fmt::format("write a value after '{}:', or remove the key", key));
      return std::nullopt;
    }
    error(node->position, "wrong-type", fmt::format("'{}' must be text, found {}", key, describe(*node)),
          "quote the text if it contains special characters");
    return std::nullopt;
  }

  std::optional<std::string> id(const Node* node, std::string_view key) {
    auto value = text(node, key);
    if (!value) return std::nullopt;
    if (!is_valid_id(*value)) {
      error(node->position, "bad-value", fmt::format("malformed id '{}'", *value),
            "ids start with a letter or digit, then letters, digits, '.', '_' or '-'");
      return std::nullopt;
    }
    return value;
  }

  std::optional<Date> date(const Node* node, std::string_view key) {
    auto value = text(node, key);
    if (!value) return std::nullopt;
    if (auto parsed = parse_date(*value)) return parsed;
    bool shaped = value->size() == 10 && (*value)[4] == '-' && (*value)[7] == '-';
    error(
        node->position, "bad-date",
        shaped ? fmt::format("'{}' is not a date that exists", *value)
               : fmt::format("'{}' is not a date in the form YYYY-MM-DD", *value),
        shaped ? "check the day and month (months have 28 to 31 days)" : "write dates as YYYY-MM-DD, e.g. 2004-06-30");
    return std::nullopt;
  }

  std::optional<double> number(const Node* node, std::string_view key) {
    if (!node || node->refused) return std::nullopt;
    if (!node->is_scalar()) {
      error(node->position, "wrong-type", fmt::format("'{}' must be a number, found {}", key, describe(*node)));
      return std::nullopt;
    }
    std::string_view v = node->value();
    if (!node->plain) {
      error(node->position, "wrong-type", fmt::format("'{}' must be a number, found the quoted text '{}'", key, v),
            "remove the quotes");
      return std::nullopt;
    }
    // -?(0|[1-9][0-9]*)(\.[0-9]+)?
    size_t i = 0;
    if (i < v.size() && v[i] == '-') ++i;
    size_t digits = i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
    bool ok = i > digits && !(v[digits] == '0' && i - digits > 1);
    if (ok && i < v.size() && v[i] == '.') {
      size_t fraction = ++i;
      while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
      ok = i > fraction;
    }
    ok = ok && i == v.size();
    if (!ok) {
      bool numeric_looking =
          !v.empty() && (std::isdigit(static_cast<unsigned char>(v[0])) || v[0] == '-' || v[0] == '+' || v[0] == '.');
      // `complete: 90%`: the number is right, the sign is not.
      std::string_view without_percent = v.substr(0, v.size() - 1);
      while (!without_percent.empty() && without_percent.back() == ' ') without_percent.remove_suffix(1);
      bool percent_sign = v.size() > 1 && v.back() == '%' && !without_percent.empty() &&
                          std::all_of(without_percent.begin(), without_percent.end(),
                                      [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
      error(node->position, numeric_looking ? "bad-value" : "wrong-type",
            fmt::format("'{}' must be a plain decimal number, found '{}'", key, v),
            percent_sign ? fmt::format("drop the '%': write '{}: {}' (percentages are plain numbers from 0 to 100)",
                                       key, without_percent)
                         : "write numbers like 1500 or 12.5: no leading zeros, exponents, signs other "
                           "than '-', currency symbols or separators");
      return std::nullopt;
    }
    // Every number with at most 15 significant digits has a double of its own (DBL_DIG),
    // so comparing doubles compares the numbers as written: 100.00000000000000001 is
    // never taken for 100. At most 15 decimal places keep a tiny number from becoming 0.
    size_t point = v.find('.');
    size_t decimals = point == std::string_view::npos ? 0 : v.size() - point - 1;
    size_t first = v.find_first_not_of("-0.");
    size_t significant = 0;
    for (size_t k = first == std::string_view::npos ? v.size() : first; k < v.size(); ++k)
      if (v[k] != '.') ++significant;
    auto too_precise = [&] {
      error(node->position, "bad-value", fmt::format("'{}' is {}: more digits than bvplan can compare exactly", key, v),
            fmt::format("write at most {} significant digits and at most {} decimal places", max_digits, max_digits));
      return std::nullopt;
    };
    if (decimals > max_digits) return too_precise();
    double out = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    // A trillion is beyond any council's plan; past it, figures would lose their pence.
    if (ec != std::errc() || end != v.data() + v.size() || std::fabs(out) > 1e12) {
      error(node->position, "bad-value", fmt::format("'{}' is {}, too large a number for a plan", key, v),
            "numbers in a plan are at most 1000000000000");
      return std::nullopt;
    }
    if (significant > max_digits) return too_precise();
    return out;
  }

  std::optional<double> at_least(const Node* node, std::string_view key, double minimum, std::string_view what) {
    auto value = number(node, key);
    if (value && *value < minimum) {
      error(node->position, "bad-value",
            fmt::format("'{}' is {}, but {} cannot be negative", key, node->value(), what));
      return std::nullopt;
    }
    return value;
  }

  std::optional<double> money(const Node* node, std::string_view key) {
    return at_least(node, key, 0, "an amount of money");
  }

  std::optional<double> percent(const Node* node, std::string_view key) {
    auto value = number(node, key);
    if (value && (*value < 0 || *value > 100)) {
      error(node->position, "bad-value", fmt::format("'{}' is {}, outside 0 to 100 percent", key, node->value()));
      return std::nullopt;
    }
    return value;
  }

  std::optional<unsigned> whole(const Node* node, std::string_view key) {
    auto value = at_least(node, key, 0, "a count");
    if (!value) return std::nullopt;
    if (node->value().find('.') != std::string::npos || *value > 1e6) {
      error(node->position, "bad-value", fmt::format("'{}' must be a whole number, found {}", key, node->value()));
      return std::nullopt;
    }
    return static_cast<unsigned>(*value);
  }

  std::optional<bool> boolean(const Node* node, std::string_view key) {
    if (!node || node->refused) return std::nullopt;
    if (node->is_scalar() && node->plain && (node->value() == "true" || node->value() == "false"))
      return node->value() == "true";
    error(node->position, "wrong-type",
          fmt::format("'{}' must be true or false, found {}", key,
                      node->is_scalar() ? fmt::format("'{}'", node->value()) : describe(*node)),
          "bvplan accepts only true and false (not yes, no, on or off)");
    return std::nullopt;
  }

  std::optional<Reference> reference(const Node* node, std::string_view key) {
    if (node && node->is_scalar() && !node->value().empty() && !is_valid_id(node->value()))
      malformed_references_.push_back(Reference{std::string(node->value()), node->position});
    auto value = id(node, key);
    if (!value) return std::nullopt;
    return Reference{*value, node->position};
  }

  std::vector<Reference> references(const Node* node, std::string_view key) {
    std::vector<Reference> out;
    if (!node) return out;
    if (node->is_null()) return out;
    if (!expect_list(*node, fmt::format("'{}'", key))) return out;
    out.reserve(node->items().size());
    for (const Node& item : node->items())
      if (auto ref = reference(&item, key)) out.push_back(std::move(*ref));
    return out;
  }

  std::optional<Cadence> cadence(const Node* node) {
    auto value = text(node, "every");
    if (!value) return std::nullopt;
    const std::string& v = *value;
    if (v == "month") return Cadence{1};
    if (v == "quarter") return Cadence{3};
    if (v == "year") return Cadence{12};
    auto space = v.find(' ');
    if (space != std::string::npos && v.substr(space) == " months") {
      int n = 0;
      auto [end, ec] = std::from_chars(v.data(), v.data() + space, n);
      if (ec == std::errc() && end == v.data() + space && n >= 1 && n <= 120 && v[0] != '0') return Cadence{n};
    }
    error(node->position, "bad-value", fmt::format("unknown cadence '{}'", v),
          "use month, quarter, 6 months, year, or N months");
    return std::nullopt;
  }

  Owner owner(const Node& key, const Node& value) {
    Owner out;
    out.id = std::string(key.value());
    out.file = file_;
    out.position = key.position;
    if (!is_valid_id(key.value()))
      error(key.position, "bad-value", fmt::format("malformed owner id '{}'", key.value()),
            "ids start with a letter or digit, then letters, digits, '.', '_' or '-'");
    if (value.is_scalar()) {
      // The short form `SPS: Strategic & Performance Services` is the owner's name.
      if (auto name = text(&value, "name")) out.name = *name;
      return out;
    }
    if (!value.is_map()) {
      error(value.position, "wrong-type",
            fmt::format("owner '{}' must be a name or a mapping with 'name', found {}", key.value(), describe(value)));
      return out;
    }
    Fields f(value, {"name", "role", "max_actions", "days_per_month"});
    check_keys(f, fmt::format("owner '{}'", key.value()), {"name"});
    if (auto v = text(f.get("name"), "name")) out.name = *v;
    if (auto v = text(f.get("role"), "role")) out.role = *v;
    out.max_actions = whole(f.get("max_actions"), "max_actions");
    out.days_per_month = at_least(f.get("days_per_month"), "days_per_month", 0, "a number of days");
    return out;
  }

  Owners owners(const Node& node, bool plan_local) {
    Owners out;
    if (node.is_null()) return out;
    if (!expect_map(node, "'owners'")) return out;
    for (size_t i = 0; i < node.map_size(); ++i) {
      if (!node.key(i).is_scalar()) {
        error(node.key(i).position, "wrong-type", "owner ids in 'owners' must be plain names");
        continue;
      }
      Owner o = owner(node.key(i), node.value_at(i));
      o.plan_local = plan_local;
      out.emplace(o.id, std::move(o));
    }
    return out;
  }

  void plan_section(const Node& node, Plan& plan) {
    if (!expect_map(node, "'plan'")) return;
    Fields f(node, {"id", "title", "start", "end", "review", "owner", "budget", "currency", "savings_target",
                    "monitoring", "rag"});
    check_keys(f, "'plan'", {"id", "title", "start", "end"});
    auto id_value = id(f.get("id"), "id");
    auto title = text(f.get("title"), "title");
    auto start = date(f.get("start"), "start");
    auto end = date(f.get("end"), "end");
    if (id_value) {
      plan.id = *id_value;
      plan.position = f.get("id")->position;
    }
    if (title) plan.title = *title;
    if (start) {
      plan.start = *start;
      plan.start_position = f.get("start")->position;
    }
    if (end) {
      plan.end = *end;
      plan.end_position = f.get("end")->position;
    }
    plan.well_formed = id_value && title && start && end;
    if (auto v = text(f.get("review"), "review")) plan.review = *v;
    plan.owner = reference(f.get("owner"), "owner");
    plan.budget = money(f.get("budget"), "budget");
    if (plan.budget) plan.budget_position = f.get("budget")->position;
    if (auto v = text(f.get("currency"), "currency")) {
      // An ISO 4217 code: it is written next to every amount in every format.
      bool code = v->size() == 3 && std::all_of(v->begin(), v->end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if (code)
        plan.currency = *v;
      else
        error(f.get("currency")->position, "bad-value",
              fmt::format("currency '{}' is not a three-letter currency code", *v),
              "write an ISO 4217 code in capitals, such as GBP, EUR or USD");
    }
    plan.savings_target = money(f.get("savings_target"), "savings_target");
    if (const Node* monitoring = f.get("monitoring");
        monitoring && !monitoring->is_null() && expect_list(*monitoring, "'monitoring'")) {
      for (const Node& item : monitoring->items()) {
        if (!expect_map(item, "a monitoring entry")) continue;
        Fields m(item, {"body", "every"});
        if (!check_keys(m, "a monitoring entry", {"body", "every"})) continue;
        auto body = text(m.get("body"), "body");
        auto every = cadence(m.get("every"));
        if (body && every) plan.monitoring.push_back({*body, *every, item.position});
      }
    }
    if (const Node* rag = f.get("rag"); rag && expect_map(*rag, "'rag'")) {
      Fields r(*rag, {"green", "amber"});
      check_keys(r, "'rag'", {});
      if (auto g = percent(r.get("green"), "green")) {
        plan.rag.green = *g;
        // Lowering green alone brings the default amber down with it.
        if (!r.get("amber")) plan.rag.amber = std::min(plan.rag.amber, *g);
      }
      if (auto a = percent(r.get("amber"), "amber")) plan.rag.amber = *a;
      if (plan.rag.amber > plan.rag.green)
        error(rag->position, "bad-value",
              fmt::format("rag amber threshold {} is above the green threshold {}", plan.rag.amber, plan.rag.green),
              "amber must be at most green, e.g. green: 90, amber: 70");
    }
  }

  Milestone milestone(const Node& node, bool& ok) {
    Milestone out;
    ok = false;
    if (!expect_map(node, "a milestone")) return out;
    Fields f(node, {"id", "title", "due", "done"});
    bool complete = check_keys(f, "a milestone", {"id", "title", "due"});
    auto id_value = id(f.get("id"), "id");
    auto title = text(f.get("title"), "title");
    auto due = date(f.get("due"), "due");
    if (id_value) {
      out.id = *id_value;
      out.position = f.get("id")->position;
    }
    if (title) out.title = *title;
    if (due) {
      out.due = *due;
      out.due_position = f.get("due")->position;
    }
    if (f.get("done")) {
      out.done = date(f.get("done"), "done");
      out.done_position = f.get("done")->position;
    }
    ok = complete && id_value && title && due;
    return out;
  }

  std::optional<Update> update(const Node& node) {
    if (!expect_map(node, "an update")) return std::nullopt;
    Fields f(node, {"date", "complete", "spent", "staff_days", "savings", "summary", "remedy", "benefits", "next",
                    "changes"});
    bool complete = check_keys(f, "an update", {"date", "complete"});
    Update out;
    auto when = date(f.get("date"), "date");
    auto done = percent(f.get("complete"), "complete");
    out.spent = money(f.get("spent"), "spent");
    if (out.spent) out.spent_position = f.get("spent")->position;
    out.staff_days = at_least(f.get("staff_days"), "staff_days", 0, "a number of days");
    out.savings = money(f.get("savings"), "savings");
    if (auto v = text(f.get("summary"), "summary")) out.summary = *v;
    if (auto v = text(f.get("remedy"), "remedy")) out.remedy = *v;
    if (auto v = text(f.get("benefits"), "benefits")) out.benefits = *v;
    if (auto v = text(f.get("next"), "next")) out.next = *v;
    if (auto v = text(f.get("changes"), "changes")) out.changes = *v;
    if (!complete || !when || !done) return std::nullopt;
    out.date = *when;
    out.position = f.get("date")->position;
    out.complete = *done;
    out.complete_position = f.get("complete")->position;
    return out;
  }

  std::optional<Rebaseline> rebaseline(const Node& node) {
    if (!expect_map(node, "a rebaselined entry")) return std::nullopt;
    Fields f(node, {"date", "from", "to", "reason", "approved_by"});
    bool complete = check_keys(f, "a rebaselined entry", {"date", "from", "to"});
    Rebaseline out;
    auto when = date(f.get("date"), "date");
    auto from = date(f.get("from"), "from");
    auto to = date(f.get("to"), "to");
    if (auto v = text(f.get("reason"), "reason")) out.reason = *v;
    if (auto v = text(f.get("approved_by"), "approved_by")) out.approved_by = *v;
    if (!complete || !when || !from || !to) return std::nullopt;
    out.date = *when;
    out.from = *from;
    out.to = *to;
    out.position = node.position;
    return out;
  }

  Action action(const Node& node) {
    Action out;
    if (!expect_map(node, "an action")) return out;
    Fields f(node,
             {"id", "title", "lead", "start", "due", "support", "weight", "budget", "savings_target", "effort_days",
              "external", "depends_on", "status", "targets", "milestones", "updates", "rebaselined", "notes"});
    bool complete = check_keys(f, "an action", {"id", "title", "lead", "start", "due"});
    auto id_value = id(f.get("id"), "id");
    auto title = text(f.get("title"), "title");
    auto lead = reference(f.get("lead"), "lead");
    auto start = date(f.get("start"), "start");
    auto due = date(f.get("due"), "due");
    out.position = node.position;
    if (id_value) {
      out.id = *id_value;
      out.position = f.get("id")->position;
    }
    if (title) out.title = *title;
    if (lead) out.lead = *lead;
    if (start) {
      out.start = *start;
      out.start_position = f.get("start")->position;
    }
    if (due) {
      out.due = *due;
      out.due_position = f.get("due")->position;
    }
    out.support = references(f.get("support"), "support");
    if (const Node* w = f.get("weight")) {
      if (auto v = number(w, "weight")) {
        if (*v <= 0)
          error(w->position, "bad-value", fmt::format("'weight' is {}, but must be above 0", w->value()),
                "use status: cancelled or deferred to take an action out of the roll-up");
        else
          out.weight = *v;
      }
    }
    out.budget = money(f.get("budget"), "budget");
    if (out.budget) out.budget_position = f.get("budget")->position;
    out.savings_target = money(f.get("savings_target"), "savings_target");
    out.effort_days = at_least(f.get("effort_days"), "effort_days", 0, "a number of days");
    if (f.get("external")) out.external = boolean(f.get("external"), "external").value_or(false);
    out.depends_on = references(f.get("depends_on"), "depends_on");
    if (auto status = text(f.get("status"), "status")) {
      if (*status == "active")
        out.status = ActionStatus::active;
      else if (*status == "deferred")
        out.status = ActionStatus::deferred;
      else if (*status == "cancelled")
        out.status = ActionStatus::cancelled;
      else
        error(f.get("status")->position, "bad-value",
              fmt::format("unknown status '{}'{}", *status, did_you_mean(*status, {"active", "deferred", "cancelled"})),
              "use active, deferred or cancelled");
    }
    if (const Node* targets = f.get("targets"); targets && expect_map(*targets, "'targets'")) {
      for (size_t i = 0; i < targets->map_size(); ++i) {
        auto when = date(&targets->key(i), "targets");
        auto value = percent(&targets->value_at(i), "target");
        if (when && value) out.targets.push_back({*when, *value, targets->key(i).position});
      }
      std::stable_sort(out.targets.begin(), out.targets.end(),
                       [](const TargetPoint& a, const TargetPoint& b) { return a.date < b.date; });
    }
    if (const Node* list = f.get("milestones"); list && !list->is_null() && expect_list(*list, "'milestones'")) {
      out.milestones.reserve(list->items().size());
      for (const Node& item : list->items()) {
        bool ok = false;
        Milestone m = milestone(item, ok);
        if (ok) out.milestones.push_back(std::move(m));
      }
    }
    if (const Node* list = f.get("updates"); list && !list->is_null() && expect_list(*list, "'updates'")) {
      out.updates.reserve(list->items().size());
      for (const Node& item : list->items())
        if (auto u = update(item)) out.updates.push_back(std::move(*u));
    }
    if (const Node* list = f.get("rebaselined"); list && !list->is_null() && expect_list(*list, "'rebaselined'")) {
      for (const Node& item : list->items())
        if (auto r = rebaseline(item)) out.rebaselined.push_back(std::move(*r));
    }
    if (auto v = text(f.get("notes"), "notes")) out.notes = *v;
    out.well_formed = complete && id_value && title && lead && start && due;
    return out;
  }

  KeyIssue issue(const Node& node) {
    KeyIssue out;
    if (!expect_map(node, "a key issue")) return out;
    Fields f(node, {"id", "title", "description", "external_support", "monitored_by", "actions"});
    check_keys(f, "a key issue", {"id", "title", "actions"});
    out.position = node.position;
    if (auto v = id(f.get("id"), "id")) {
      out.id = *v;
      out.position = f.get("id")->position;
    }
    if (auto v = text(f.get("title"), "title")) out.title = *v;
    if (auto v = text(f.get("description"), "description")) out.description = *v;
    if (const Node* support = f.get("external_support"); support && expect_map(*support, "'external_support'")) {
      Fields s(*support, {"from", "to", "provider", "note"});
      check_keys(s, "'external_support'", {});
      ExternalSupport es;
      es.from = s.get("from") ? date(s.get("from"), "from") : std::nullopt;
      es.to = s.get("to") ? date(s.get("to"), "to") : std::nullopt;
      if (auto v = text(s.get("provider"), "provider")) es.provider = *v;
      if (auto v = text(s.get("note"), "note")) es.note = *v;
      if (es.from && es.to && *es.from > *es.to)
        error(s.get("from")->position, "date-order",
              fmt::format("external support starts on {} after it ends on {}", to_iso(*es.from), to_iso(*es.to)));
      out.external_support = std::move(es);
    }
    if (const Node* by = f.get("monitored_by")) {
      if (by->is_sequence()) {
        for (const Node& item : by->items())
          if (auto v = text(&item, "monitored_by")) out.monitored_by.push_back(*v);
      } else if (auto v = text(by, "monitored_by")) {
        out.monitored_by.push_back(*v);
      }
    }
    if (const Node* actions = f.get("actions"); actions && expect_list(*actions, "'actions'")) {
      if (actions->items().empty())
        error(actions->position, "missing-key", "key issue has no actions", "add at least one action under 'actions:'");
      out.actions.reserve(actions->items().size());
      for (const Node& item : actions->items()) out.actions.push_back(action(item));
    }
    return out;
  }

  Plan plan(const Node& root) {
    Plan out;
    out.file = file_;
    if (!expect_map(root, "a plan file")) return out;
    Fields f(root, {"bvplan", "plan", "owners", "issues"});
    check_keys(f, "the plan file", {"bvplan", "plan", "issues"});
    if (const Node* version = f.get("bvplan")) {
      if (auto v = number(version, "bvplan"); v && (*v != 1 || version->value() != "1"))
        error(version->position, "bad-value",
              fmt::format("format version {} is not supported; this bvplan reads version 1", version->value()),
              "write 'bvplan: 1'");
    }
    if (const Node* p = f.get("plan")) plan_section(*p, out);
    if (const Node* o = f.get("owners")) out.owners = owners(*o, true);
    if (const Node* issues = f.get("issues"); issues && expect_list(*issues, "'issues'")) {
      if (issues->items().empty())
        error(issues->position, "missing-key", "plan has no key issues", "add at least one key issue under 'issues:'");
      out.issues.reserve(issues->items().size());
      for (const Node& item : issues->items()) out.issues.push_back(issue(item));
    }
    out.malformed_owner_references = std::move(malformed_references_);
    return out;
  }

  Owners register_file(const Node& root) {
    if (!expect_map(root, "an owners register")) return {};
    Fields f(root, {"owners"});
    check_keys(f, "the owners register", {"owners"});
    if (const Node* o = f.get("owners")) return owners(*o, false);
    return {};
  }

private:
  std::string file_;
  Diagnostics& diagnostics_;
  std::vector<Reference> malformed_references_;
};

void report_empty(const std::string& file, Diagnostics& diagnostics, const char* what, const char* hint) {
  diagnostics.push_back(
      {file, {1, 1}, Severity::error, "missing-key", fmt::format("file is empty; expected {}", what), hint});
}

}  // namespace

Plan load_plan(const Document& document, const std::string& file, Diagnostics& diagnostics) {
  if (document.empty || document.root.is_null()) {
    report_empty(file, diagnostics, "a plan", "a plan starts with 'bvplan: 1', then 'plan:' and 'issues:'");
    Plan empty;
    empty.file = file;
    return empty;
  }
  return Loader(file, diagnostics).plan(document.root);
}

Owners load_owners(const Document& document, const std::string& file, Diagnostics& diagnostics) {
  if (document.empty || document.root.is_null()) {
    report_empty(file, diagnostics, "an owners register",
                 "an owners register starts with 'owners:', then one 'ID: name' line per owner");
    return {};
  }
  return Loader(file, diagnostics).register_file(document.root);
}

LoadResult load_plan_text(SourceFile& source) {
  LoadResult result;
  result.diagnostics = check_encoding(source);
  if (!result.diagnostics.empty()) return result;
  Document document = read_yaml(source, result.diagnostics);
  if (!document.usable) return result;
  result.plan = load_plan(document, source.path, result.diagnostics);
  return result;
}

}  // namespace bvplan
