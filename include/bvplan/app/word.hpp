// Making the Word paper: pandoc run over the Markdown paper in a scratch folder.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace bvplan {

// The .docx bytes of `markdown`, with `files` (name, bytes: the charts it links to)
// beside it. Throws Error when pandoc is not installed or fails.
std::string make_word_paper(const std::string& markdown, const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace bvplan
