// The Word paper is the Markdown paper through pandoc, with the reference document
// (styles: Arial, a table grid, a shaded header row) and the Lua filter (RAG cells shaded,
// the title once) that bvplan ships in share/ and carries in the binary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bvplan {

// share/reference.docx and share/rag.lua, byte for byte.
std::string_view word_reference_doc();
std::string_view word_filter();

// pandoc's arguments to turn `markdown` into `docx` with the reference document and filter
// at those paths; images are looked for in `resources`.
std::vector<std::string> pandoc_word_arguments(const std::string& markdown, const std::string& docx,
                                               const std::string& reference_doc, const std::string& filter,
                                               const std::string& resources);

}  // namespace bvplan
