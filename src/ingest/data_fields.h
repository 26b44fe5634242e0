#pragma once
// Helpers shared by the official-format readers (data_*.cc): locating columns by their exact
// header names and parsing counts. Internal to the io layer's data readers.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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

// English month names, January first, as OHSS spells them.
inline constexpr std::string_view kMonthNames[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// The federal fiscal year of a calendar month: FY N runs from October N-1 to September N.
inline int fiscal_year_of(util::YearMonth month) {
  return month.month >= 10 ? month.year + 1 : month.year;
}

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

// for_each_record for files too large to parse whole (util::CsvCursor): one record in memory
// at a time, the same checks and calls. The difference is what a CSV syntax error leaves:
// the records before it have been handed to `on_record`, so the caller discards what it kept
// when this returns false (the error is then in `errors`). `data_rows` counts the records
// read after the header. Returns false when the table could not be opened or a syntax error
// stopped the loop.
template <typename OnRecord>
bool stream_records(std::string_view bytes, const std::vector<std::string_view>& columns,
                    const std::string& file, std::vector<DataError>& errors,
                    std::int64_t& data_rows, OnRecord&& on_record) {
  util::CsvCursor cursor(bytes);
  util::CsvRecord rec;
  const auto syntax_error = [&] {
    errors.push_back({file, cursor.error()->line, cursor.error()->column, cursor.error()->message});
    return false;
  };
  if (!cursor.next(rec)) {
    if (cursor.error()) return syntax_error();
    errors.push_back({file, 0, 0, "empty file (no header)"});
    return false;
  }
  const std::optional<std::vector<std::size_t>> index = map_header(rec, columns, file, errors);
  while (cursor.next(rec)) {
    ++data_rows;
    if (!index || !check_field_count(rec, columns.size(), file, errors)) continue;
    Record record(rec, *index, file, errors);
    on_record(record);
  }
  if (cursor.error()) return syntax_error();
  return index.has_value();
}

// A calendar month "YYYY-MM" at column `month_column` and the fiscal year at
// `fiscal_year_column` of the same record, checked to agree (October to December belong to
// the next fiscal year); problems are reported on `record`. The month when both are good.
std::optional<util::YearMonth> parse_month_and_fiscal_year(Record& record, std::size_t month_column,
                                                           std::size_t fiscal_year_column);

// The rows of a table with one row per calendar month and category (a CBP component, an ICE
// agency; `names` in category order, as the file spells them). Finds a repeated (month,
// category) and, once every row is read, the months lacking a category, then hands each
// complete month's rows to a check across categories. A month with a bad row is left out of
// those month checks: the row's own errors come first.
class MonthCategories {
 public:
  explicit MonthCategories(std::vector<std::string_view> names) : names_(std::move(names)) {}

  // Call once per record, after its own checks, with what was parsed of its month and its
  // category (-1: unknown) and the index the row will take if kept. A repeated (month,
  // category) is an error on the record ("duplicate row: <name> <month> already on line N").
  // True when the row is to be kept: the record has no error.
  bool admit(Record& record, const std::optional<util::YearMonth>& month, int category,
             std::size_t row);

  // For each month (in order) without a bad row: an error at its first line if a category is
  // missing ("2023-12 has no "OFO" row (<why>)"), otherwise on_complete(month, rows) with
  // rows[c] the row index of category c.
  template <typename OnComplete>
  void check_months(const std::string& file, std::string_view why, std::vector<DataError>& errors,
                    OnComplete&& on_complete) const {
    for (const auto& [index, month] : months_) {
      if (month.failed) continue;
      const std::string missing = missing_names(month);
      if (!missing.empty()) {
        errors.push_back({file, month.first_line, 0,
                          util::YearMonth::from_index(index).to_string() + " has no " + missing +
                              " row (" + std::string(why) + ")"});
        continue;
      }
      on_complete(util::YearMonth::from_index(index), month.rows);
    }
  }

 private:
  struct Month {
    std::vector<int> lines;         // first line of each category; 0: none
    std::vector<std::size_t> rows;  // row index of each category (when lines[c] != 0)
    int first_line = 0;
    bool failed = false;  // a row of the month had an error
  };
  std::string missing_names(const Month& month) const;

  std::vector<std::string_view> names_;
  std::map<int, Month> months_;  // by YearMonth::index()
};

// The five leading columns of every OHSS KHSM monthly extract, in this order:
// fiscal_year, fy_month, month, calendar_year, calendar_month (indices 0..4 of the reader's
// expected columns). Checks each and that they agree (fiscal month 1 is October of the
// previous calendar year, month names in English); reports problems on `record` and returns
// the calendar month when all are good.
inline constexpr std::string_view kOhssMonthColumns[] = {"fiscal_year", "fy_month", "month",
                                                         "calendar_year", "calendar_month"};
std::optional<util::YearMonth> parse_ohss_month(Record& record);

}  // namespace bf::ingest::detail
