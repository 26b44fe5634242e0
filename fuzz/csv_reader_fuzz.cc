// Fuzz target: the RFC 4180 CSV reader (util/csv_reader.h). Checks the reader's own
// contract beyond "no crash": exactly one of document/error is set, and positions are
// 1-based.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "util/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bf::util::CsvParseResult result = bf::util::parse_csv(text);
  if (result.document.has_value() == result.error.has_value()) std::abort();
  if (result.error && (result.error->line < 1 || result.error->column < 1)) std::abort();
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
