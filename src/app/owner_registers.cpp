#include "bvplan/app/owner_registers.hpp"

#include "bvplan/app/check.hpp"
#include "bvplan/io/files.hpp"

namespace bvplan {

const OwnerRegisters::Loaded& OwnerRegisters::load(const std::string& path) {
  auto it = loaded_.find(path);
  if (it != loaded_.end()) return it->second;
  std::optional<Diagnostic> too_big;
  Loaded entry{read_source_file(path, max_file_bytes_, too_big), {}};
  if (too_big)
    diagnostics_.push_back(*too_big);
  else
    entry.owners = load_owners_text(entry.source, diagnostics_);
  return loaded_.emplace(path, std::move(entry)).first->second;
}

void OwnerRegisters::set_explicit(const std::string& path) {
  load(path);
  explicit_ = path;
}

OwnersRegister OwnerRegisters::for_plan(const std::string& plan_path) {
  OwnersRegister out;
  if (std::optional<std::string> nearest = discovery_.nearest(plan_path)) out = load(*nearest).owners;
  if (explicit_) {
    const OwnersRegister& given = load(*explicit_).owners;
    for (const auto& [id, owner] : given.owners) out.owners.insert_or_assign(id, owner);
    if (given.year_start) out.year_start = given.year_start;
  }
  return out;
}

Diagnostics OwnerRegisters::take_diagnostics() {
  Diagnostics out = std::move(diagnostics_);
  diagnostics_.clear();
  return out;
}

std::vector<std::string> OwnerRegisters::files() const {
  std::vector<std::string> out;
  for (const auto& [path, loaded] : loaded_) out.push_back(path);
  return out;
}

const SourceFile* OwnerRegisters::source(const std::string& file) const {
  auto it = loaded_.find(file);
  return it == loaded_.end() ? nullptr : &it->second.source;
}

}  // namespace bvplan
