#include "report/text_escape.h"

#include <fmt/format.h>

#include <cmath>

#include "util/number_format.h"

namespace bf::report {

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_script_json(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

std::string format_grouped(double v) {
  if (std::abs(v - std::round(v)) > 1e-9) return fmt::format("{:.2f}", v);
  return util::grouped(std::llround(v));
}

}  // namespace bf::report
