// Fuzz target: the RFC 4180 CSV reader (util/csv_reader.h). Checks the reader's own
// contract beyond "no crash": exactly one of document/error is set, positions are 1-based,
// and CsvCursor reads the same records (and stops at the same error) as parse_csv.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "util/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bf::util::CsvParseResult result = bf::util::parse_csv(text);
  if (result.document.has_value() == result.error.has_value()) std::abort();
  if (result.error && (result.error->line < 1 || result.error->column < 1)) std::abort();
  bf::util::CsvCursor cursor(text);
  bf::util::CsvRecord streamed;
  std::size_t n = 0;
  while (cursor.next(streamed)) {
    if (result.document) {
      if (n >= result.document->records.size()) std::abort();
      const bf::util::CsvRecord& expected = result.document->records[n];
      if (streamed.line != expected.line || streamed.fields.size() != expected.fields.size()) {
        std::abort();
      }
      for (std::size_t f = 0; f < streamed.fields.size(); ++f) {
        if (streamed.fields[f].text != expected.fields[f].text ||
            streamed.fields[f].column != expected.fields[f].column) {
          std::abort();
        }
      }
    }
    ++n;
  }
  if (cursor.error().has_value() != result.error.has_value()) std::abort();
  if (result.error && (cursor.error()->line != result.error->line ||
                       cursor.error()->column != result.error->column)) {
    std::abort();
  }
  if (result.document &&
      (n != result.document->records.size() || cursor.comments() != result.document->comments)) {
    std::abort();
  }
  if (result.document) {
    int previous_line = 0;
    for (const bf::util::CsvRecord& record : result.document->records) {
      if (record.line <= previous_line || record.fields.empty()) std::abort();
      previous_line = record.line;
      for (const bf::util::CsvField& field : record.fields) {
        if (field.column < 1) std::abort();
      }
    }
  }
  return 0;
}
