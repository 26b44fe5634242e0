#pragma once
// The look shared by the project's SVG charts (svg_chart.h, tornado_chart.h), so every figure
// has the same fonts, colours and fill patterns. Defined in svg_chart.cc.

#include <cstddef>
#include <string>
#include <string_view>

namespace bf::report {

// The font stack of every chart.
std::string_view chart_font();

// The colour of palette entry `style` (Okabe-Ito, readable with the common colour-vision
// deficiencies); wraps around.
std::string_view palette_colour(int style);

// <defs> with fill patterns "<id>-p0" … "<id>-p<count − 1>": palette colour k as a tint, each
// with its own texture (plain, hatched, dotted, …) so areas also differ in greyscale.
std::string fill_pattern_defs(const std::string& id, std::size_t count);

// A tick step of 1, 2, 2.5 or 5 times a power of ten giving about `target` intervals up to
// `max` (> 0).
double tick_step(double max, int target);

}  // namespace bf::report
