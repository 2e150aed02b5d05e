// What both fuzz targets share: a fixed as-of date and the Leicester owners register, so
// plans naming its owners get past validation and reach the deeper code.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "bvplan/check.hpp"
#include "bvplan/date.hpp"

namespace bvplan::fuzz {

// The examples' reporting date; never the clock, so every run is reproducible.
inline Date fixed_as_of() { return Date::from_ymd(2004, 6, 30); }

inline const Owners& register_owners() {
  static const Owners owners = [] {
    std::ifstream in(BVPLAN_SOURCE_DIR "/examples/leicester/owners.yaml", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    SourceFile source("owners.yaml", text.str());
    Diagnostics ignored;
    return load_owners_text(source, ignored);
  }();
  return owners;
}

}  // namespace bvplan::fuzz
