#pragma once
// A strict reader for comma-separated files as published (RFC 4180): quoted fields with
// embedded commas, doubled quotes and line breaks, CRLF or LF line ends, an optional UTF-8
// byte-order mark. Lines starting with '#' before the header are comments (our own tables
// name their sources there). Every record remembers the line it started on, so callers
// can report errors as file:line:column.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bf::util {

struct CsvField {
  std::string text;
  int column = 1;  // 1-based column (in bytes) of the field's first character
};

struct CsvRecord {
  int line = 1;  // 1-based line where the record starts
  std::vector<CsvField> fields;
};

struct CsvError {
  int line = 1;
  int column = 1;
  std::string message;
};

struct CsvDocument {
  std::vector<std::string> comments;  // leading '#' lines, without the '#'
  std::vector<CsvRecord> records;     // header first
};

// Parses a whole document; returns the first syntax error instead (an unterminated quote,
// a quote inside an unquoted field, text after a closing quote).
struct CsvParseResult {
  std::optional<CsvDocument> document;
  std::optional<CsvError> error;
};
CsvParseResult parse_csv(std::string_view text);

}  // namespace bf::util
