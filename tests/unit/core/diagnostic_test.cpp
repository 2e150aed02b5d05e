#include "bvplan/core/diagnostic.hpp"

#include <filesystem>
#include <new>
#include <system_error>

#include <doctest/doctest.h>

using namespace bvplan;

namespace {
template <typename E>
std::string describe(E e) {
  return describe_stop(std::make_exception_ptr(e));
}
}  // namespace

TEST_CASE("describe_stop puts any exception in words") {
  CHECK(describe(Error("cannot read 'x.yaml': No such file or directory")) ==
        "cannot read 'x.yaml': No such file or directory");
  CHECK(describe(std::bad_alloc()) == "out of memory");
  CHECK(describe(std::filesystem::filesystem_error("status", "d/self",
                                                   std::make_error_code(std::errc::too_many_symbolic_link_levels))) ==
        "'d/self': Too many levels of symbolic links");
  CHECK(describe(std::filesystem::filesystem_error("current_path",
                                                   std::make_error_code(std::errc::no_such_file_or_directory))) ==
        "No such file or directory");
  CHECK(describe(std::out_of_range("map::at")) == "unexpected failure: map::at");
  CHECK(describe(42) == "unexpected failure");
}
