#include "ingest/data_fields.h"

#include <algorithm>
#include <charconv>

namespace bf::ingest::detail {

std::string quote_text(std::string_view text) {
  // Built by appending: `"\"" + std::string(text)` trips GCC 12's -Wrestrict false positive.
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  out.append(text);
  out.push_back('"');
  return out;
}

std::string unknown_value_message(std::string_view what, std::string_view text,
                                  const std::vector<std::string_view>& candidates) {
  std::string message = "unknown " + std::string(what) + " " + quote_text(text);
  if (auto near = nearest_name(text, candidates)) {
    return message + " (did you mean " + quote_text(*near) + "?)";
  }
  message += " (expected one of";
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    message += (i ? ", " : " ") + quote_text(candidates[i]);
  }
  return message + ")";
}

std::optional<std::vector<std::size_t>> map_header(const util::CsvRecord& header,
                                                   const std::vector<std::string_view>& expected,
                                                   const std::string& file,
                                                   std::vector<DataError>& errors) {
  const std::size_t before = errors.size();
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> index(expected.size(), kNone);
  std::vector<bool> used(header.fields.size(), false);
  for (std::size_t f = 0; f < header.fields.size(); ++f) {
    const util::CsvField& field = header.fields[f];
    for (std::size_t e = 0; e < expected.size(); ++e) {
      if (field.text != expected[e]) continue;
      used[f] = true;
      if (index[e] != kNone) {
        errors.push_back(
            {file, header.line, field.column, "duplicate column " + quote_text(field.text)});
      } else {
        index[e] = f;
      }
    }
  }
  // A missing column is reported at the unexpected column that looks like it (a rename),
  // which is then not reported a second time.
  for (std::size_t e = 0; e < expected.size(); ++e) {
    if (index[e] != kNone) continue;
    std::vector<std::string_view> unused;
    std::vector<std::size_t> unused_index;
    for (std::size_t f = 0; f < header.fields.size(); ++f) {
      if (!used[f]) {
        unused.push_back(header.fields[f].text);
        unused_index.push_back(f);
      }
    }
    std::string message = "missing column " + quote_text(expected[e]);
    int column = 0;
    // nearest_name(text, candidates) looks for a candidate close to text; here the roles
    // are swapped per unused field so the distance bound follows the expected name.
    for (std::size_t u = 0; u < unused.size(); ++u) {
      if (nearest_name(unused[u], {expected[e]})) {
        message += " (found " + quote_text(unused[u]) + " instead: renamed?)";
        column = header.fields[unused_index[u]].column;
        used[unused_index[u]] = true;
        break;
      }
    }
    errors.push_back({file, header.line, column, message});
  }
  for (std::size_t f = 0; f < header.fields.size(); ++f) {
    if (used[f]) continue;
    errors.push_back({file, header.line, header.fields[f].column,
                      "unexpected column " + quote_text(header.fields[f].text)});
  }
  if (errors.size() != before) return std::nullopt;
  return index;
}

bool check_field_count(const util::CsvRecord& record, std::size_t expected, const std::string& file,
                       std::vector<DataError>& errors) {
  if (record.fields.size() == expected) return true;
  const util::CsvField& last = record.fields.back();
  const bool is_short = record.fields.size() < expected;
  errors.push_back(
      {file, record.line, is_short ? last.column + static_cast<int>(last.text.size()) : last.column,
       "expected " + std::to_string(expected) + " fields, found " +
           std::to_string(record.fields.size()) + (is_short ? " (truncated line?)" : "")});
  return false;
}

std::optional<std::int64_t> parse_count(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const bool grouped = text.find(',') != std::string_view::npos;
  std::int64_t value = 0;
  int digits = 0;
  int group = 0;  // digits since the last comma (or start)
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ',') {
      // The first group has 1-3 digits, later ones exactly 3.
      if (group == 0 || group > 3 || (digits != group && group != 3)) return std::nullopt;
      group = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (++digits > 15) return std::nullopt;
    ++group;
    value = value * 10 + (c - '0');
  }
  if (grouped && group != 3) return std::nullopt;
  return value;
}

std::optional<int> parse_small_int(std::string_view text) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<double> parse_decimal(std::string_view text) {
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view decimals =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  auto all_digits = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!all_digits(whole) || (point != std::string_view::npos && !all_digits(decimals))) {
    return std::nullopt;
  }
  if (whole.size() + decimals.size() > 18) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<OpenedTable> open_table(std::string_view bytes,
                                      const std::vector<std::string_view>& columns,
                                      const std::string& file, std::vector<DataError>& errors,
                                      std::int64_t& data_rows) {
  util::CsvParseResult parsed = util::parse_csv(bytes);
  if (parsed.error) {
    errors.push_back({file, parsed.error->line, parsed.error->column, parsed.error->message});
    return std::nullopt;
  }
  OpenedTable table{std::move(*parsed.document), {}};
  if (table.document.records.empty()) {
    errors.push_back({file, 0, 0, "empty file (no header)"});
    return std::nullopt;
  }
  auto index = map_header(table.document.records[0], columns, file, errors);
  data_rows = static_cast<std::int64_t>(table.document.records.size()) - 1;
  if (!index) return std::nullopt;
  table.index = std::move(*index);
  return table;
}

