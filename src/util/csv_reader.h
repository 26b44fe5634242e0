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

// The same reading one record at a time, for files too large to hold as a CsvDocument (the
// OHSS long extract has 105,000 records, about 50 MB parsed whole). `next` reuses the
// storage of the record it is given, so a loop allocates only while fields grow.
//
//   CsvCursor cursor(text);
//   CsvRecord record;
//   while (cursor.next(record)) { ... }
//   if (cursor.error()) { ... }  // the records before it were read
class CsvCursor {
 public:
  explicit CsvCursor(std::string_view text);

  // Reads the next record into `record` (blank lines skipped, as parse_csv does). False at
  // the end of the text or at a syntax error, which error() then holds; false from then on.
  bool next(CsvRecord& record);
  const std::optional<CsvError>& error() const { return error_; }
  // The '#' lines before the first record, without the '#'; complete once a record is read.
  const std::vector<std::string>& comments() const { return comments_; }

 private:
  int column() const { return static_cast<int>(pos_ - line_start_) + 1; }
  void new_line();
  std::string take_comment();
  std::optional<CsvError> read_record(CsvRecord& record);

  std::string_view s_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
  bool seen_record_ = false;
  std::optional<CsvError> error_;
  std::vector<std::string> comments_;
};

}  // namespace bf::util
