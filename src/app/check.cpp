#include "bvplan/app/check.hpp"

#include <filesystem>
#include <map>
#include <memory>

#include "bvplan/figures/remedies.hpp"
#include "bvplan/git/repository.hpp"
#include "bvplan/model/loader.hpp"
#include "bvplan/rules/validate.hpp"
#include "bvplan/yaml/reader.hpp"

namespace bvplan {

CheckedPlan read_plan_for_check(SourceFile& source, const OwnersRegister& inherited) {
  CheckedPlan checked;
  LoadResult loaded = load_plan_text(source);
  checked.diagnostics = std::move(loaded.diagnostics);
  if (loaded.plan) {
    checked.owners = inherited.owners;
    for (const auto& [id, owner] : loaded.plan->owners) checked.owners.insert_or_assign(id, owner);
    if (!loaded.plan->own_year_start && inherited.year_start) loaded.plan->year_start = *inherited.year_start;
    checked.plan = std::move(loaded.plan);
  }
  return checked;
}

void validate_checked(CheckedPlan& checked, Date as_of) {
  if (checked.plan) {
    validate_plan(*checked.plan, checked.owners, as_of, checked.diagnostics);
    // The paper's remedies need its figures, and figures need a plan without errors.
    if (count_severity(checked.diagnostics, Severity::error) == 0) {
      PlanFigures figures = compute_plan(*checked.plan, as_of, DateRange{as_of, as_of}, &checked.owners);
      remedy_findings(figures, checked.diagnostics);
    }
  }
  sort_diagnostics(checked.diagnostics);
}

CheckedPlan check_plan(SourceFile& source, const OwnersRegister& inherited, Date as_of) {
  CheckedPlan checked = read_plan_for_check(source, inherited);
  validate_checked(checked, as_of);
  return checked;
}

OwnersRegister load_owners_text(SourceFile& source, Diagnostics& diagnostics) {
  Diagnostics found = check_encoding(source);
  OwnersRegister owners;
  if (found.empty()) {
    Document document = read_yaml(source, found);
    if (document.usable) owners = load_owners(document, source.path, found);
  }
  diagnostics.insert(diagnostics.end(), found.begin(), found.end());
  return owners;
}

void paths_from_repository_root(Diagnostics& diagnostics) {
  namespace fs = std::filesystem;
  // One repository per folder, opened once; nullptr where there is none.
  std::map<std::string, std::unique_ptr<GitRepository>> repositories;
  std::map<std::string, std::string> paths;
  for (Diagnostic& d : diagnostics) {
    auto known = paths.find(d.file);
    if (known == paths.end()) {
      std::string path = d.file;
      std::error_code ec;
      if (fs::is_regular_file(d.file, ec)) {
        // The folder of "plan.yaml" is the current one: absolute first, then its parent.
        std::string folder = fs::absolute(fs::path(d.file), ec).parent_path().string();
        auto [at, added] = repositories.try_emplace(folder);
        if (added) {
          try {
            at->second = GitRepository::open(folder);
          } catch (const Error&) {}
        }
        if (at->second) {
          try {
            path = at->second->relative_path(d.file);
          } catch (const Error&) {}
        }
      }
      known = paths.emplace(d.file, path).first;
    }
    d.file = known->second;
  }
}

}  // namespace bvplan
