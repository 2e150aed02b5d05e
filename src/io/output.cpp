#include "bvplan/io/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

#include "bvplan/core/diagnostic.hpp"

namespace bvplan {

namespace fs = std::filesystem;

AtomicFile::AtomicFile(std::string path, Commit commit) : path_(std::move(path)), commit_(commit) {
  fs::path target(path_);
  std::error_code status_error;
  fs::file_status status = fs::status(target, status_error);
  if (commit_ == Commit::create_new && !status_error && fs::exists(status))
    throw Error(fmt::format("'{}' already exists; bvplan does not overwrite it", path_));
  if (commit_ == Commit::keep_mode && !status_error && fs::is_regular_file(status)) {
    mode_ = static_cast<unsigned>(status.permissions()) & 07777u;
    struct stat info;
    if (::stat(path_.c_str(), &info) == 0) {
      uid_ = info.st_uid;
      gid_ = info.st_gid;
    }
  }
  if (!status_error && fs::exists(status) && !fs::is_regular_file(status)) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) fail(errno);
    return;
  }
  fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  // Appended piece by piece: `"." + std::string&&` sets off GCC 12's -Wrestrict false
  // positive (GCC bug 105651) in release builds.
  std::string temp_name = ".";
  temp_name += target.filename().string();
  temp_name += ".XXXXXX";
  std::string temp_template = (folder / temp_name).string();
  std::vector<char> name(temp_template.begin(), temp_template.end());
  name.push_back('\0');
  fd_ = ::mkstemp(name.data());
  if (fd_ < 0) fail(errno);
  temp_ = name.data();
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFile::fail(int error) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_.empty()) ::unlink(temp_.c_str());
  temp_.clear();
  throw Error(fmt::format("cannot write '{}': {}", path_, std::strerror(error)));
}

void AtomicFile::write(std::string_view text) {
  const char* data = text.data();
  size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd_, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(errno);
    }
    data += n;
    left -= static_cast<size_t>(n);
  }
}

void AtomicFile::commit() {
  if (temp_.empty()) {
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail(errno);
    return;
  }
  if (::fsync(fd_) != 0) fail(errno);
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(errno);
  // The replaced file's owner and group where this user may set them (root, or a group
  // the user is in); otherwise the new file is the user's, as an editor's would be.
  if (uid_ >= 0 && ::chown(temp_.c_str(), static_cast<uid_t>(uid_), static_cast<gid_t>(gid_)) != 0) {
    [[maybe_unused]] int ignored = ::chown(temp_.c_str(), static_cast<uid_t>(-1), static_cast<gid_t>(gid_));
  }
  ::chmod(temp_.c_str(), static_cast<mode_t>(mode_));
  if (commit_ == Commit::create_new) {
    // link(2) fails rather than replace a file that appeared meanwhile.
    if (::link(temp_.c_str(), path_.c_str()) != 0) {
      int error = errno;
      if (error == EEXIST) {
        ::unlink(temp_.c_str());
        temp_.clear();
        throw Error(fmt::format("'{}' already exists; bvplan does not overwrite it", path_));
      }
      fail(error);
    }
    ::unlink(temp_.c_str());
  } else if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    fail(errno);
  }
  temp_.clear();
}

void write_stdout(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
    throw Error("cannot write to standard output");
}

}  // namespace bvplan
