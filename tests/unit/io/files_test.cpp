#include "bvplan/io/files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "bvplan/core/diagnostic.hpp"

using namespace bvplan;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system's temporary folder, removed at the end of the test.
struct TempFolder {
  fs::path path;
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "bvplan-files-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()));
    path = pattern;
  }
  ~TempFolder() { fs::remove_all(path); }
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

}  // namespace

TEST_CASE("rewrite_file keeps the file's permissions and writes through a symlink") {
  TempFolder folder;
  fs::path target = folder.path / "plan.yaml", link = folder.path / "link.yaml";
  write(target, "old\n");
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  fs::create_symlink("plan.yaml", link);
  rewrite_file(link.string(), "new\n");
  CHECK(fs::is_symlink(link));
  CHECK(read(target) == "new\n");
  CHECK((fs::status(target).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  CHECK(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 2);
  CHECK_THROWS_AS(rewrite_file((folder.path / "missing.yaml").string(), "x"), Error);
}

TEST_CASE("write_new_file creates the folder, and never replaces what is there") {
  TempFolder folder;
  fs::path file = folder.path / "plans" / "roads.yaml";
  write_new_file(file.string(), "plan\n");
  CHECK(read(file) == "plan\n");
  CHECK_THROWS_WITH_AS(write_new_file(file.string(), "other\n"),
                       doctest::Contains("already exists; bvplan does not overwrite it"), Error);
  CHECK(read(file) == "plan\n");
  fs::create_symlink("nowhere.yaml", folder.path / "dangling.yaml");
  CHECK_THROWS_AS(write_new_file((folder.path / "dangling.yaml").string(), "x"), Error);
  CHECK_FALSE(fs::exists(folder.path / "nowhere.yaml"));
}

TEST_CASE("rewrite_file leaves a read-only file alone") {
  TempFolder folder;
  fs::path file = folder.path / "plan.yaml";
  write(file, "old\n");
  fs::permissions(file, fs::perms::owner_read | fs::perms::group_read);
  CHECK_THROWS_WITH_AS(rewrite_file(file.string(), "new\n"), doctest::Contains("is read-only; nothing written"), Error);
  CHECK(read(file) == "old\n");
}
