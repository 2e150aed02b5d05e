// libFuzzer target: arbitrary bytes as a plan, and `update`'s edits on every item the text
// holds: an entry appended to each action's updates (with text that needs quoting and a
// block scalar), each measure's actuals and each risk's reviews, and each milestone's
// done set. Anything but a clean return or bvplan::Error (a crash, a sanitizer report, a
// hang) is a bug; an edit whose result does not parse is refused by `update`'s check, so
// it is not one. See scripts/fuzz.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bvplan/authoring/edit.hpp"
#include "bvplan/core/diagnostic.hpp"
#include "bvplan/core/source.hpp"
#include "bvplan/yaml/reader.hpp"

using namespace bvplan;

namespace {

void ids_in(const Node* list, std::vector<std::string>& ids, bool actions) {
  if (!list || !list->is_sequence()) return;
  for (const Node& item : list->items()) {
    if (!item.is_map()) continue;
    if (const Node* id = item.find("id"); id && id->is_scalar()) ids.emplace_back(id->value());
    if (actions) ids_in(item.find("milestones"), ids, false);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::vector<EntryField> entry = {
      {"date", "2004-06-30"}, {"complete", "60"}, {"summary", "Note: #1 priority\nsecond line", true}};
  try {
    SourceFile source("plan.yaml", text);
    Diagnostics diagnostics = check_encoding(source);
    if (!diagnostics.empty()) return 0;
    Document document = read_yaml(source, diagnostics);
    if (count_severity(diagnostics, Severity::error) > 0 || !document.usable || !document.root.is_map()) return 0;
    std::vector<std::string> ids;
    if (const Node* issues = document.root.find("issues"); issues && issues->is_sequence())
      for (const Node& issue : issues->items())
        if (issue.is_map()) ids_in(issue.find("actions"), ids, true);
    ids_in(document.root.find("measures"), ids, false);
    ids_in(document.root.find("risks"), ids, false);
    for (const std::string& id : ids)
      for (const FoundItem& item : find_items(document, id)) {
        try {
          if (item.kind == ItemKind::milestone)
            set_field(source.text, *item.map, {"done", "2004-06-20"});
          else
            append_entry(source.text, document, *item.map,
                         item.kind == ItemKind::action    ? "updates"
                         : item.kind == ItemKind::measure ? "actuals"
                                                          : "reviews",
                         entry);
        } catch (const Error&) {
          // A layout update refuses to edit, with a message.
        }
      }
  } catch (const Error&) {}
  return 0;
}
