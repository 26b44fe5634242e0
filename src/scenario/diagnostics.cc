#include "scenario/diagnostics.h"

#include <algorithm>
#include <tuple>
#include <utility>

namespace bf::scenario {
namespace {

// `text` with every control character but tab shown as '?': the one-byte stand-in keeps the
// caret under the right column, and a NUL or an escape sequence from a bad file can neither
// cut the message short (C strings) nor drive the user's terminal.
std::string printable(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\t') || byte == 0x7F) c = '?';
  }
  return out;
}

// The part of a long source line shown around `column` (1-based): at most kWidth bytes, cut
// at character boundaries, with "..." where text is left out; `column` becomes the caret's
// column in what is returned.
constexpr std::size_t kWidth = 160;
std::string window(const std::string& line, int& column) {
  if (line.size() <= kWidth) return line;
  const auto boundary = [&line](std::size_t at) {
    while (at > 0 && at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) {
      --at;
    }
    return at;
  };
  const std::size_t at = column > 0 ? static_cast<std::size_t>(column - 1) : 0;
  const std::size_t start = boundary(at > kWidth / 2 ? at - kWidth / 2 : 0);
  const std::size_t end = std::min(line.size(), boundary(start + kWidth));
  std::string out = start > 0 ? "..." : "";
  column = column - static_cast<int>(start) + static_cast<int>(out.size());
  out += line.substr(start, end - start);
  if (end < line.size()) out += "...";
  return out;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.file + ":";
  if (d.line > 0) {
    out += std::to_string(d.line) + ":";
    if (d.column > 0) out += std::to_string(d.column) + ":";
  }
  out += " error: " + printable(d.message);
  if (!d.hint.empty()) out += " (" + printable(d.hint) + ")";
  out += "\n";
  if (d.line <= 0) return out;

  // The gutter is as wide as the line number (at least 5), so the caret stays under its
  // column for a line 100000 or beyond.
  std::string number = std::to_string(d.line);
  if (number.size() < 5) number.insert(0, 5 - number.size(), ' ');
  int column = d.column;
  const std::string shown = window(d.source_line, column);
  out += number + " | " + printable(shown) + "\n";
  out += std::string(number.size() + 1, ' ') + "| ";
  // Keep tabs in the padding so the caret lines up however the terminal expands them.
  for (int i = 1; i < column; ++i) {
    const std::size_t at = static_cast<std::size_t>(i - 1);
    out += at < shown.size() && shown[at] == '\t' ? '\t' : ' ';
  }
  out += "^\n";
  return out;
}

std::string line_of(std::string_view text, int line) {
  if (line <= 0) return {};
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  std::string_view body = text.substr(start, end - start);
  if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
  return std::string(body);
}

void DiagnosticSink::error(const Location& where, std::string yaml_path, std::string message,
                           std::string hint) {
  Diagnostic d;
  if (where.file >= 0 && static_cast<std::size_t>(where.file) < sources_.size()) {
    const SourceFile& source = sources_[static_cast<std::size_t>(where.file)];
    d.file = source.path.generic_string();
    d.line = where.line;
    d.column = where.column;
    d.source_line = line_of(source.contents, where.line);
  } else {
    d.file = "<command line>";
  }
  d.yaml_path = std::move(yaml_path);
  d.message = std::move(message);
  d.hint = std::move(hint);
  diagnostics_.push_back(std::move(d));
  file_of_.push_back(where.file);
}

void DiagnosticSink::file_error(const std::filesystem::path& file, std::string message,
                                std::string hint) {
  Diagnostic d;
  d.file = file.generic_string();
  d.message = std::move(message);
  d.hint = std::move(hint);
  diagnostics_.push_back(std::move(d));
  file_of_.push_back(-1);
}

void DiagnosticSink::sort_by_location() {
  std::vector<std::size_t> order(diagnostics_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
    const Diagnostic& x = diagnostics_[a];
    const Diagnostic& y = diagnostics_[b];
    return std::tie(file_of_[a], x.line, x.column) < std::tie(file_of_[b], y.line, y.column);
  });
  std::vector<Diagnostic> sorted;
  std::vector<int> files;
  for (std::size_t i : order) {
    sorted.push_back(std::move(diagnostics_[i]));
    files.push_back(file_of_[i]);
  }
  diagnostics_ = std::move(sorted);
  file_of_ = std::move(files);
}

}  // namespace bf::scenario
