// What bvplan's SVG pictures share: text made safe for XML, and labels cut to fit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace bvplan {

// Text escaped for SVG (XML) content and attributes, line breaks as character references.
std::string xml(std::string_view text);

// `text` as a one-line label of at most `max_chars` characters: cut with "…" when longer;
// control characters (XML cannot hold most of them) become spaces. Not yet escaped.
std::string fit_label(std::string_view text, size_t max_chars);

// The characters of `text` (UTF-8 sequences, a stray byte counting as one).
size_t label_length(std::string_view text);

// The width a label is reckoned to take: 0.6 x the font size per character, the estimate
// the charts are laid out with (and the tests check them by).
double label_width(std::string_view text, double font_size);

// `text` as a one-line label (as fit_label) cut so that its reckoned width at `font_size`
// is at most `max_width`.
std::string fit_width(std::string_view text, double font_size, double max_width);

// The `d` of an SVG path through a series of points, broken into pieces where a point is
// missing: "M 1.0 2.0 L 3.0 4.0 M 7.0 8.0".
class BrokenLine {
public:
  void point(double x, double y);
  void gap() { broken_ = true; }  // the next point starts a new piece
  const std::string& path() const { return path_; }

private:
  std::string path_;
  bool broken_ = false;
};

// How the history chart draws the n-th of several plans, so that each reads without
// colour: one of 12 markers (7 shapes drawn open, then 5 of them filled) and one of 7 dash
// patterns for its lines, so that the first 7 plans each have a shape and a pattern of
// their own, and the first 84 a pair of their own (then they repeat). The first is an
// open circle on a solid line.
struct SeriesStyle {
  std::string_view marker;  // "circle", "square", "triangle", "diamond", "triangle-down", "cross", "plus"
  bool filled = false;
  std::string_view dash;  // a stroke-dasharray; "" is solid
};
SeriesStyle series_style(size_t n);
// The n-th plan's marker centred on (x, y).
std::string series_marker(size_t n, double x, double y);

// A <text> element at (x, y) with its anchor ("start", "middle", "end") and any further
// attributes, moved left or right as far as needed to keep its reckoned width inside a
// picture `view_width` wide. `text` is escaped here.
std::string svg_text(double x, double y, std::string_view text, double font_size, std::string_view anchor,
                     std::string_view attributes, double view_width);

}  // namespace bvplan
