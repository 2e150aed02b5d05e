#include "bvplan/app/new_plan.hpp"

namespace bvplan {

const SourceFile* PlanPreview::source(const std::string& file) const {
  if (file == plan.path) return &plan;
  if (owners && file == owners->path) return &*owners;
  return registers.source(file);
}

std::unique_ptr<PlanPreview> preview_plan(const std::string& path, std::string text, Date as_of,
                                          std::optional<SourceFile> owners_register) {
  auto preview = std::make_unique<PlanPreview>();
  preview->plan = SourceFile(path, std::move(text));
  OwnersRegister inherited;
  if (owners_register) {
    preview->owners = std::move(owners_register);
    inherited = load_owners_text(*preview->owners, preview->findings);
  } else {
    inherited = preview->registers.for_plan(path);
    preview->findings = preview->registers.take_diagnostics();
  }
  preview->checked = check_plan(preview->plan, inherited, as_of);
  preview->findings.insert(preview->findings.end(), preview->checked.diagnostics.begin(),
                           preview->checked.diagnostics.end());
  sort_diagnostics(preview->findings);
  return preview;
}

Owners inherited_owners(const std::string& path) {
  OwnerRegisters registers(default_max_file_bytes);
  return registers.for_plan(path).owners;
}

}  // namespace bvplan
