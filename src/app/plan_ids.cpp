#include "bvplan/app/plan_ids.hpp"

#include <algorithm>
#include <optional>

#include "bvplan/core/text.hpp"
#include "bvplan/io/files.hpp"
#include "bvplan/io/workspace.hpp"
#include "bvplan/model/loader.hpp"

namespace bvplan {

namespace {

// A shell waits for the answer: from /, or a home folder full of other YAML, the ids are
// those found within these bounds rather than all of them, seconds later.
constexpr size_t max_entries = 20000;   // folder entries looked at
constexpr size_t max_files = 200;       // plan files read
constexpr size_t max_bytes = 32 << 20;  // bytes read, all files together

}  // namespace

std::vector<std::string> ids_in_plans(const std::vector<std::string>& paths, size_t max_file_size, IdKinds kinds) {
  std::vector<std::string> ids;
  std::vector<std::string> where = paths.empty() ? std::vector<std::string>{"."} : paths;
  size_t files = 0, bytes = 0;
  for (const std::string& file : collect_plan_files(where, max_entries).files) {
    if (file == "-") continue;
    if (++files > max_files || bytes > max_bytes) break;
    try {
      std::optional<Diagnostic> too_big;
      SourceFile source = read_source_file(file, max_file_size, too_big);
      if (too_big) continue;
      bytes += source.text.size();
      LoadResult loaded = load_plan_text(source);
      if (!loaded.plan) continue;
      for (std::string& id : declared_ids(*loaded.plan, kinds))
        if (is_valid_id(id)) ids.push_back(std::move(id));
    } catch (const Error&) {
      // An unreadable file offers no ids; completion never reports.
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace bvplan
