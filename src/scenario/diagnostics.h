#pragma once
// Problems found in a scenario, reported like a compiler: file:line:column, the YAML path,
// a message, an optional hint, and the offending source line with a caret.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace bf::scenario {

struct Diagnostic {
  std::string file;         // as the user wrote it (or "<command line>" for LoadOptions)
  int line = 0;             // 1-based; 0 when the problem is about the whole file
  int column = 0;           // 1-based, in bytes; 0 when unknown
  std::string yaml_path;    // e.g. "sectors.del_rio.holding_capacity"; empty for whole files
  std::string message;      // e.g. "unknown key 'holding_capacty' at sectors.del_rio"
  std::string hint;         // e.g. "did you mean 'holding_capacity'?"; may be empty
  std::string source_line;  // the text of `line`, without its line end; may be empty
};

// Formats one diagnostic as
//   file:line:column: error: message (hint)
//      12 |     holding_capacty: 2000
//         |     ^
// The " (hint)" part is omitted when the hint is empty; the two source lines are omitted when
// line is 0. Without a column the location reads "file:line:". Every line ends with '\n'.
std::string format_diagnostic(const Diagnostic& diagnostic);

// Every file read during one load (scenario, parents, tables), for diagnostics and for the
// caller to hash.
struct SourceFile {
  std::filesystem::path path;  // as opened (relative paths stay relative)
  std::string contents;
};

// Where a value was written: an index into the load's SourceFile list and a 1-based
// line/column. file < 0 means "not in a file" (command-line overrides).
struct Location {
  int file = -1;
  int line = 0;
  int column = 0;
};

// Collects diagnostics for one load. Not thread-safe; one sink per load.
class DiagnosticSink {
 public:
  // `sources` may grow while the sink is in use (parents and tables are read later).
  explicit DiagnosticSink(const std::vector<SourceFile>& sources) : sources_(sources) {}

  void error(const Location& where, std::string yaml_path, std::string message,
             std::string hint = {});
  // For problems with a file as a whole (missing, a directory, unreadable): no line.
  void file_error(const std::filesystem::path& file, std::string message, std::string hint = {});

  std::size_t count() const { return diagnostics_.size(); }
  // Orders the diagnostics as a reader meets them: command-line problems first, then by
  // file (in the order read), line and column; equal locations keep the order found.
  void sort_by_location();
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::vector<Diagnostic> take() {
    file_of_.clear();
    return std::move(diagnostics_);
  }

 private:
  const std::vector<SourceFile>& sources_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<int> file_of_;  // source index of each diagnostic; -1 = not in a source
};

// The 1-based `line` of `text` without its line end ("" if there is no such line).
std::string line_of(std::string_view text, int line);

}  // namespace bf::scenario
