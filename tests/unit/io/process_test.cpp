#include "bvplan/io/process.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include "bvplan/core/diagnostic.hpp"

using namespace bvplan;

TEST_CASE("find_program: an executable on PATH, or nothing") {
  std::optional<std::string> sh = find_program("sh");
  REQUIRE(sh);
  CHECK(sh->ends_with("/sh"));
  CHECK_FALSE(find_program("bvplan-no-such-program"));
}

TEST_CASE("run_program: the exit status and what went to standard error") {
  ProgramResult r = run_program(*find_program("sh"), {"-c", "echo out; echo err >&2; exit 3"});
  CHECK(r.status == 3);
  CHECK(r.errors == "err\n");
  CHECK(run_program(*find_program("sh"), {"-c", "kill -9 $$"}).status == 128 + 9);
  CHECK_THROWS_AS(run_program("/nonexistent/program", {}), Error);
}

TEST_CASE("ScratchFolder: files written and read back, all removed at the end") {
  std::string path;
  {
    ScratchFolder scratch;
    path = scratch.path();
    CHECK(std::filesystem::is_directory(path));
    std::string file = scratch.write("a.bin", std::string("x\0y", 3));
    CHECK(file == path + "/a.bin");
    CHECK(scratch.read("a.bin") == std::string("x\0y", 3));
    CHECK_THROWS_AS(scratch.read("missing"), Error);
  }
  CHECK_FALSE(std::filesystem::exists(path));
}
