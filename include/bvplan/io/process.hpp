// Other programs bvplan runs (pandoc, for the Word paper), and the scratch folder they
// work in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bvplan {

// The full path of the executable `name` on PATH, as a shell would find it; nullopt when
// there is none.
std::optional<std::string> find_program(std::string_view name);

struct ProgramResult {
  int status = 0;      // the exit status, or 128 + the signal that ended it
  std::string errors;  // what it wrote to standard error (at most 64 KiB of it)
};

// Runs `program` with `arguments` to the end: standard input and output are /dev/null,
// standard error is collected. Throws Error when it cannot be started.
ProgramResult run_program(const std::string& program, const std::vector<std::string>& arguments);

// A new, empty, private folder under $TMPDIR (else /tmp), removed with all it holds when
// the object goes. Throws Error when it cannot be made.
class ScratchFolder {
public:
  ScratchFolder();
  ~ScratchFolder();
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const std::string& path() const { return path_; }
  // Writes `bytes` to the file `name` in the folder and returns its path.
  std::string write(std::string_view name, std::string_view bytes) const;
  // The bytes of the file `name` in the folder.
  std::string read(std::string_view name) const;

private:
  std::string path_;
};

}  // namespace bvplan
