#pragma once
// Writes the model's daily reports as two CSV files (RFC 4180, "\n" line ends, no quoting
// needed: every field is a key, a date or a number):
//   sector_days.csv  one row per day x sector, sectors in kSectorKeys order (west to east);
//   days.csv         one row per day, Southwest totals plus system-wide columns.
// Columns and their meaning are listed in output/day_columns.h. Rows are written as the days
// arrive (memory does not grow with the run length). Numbers are deterministic: integers
// plain, reals with two decimals, no locale.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/day_report.h"
#include "output/day_columns.h"
#include "output/text_file.h"

namespace bf::output {

class CsvDayWriter : public model::DayObserver {
 public:
  static constexpr std::string_view kSectorDaysFile = "sector_days.csv";
  static constexpr std::string_view kDaysFile = "days.csv";
  // Written only when the scenario has ports of entry.
  static constexpr std::string_view kPortDaysFile = "port_days.csv";

  // Creates (or truncates) both files in `folder`, which must exist, and writes the headers.
  // Throws IoError.
  explicit CsvDayWriter(const std::filesystem::path& folder);

  // Appends the day's rows. Throws IoError on a write failure.
  void on_day(const model::DayReport& report) override;

  // Flushes and closes both files, reporting any deferred write error (IoError). Call before
  // OutputFolder::commit(); without it the destructor closes the files but errors go unseen.
  void finish();

 private:
  TextFile sector_days_;
  TextFile days_;
  std::filesystem::path folder_;
  std::optional<TextFile> port_days_;  // opened at the first day with ports
  std::string line_;                   // reused row buffer
  std::vector<Cell> cells_;            // reused row values
};

}  // namespace bf::output
