// Output files written piece by piece: a renderer's chunks go straight to their
// destination instead of first growing one string the size of the whole output.
#pragma once

#include <string>
#include <string_view>

namespace bvplan {

// A file put in place whole: written to a temporary file beside it, renamed over it by
// commit(), removed if never committed. A device or pipe (/dev/stdout, /dev/full, a FIFO)
// is never replaced by renaming: it is written directly. Failures throw Error
// ("cannot write 'PATH': REASON").
class AtomicFile {
public:
  enum class Commit {
    replace,     // rename over whatever is there, the new file 0644
    keep_mode,   // rename over an existing regular file, keeping its permissions, owner
                 // and group (as far as the system lets this user)
    create_new,  // only where nothing is: a file already there is an error, left as it was
  };
  explicit AtomicFile(std::string path, Commit commit = Commit::replace);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view text);
  void commit();

private:
  [[noreturn]] void fail(int error);

  std::string path_;
  Commit commit_ = Commit::replace;
  unsigned mode_ = 0644;
  long long uid_ = -1, gid_ = -1;  // keep_mode: the replaced file's owner and group
  std::string temp_;               // empty when writing a device or pipe directly
  int fd_ = -1;
};

// Writes to standard output; throws Error("cannot write to standard output").
void write_stdout(std::string_view text);

}  // namespace bvplan
