#include "bvplan/model/loader.hpp"

#include <fmt/format.h>

#include "bvplan/model/shape.hpp"
#include "bvplan/yaml/reader.hpp"

namespace bvplan {

namespace {

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
  ShapeReader reader(file, diagnostics);
  return read_plan(reader, document.root);
}

OwnersRegister load_owners(const Document& document, const std::string& file, Diagnostics& diagnostics) {
  if (document.empty || document.root.is_null()) {
    report_empty(file, diagnostics, "an owners register",
                 "an owners register starts with 'owners:', then one 'ID: name' line per owner");
    return {};
  }
  ShapeReader reader(file, diagnostics);
  return read_owners_register(reader, document.root);
}

LoadResult load_plan_text(SourceFile& source) {
  LoadResult result;
  result.diagnostics = check_encoding(source);
  if (!result.diagnostics.empty()) return result;
  Document document = read_yaml(source, result.diagnostics);
  if (!document.usable) return result;
  if (document.empty || document.root.is_null()) {
    result.plan = load_plan(document, source.path, result.diagnostics);
    return result;
  }
  // The document is this function's own: its nodes are freed as the plan is read.
  ShapeReader reader(source.path, result.diagnostics);
  result.plan = read_plan(reader, document.root, document.storage.get());
  return result;
}

}  // namespace bvplan
