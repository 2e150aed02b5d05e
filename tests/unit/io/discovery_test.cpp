#include "bvplan/io/discovery.hpp"

#include <doctest/doctest.h>

using namespace bvplan;

TEST_CASE("the nearest register is found from the plan's folder upwards, named from here") {
  MemoryFileSystem files("/work/council");
  files.add_file("/work/council/owners.yaml");
  files.add_file("/work/council/plans/infra/owners.yml");
  RegisterDiscovery discovery(files);
  CHECK(discovery.nearest("plans/a.yaml") == "owners.yaml");
  CHECK(discovery.nearest("plans/infra/b.yaml") == "plans/infra/owners.yml");
  CHECK(discovery.nearest("/work/council/plans/c.yaml") == "owners.yaml");
  CHECK(discovery.nearest("-") == "owners.yaml");
  CHECK(discovery.nearest("/elsewhere/d.yaml") == std::nullopt);
}

TEST_CASE("owners.yaml wins over owners.yml in the same folder") {
  MemoryFileSystem files("/c");
  files.add_file("/c/owners.yml");
  files.add_file("/c/owners.yaml");
  CHECK(RegisterDiscovery(files).nearest("a.yaml") == "owners.yaml");
}

TEST_CASE("the search stops at the repository root, a folder holding .git") {
  MemoryFileSystem files("/home/me");
  files.add_file("/home/owners.yaml");
  files.add_folder("/home/me/repo/.git");
  RegisterDiscovery discovery(files);
  CHECK(discovery.nearest("repo/plans/a.yaml") == std::nullopt);
  // Outside the repository the search goes on up to the root.
  CHECK(discovery.nearest("notes/b.yaml") == "../owners.yaml");
}

TEST_CASE("a register that is not a regular file is not one") {
  MemoryFileSystem files("/c");
  files.add_folder("/c/owners.yaml");
  CHECK(RegisterDiscovery(files).nearest("a.yaml") == std::nullopt);
}

TEST_CASE("without a current folder: absolute paths still search and are shown absolute") {
  MemoryFileSystem files("");
  files.add_file("/c/owners.yaml");
  RegisterDiscovery discovery(files);
  CHECK(discovery.nearest("/c/plans/a.yaml") == "/c/owners.yaml");
  CHECK(discovery.nearest("a.yaml") == std::nullopt);
  CHECK(discovery.nearest("-") == std::nullopt);
}

TEST_CASE("each folder is looked up once") {
  // A file system that counts the questions asked.
  struct Counting : MemoryFileSystem {
    using MemoryFileSystem::MemoryFileSystem;
    mutable int asked = 0;
    bool is_regular_file(const std::string& path) const override {
      ++asked;
      return MemoryFileSystem::is_regular_file(path);
    }
  } files("/c");
  files.add_file("/c/owners.yaml");
  RegisterDiscovery discovery(files);
  CHECK(discovery.nearest("a.yaml") == "owners.yaml");
  int first = files.asked;
  CHECK(discovery.nearest("b.yaml") == "owners.yaml");
  CHECK(files.asked == first);
}

TEST_CASE("a path through .. is searched from the folder it names, not the one it passes through") {
  // examples/leicester/../infra.yaml lives in examples/: Leicester's register is not its.
  MemoryFileSystem files("/r/examples/leicester");
  files.add_file("/r/examples/leicester/owners.yaml");
  RegisterDiscovery discovery(files);
  CHECK(discovery.nearest("../infra.yaml") == std::nullopt);
  CHECK(discovery.nearest("sports.yaml") == "owners.yaml");
  CHECK(discovery.nearest("../leicester/sports.yaml") == "owners.yaml");
  files.add_file("/r/owners.yaml");
  CHECK(RegisterDiscovery(files).nearest("../infra.yaml") == "../../owners.yaml");
}