bool MonthCategories::admit(Record& record, const std::optional<util::YearMonth>& month,
                            int category, std::size_t row) {
  if (!month) return false;  // its error is on the record
  Month& m = months_[month->index()];
  if (m.lines.empty()) {
    m.lines.assign(names_.size(), 0);
    m.rows.assign(names_.size(), 0);
  }
  if (m.first_line == 0) m.first_line = record.line();
  if (category >= 0) {
    int& line = m.lines[static_cast<std::size_t>(category)];
    if (line != 0) {
      record.fail_record("duplicate row: " + std::string(names_[category]) + " " +
                         month->to_string() + " already on line " + std::to_string(line));
    } else {
      line = record.line();
      m.rows[static_cast<std::size_t>(category)] = row;
    }
  }
  if (record.failed()) m.failed = true;
  return !record.failed();
}

std::string MonthCategories::missing_names(const Month& month) const {
  std::string missing;
  for (std::size_t c = 0; c < names_.size(); ++c) {
    if (month.lines[c] == 0) {
      missing += (missing.empty() ? "" : " and ") + quote_text(names_[c]);
    }
  }
  return missing;
}

std::optional<util::YearMonth> parse_month_and_fiscal_year(Record& record, std::size_t month_column,
                                                           std::size_t fiscal_year_column) {
  const auto month = util::YearMonth::parse(record.text(month_column));
  if (!month) {
    record.fail(month_column, "month " + quote_text(record.text(month_column)) +
                                  " is not YYYY-MM (like 2023-12)");
  }
  const auto fiscal_year = parse_small_int(record.text(fiscal_year_column));
  if (!fiscal_year || *fiscal_year < 1900 || *fiscal_year > 9999) {
    record.fail(fiscal_year_column,
                "fiscal year " + quote_text(record.text(fiscal_year_column)) + " is not a year");
    return std::nullopt;
  }
  if (!month) return std::nullopt;
  if (fiscal_year_of(*month) != *fiscal_year) {
    record.fail(fiscal_year_column, "fiscal year " + std::to_string(*fiscal_year) +
                                        " does not match month " + month->to_string() +
                                        " (fiscal year " + std::to_string(fiscal_year_of(*month)) +
                                        ": October to December belong to the next one)");
    return std::nullopt;
  }
  return month;
}

std::optional<util::YearMonth> parse_ohss_month(Record& record) {
  bool bad = false;
  auto fail = [&](std::size_t c, std::string message) {
    record.fail(c, std::move(message));
    bad = true;
  };
  const auto fiscal_year = parse_small_int(record.text(0));
  if (!fiscal_year || *fiscal_year < 1900 || *fiscal_year > 9999) {
    fail(0, "fiscal year " + quote_text(record.text(0)) + " is not a year");
  }
  const auto fy_month = parse_small_int(record.text(1));
  if (!fy_month || *fy_month < 1 || *fy_month > 12) {
    fail(1, "fiscal month " + quote_text(record.text(1)) + " is not 1..12");
  }
  const auto year = parse_small_int(record.text(3));
  if (!year || *year < 1900 || *year > 9999) {
    fail(3, "calendar year " + quote_text(record.text(3)) + " is not a year");
  }
  const auto month = parse_small_int(record.text(4));
  if (!month || *month < 1 || *month > 12) {
    fail(4, "calendar month " + quote_text(record.text(4)) + " is not 1..12");
  } else if (record.text(2) != kMonthNames[*month - 1]) {
    fail(2, "month name " + quote_text(record.text(2)) + " does not match calendar month " +
                record.text(4) + " (" + std::string(kMonthNames[*month - 1]) + ")");
  }
  // Fiscal month 1 is October of the previous calendar year.
  if (fiscal_year && fy_month && year && month) {
    const int expected_month = (*fy_month + 8) % 12 + 1;
    const int expected_year = *fy_month <= 3 ? *fiscal_year - 1 : *fiscal_year;
    if (expected_month != *month || expected_year != *year) {
      fail(3, "calendar month " + record.text(3) + "-" + record.text(4) +
                  " does not match fiscal year " + record.text(0) + " month " + record.text(1));
    }
  }
  if (bad) return std::nullopt;
  return util::YearMonth{*year, *month};
}

}  // namespace bf::ingest::detail
