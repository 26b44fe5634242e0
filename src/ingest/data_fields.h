#pragma once
// Helpers shared by the official-format readers (data_*.cc): locating columns by their exact
// header names and parsing counts. Internal to the io layer's data readers.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/data_error.h"
#include "util/csv_reader.h"
#include "util/date.h"

namespace bf::ingest::detail {

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

// A non-negative decimal: digits, optionally a point and more digits ("26089.29", "16079").
// nullopt for anything else, including "", "-1", ".5", "1.", "1e3", " 1" and over 18 digits.
std::optional<double> parse_decimal(std::string_view text);

// A text value quoted for an error message.
std::string quote_text(std::string_view text);

// "unknown <what> "<text>"" followed by a "did you mean" hint when one of `candidates` is
// close (nearest_name), otherwise by the list of candidates.
std::string unknown_value_message(std::string_view what, std::string_view text,
                                  const std::vector<std::string_view>& candidates);

// One data record as a reader sees it: fields by expected column (in the order the reader
// named them, whatever the file's order) and errors placed at the field's column. Not
// copyable: it refers to the reader's error list.
class Record {
 public:
  Record(const util::CsvRecord& record, const std::vector<std::size_t>& index,
         const std::string& file, std::vector<DataError>& errors)
      : record_(record), index_(index), file_(file), errors_(errors), before_(errors.size()) {}
  Record(const Record&) = delete;
  Record& operator=(const Record&) = delete;

  const util::CsvField& field(std::size_t column) const { return record_.fields[index_[column]]; }
  const std::string& text(std::size_t column) const { return field(column).text; }
  int line() const { return record_.line; }
  // An error at the given expected column's field.
  void fail(std::size_t column, std::string message) {
    errors_.push_back({file_, record_.line, field(column).column, std::move(message)});
  }
  // An error about the whole record (column 0), e.g. a duplicate.
  void fail_record(std::string message) {
    errors_.push_back({file_, record_.line, 0, std::move(message)});
  }
  // Whether any error was added since this record was opened.
  bool failed() const { return errors_.size() != before_; }

 private:
  const util::CsvRecord& record_;
  const std::vector<std::size_t>& index_;
  const std::string& file_;
  std::vector<DataError>& errors_;
  std::size_t before_;
};

// The loop every reader repeats: parses `bytes` with open_table, then for each data record
// checks the field count (check_field_count) and calls `on_record(Record&)` for those with the
// right count, in file order. Returns false (errors appended) when the table could not be
// opened.
template <typename OnRecord>
bool for_each_record(std::string_view bytes, const std::vector<std::string_view>& columns,
                     const std::string& file, std::vector<DataError>& errors,
                     std::int64_t& data_rows, OnRecord&& on_record) {
  const std::optional<OpenedTable> opened = open_table(bytes, columns, file, errors, data_rows);
  if (!opened) return false;
  for (std::size_t r = 1; r < opened->document.records.size(); ++r) {
    const util::CsvRecord& rec = opened->document.records[r];
    if (!check_field_count(rec, columns.size(), file, errors)) continue;
    Record record(rec, opened->index, file, errors);
    on_record(record);
  }
  return true;
}

// The five leading columns of every OHSS KHSM monthly extract, in this order:
// fiscal_year, fy_month, month, calendar_year, calendar_month (indices 0..4 of the reader's
// expected columns). Checks each and that they agree (fiscal month 1 is October of the
// previous calendar year, month names in English); reports problems on `record` and returns
// the calendar month when all are good.
inline constexpr std::string_view kOhssMonthColumns[] = {"fiscal_year", "fy_month", "month",
                                                         "calendar_year", "calendar_month"};
std::optional<util::YearMonth> parse_ohss_month(Record& record);

}  // namespace bf::ingest::detail
