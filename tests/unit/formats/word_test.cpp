#include "bvplan/formats/word.hpp"

#include <doctest/doctest.h>

using namespace bvplan;

TEST_CASE("the Word paper's files are carried in the binary") {
  CHECK(word_reference_doc().starts_with("PK\x03\x04"));  // a zip file
  CHECK(word_reference_doc().size() > 5000);
  CHECK(word_filter().find("function Table(tbl)") != std::string_view::npos);
}

TEST_CASE(
    "pandoc_word_arguments: pandoc's Markdown with column widths and no plan text as markup, the styles "
    "and the filter") {
  CHECK(pandoc_word_arguments("/t/paper.md", "/t/paper.docx", "/t/reference.docx", "/t/rag.lua", "/t") ==
        std::vector<std::string>{"--from=markdown-implicit_figures-tex_math_dollars-superscript-subscript-citations-"
                                 "raw_tex-raw_html-example_lists-smart",
                                 "--columns=10", "--reference-doc=/t/reference.docx", "--lua-filter=/t/rag.lua",
                                 "--resource-path=/t", "--output=/t/paper.docx", "/t/paper.md"});
}
