#include "bvplan/formats/output.hpp"

namespace bvplan {

Output::Output(Sink sink, size_t chunk) : sink_(std::move(sink)), chunk_(chunk) { buffer_.reserve(chunk + chunk / 4); }

void Output::finish() {
  if (!sink_ || buffer_.empty()) return;
  sink_(buffer_);
  handed_ += buffer_.size();
  buffer_.clear();
}

void Output::write_through(std::string_view text) {
  finish();
  sink_(text);
  handed_ += text.size();
}

}  // namespace bvplan
