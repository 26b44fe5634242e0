#include "scenario/table_text.h"

#include <string>

#include "scenario/yaml_tree.h"

namespace bf::scenario {

std::optional<util::CsvDocument> parse_scenario_table(std::string_view contents, int file,
                                                      std::string_view path, std::string_view what,
                                                      std::string_view header,
                                                      DiagnosticSink& sink) {
  const std::string key(path);
  const std::string name(what);
  if (const std::optional<Location> bad = find_invalid_utf8(contents)) {
    sink.error(Location{file, bad->line, bad->column}, key,
               name + " is not valid UTF-8 (invalid byte sequence)", "save the file as UTF-8");
    return std::nullopt;
  }
  if (const std::optional<Location> control = find_control_character(contents)) {
    sink.error(Location{file, control->line, control->column}, key,
               name + " contains a control character",
               "only tabs and line ends are allowed; is this a text file?");
    return std::nullopt;
  }
  util::CsvParseResult parsed = util::parse_csv(contents);
  if (!parsed.document) {
    sink.error(Location{file, parsed.error->line, parsed.error->column}, key,
               "CSV syntax error in " + name + ": " + parsed.error->message);
    return std::nullopt;
  }
  if (parsed.document->records.empty()) {
    const int line = static_cast<int>(parsed.document->comments.size()) + 1;
    sink.error(Location{file, line, 1}, key, name + " has no header",
               "the first line after the '#' comments must be '" + std::string(header) + "'");
    return std::nullopt;
  }
  return std::move(*parsed.document);
}

std::string header_text(const util::CsvRecord& header) {
  std::string text;
  for (const util::CsvField& f : header.fields) text += (text.empty() ? "" : ",") + f.text;
  return text;
}

}  // namespace bf::scenario
