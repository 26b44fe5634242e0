#pragma once
// Helpers shared by the official-format readers (data_*.cc): locating columns by their exact
// header names and parsing counts. Internal to the io layer's data readers.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/data_error.h"
#include "util/csv_reader.h"

namespace bf::io::detail {

// Finds each of `expected` (exact, case-sensitive) in the header record. Column order is free.
// Appends one error per missing, duplicated or unexpected column to `errors` and returns
// nullopt if any; otherwise the field index of each expected name, in the order given.
std::optional<std::vector<std::size_t>> map_header(const util::CsvRecord& header,
                                                   const std::vector<std::string_view>& expected,
                                                   const std::string& file,
                                                   std::vector<DataError>& errors);

// A published table parsed and its header mapped (see open_table).
struct OpenedTable {
  util::CsvDocument document;      // records[0] is the header
  std::vector<std::size_t> index;  // field index of each expected column, in the order given
};

// Parses `bytes` (the text of `file`) as CSV and maps its header to `columns`. Sets
// `data_rows` to the records after the header once the file parses. Appends the CSV syntax
// error, "empty file (no header)" or the header errors to `errors` and returns nullopt on any.
std::optional<OpenedTable> open_table(std::string_view bytes,
                                      const std::vector<std::string_view>& columns,
                                      const std::string& file, std::vector<DataError>& errors,
                                      std::int64_t& data_rows);

// Checks that a data record has as many fields as the header; appends an error and returns
// false otherwise (a short record is usually a truncated file).
bool check_field_count(const util::CsvRecord& record, std::size_t expected, const std::string& file,
                       std::vector<DataError>& errors);

// A non-negative whole number: ASCII digits, optionally grouped by commas in threes
// ("12,345", as some CBP tables print them). nullopt for anything else, including "", "-1",
// "1.0", " 12" and values above 10^15.
std::optional<std::int64_t> parse_count(std::string_view text);

// Like parse_count but for small numbers such as years and months.
std::optional<int> parse_small_int(std::string_view text);

// A text value quoted for an error message.
std::string quote_text(std::string_view text);

}  // namespace bf::io::detail
