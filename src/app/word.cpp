#include "bvplan/app/word.hpp"

#include <fmt/format.h>

#include "bvplan/core/diagnostic.hpp"
#include "bvplan/core/text.hpp"
#include "bvplan/formats/word.hpp"
#include "bvplan/io/process.hpp"

namespace bvplan {

std::string make_word_paper(const std::string& markdown,
                            const std::vector<std::pair<std::string, std::string>>& files) {
  std::optional<std::string> pandoc = find_program("pandoc");
  if (!pandoc)
    throw Error(
        "--format docx needs pandoc, which is not on PATH: install it (Debian and Ubuntu: apt-get install pandoc), "
        "or write the paper with --format md or --format html");
  ScratchFolder scratch;
  std::string paper = scratch.write("paper.md", markdown);
  std::string reference = scratch.write("reference.docx", word_reference_doc());
  std::string filter = scratch.write("rag.lua", word_filter());
  for (const auto& [name, bytes] : files) scratch.write(name, bytes);
  std::string docx = scratch.path() + "/paper.docx";
  ProgramResult result = run_program(*pandoc, pandoc_word_arguments(paper, docx, reference, filter, scratch.path()));
  if (result.status != 0) {
    std::string said = result.errors;
    while (!said.empty() && (said.back() == '\n' || said.back() == '\r' || said.back() == ' ')) said.pop_back();
    // One line, as every error is: pandoc's lines joined.
    for (size_t at = said.find('\n'); at != std::string::npos; at = said.find('\n', at)) said.replace(at, 1, "; ");
    throw Error(fmt::format("pandoc could not make the Word paper (exit {}){}{}", result.status,
                            said.empty() ? "" : ": ", said));
  }
  return scratch.read("paper.docx");
}

}  // namespace bvplan
