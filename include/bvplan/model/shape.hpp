// The plan's shape: which keys each part of a plan or an owners register holds, read from
// the positioned tree with the typed field readers. Used by loader.cpp; one part a file.
#pragma once

#include <vector>

#include "bvplan/model/plan.hpp"
#include "bvplan/yaml/fields.hpp"

namespace bvplan {

// The field readers, and the plan's own kinds of field: references to owners and actions,
// and reporting cadences.
class ShapeReader : public FieldReader {
public:
  using FieldReader::FieldReader;

  // An id naming an owner or an action. A scalar that is not an id (an owner's name,
  // say) is also kept in malformed_references, for validation's hint.
  std::optional<Reference> reference(const Node* node, std::string_view key);
  // A list of references; absent or empty (`key:`) is none.
  std::vector<Reference> references(const Node* node, std::string_view key);
  // month, quarter, year or "N months" (1 to 120).
  std::optional<Cadence> cadence(const Node* node);

  std::vector<Reference> take_malformed_references() { return std::move(malformed_references_); }

private:
  std::vector<Reference> malformed_references_;
};

// An owners mapping (a plan's `owners:` or a register's): id -> name, or id -> mapping.
Owners read_owners(ShapeReader& reader, const Node& node, bool plan_local);
// A register file's root: a mapping whose only key is `owners`.
OwnersRegister read_owners_register(ShapeReader& reader, const Node& root);
// year_start: a month's name ("april"); nullopt, with a bad-value error, otherwise.
std::optional<unsigned> read_year_start(ShapeReader& reader, const Node* node);
// One action of a key issue, with its targets, milestones, updates and re-baselines.
Action read_action(ShapeReader& reader, const Node& node);
// A plan's `measures:` list (absent or empty: none).
std::vector<Measure> read_measures(ShapeReader& reader, const Node* node);
// A plan's `risks:` list (absent or empty: none), and its `plan: risk_bands:`.
std::vector<Risk> read_risks(ShapeReader& reader, const Node* node);
void read_risk_bands(ShapeReader& reader, const Node* node, RiskBands& bands);
// A plan file's root: `bvplan`, `plan`, `owners`, `issues`, `measures` and `risks`.
// With `storage` (the tree's own), each key issue's nodes are freed once it is read: the
// tree must not be read again afterwards.
Plan read_plan(ShapeReader& reader, const Node& root, DocumentStorage* storage = nullptr);

}  // namespace bvplan
