// JSON Schemas (draft-07, which yaml-language-server reads) for plan files and owners
// registers, for editors to check plans as they are typed and to offer keys and values.
// Written from the loader's own key tables (model/keys.hpp) and the descriptions
// bvplan-plan(5) gives (model/key_docs), so neither can drift from what `check` reads.
#pragma once

#include <string>
#include <vector>

#include "bvplan/formats/output.hpp"

namespace bvplan {

enum class SchemaKind { plan, owners };

// The schema, indented, ending in a newline.
void render_schema(SchemaKind kind, Output& out);

// What keeps the schemas from describing exactly what the loader reads: a key of a part
// with no type here or no description in the man page, and a type or a description for a
// key the loader does not read. Empty when they agree; a unit test keeps it so.
std::vector<std::string> schema_gaps();

}  // namespace bvplan
