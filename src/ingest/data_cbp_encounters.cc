#include "ingest/data_cbp_encounters.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

#include "ingest/data_fields.h"
#include "util/csv_reader.h"

namespace bf::ingest {
namespace {

using model::Citizenship;
using model::Demographic;

template <typename T>
struct Name {
  std::string_view text;
  T value;
};

// Every spelling seen in CBP releases FY2021–FY2025, mapped deliberately. Anything else is an
// error, so a new category in a future release is noticed rather than lumped in somewhere.
constexpr Name<CbpComponent> kComponents[] = {
    {"U.S. Border Patrol", CbpComponent::kBorderPatrol},
    {"Office of Field Operations", CbpComponent::kFieldOperations}};
constexpr Name<Demographic> kDemographics[] = {
    {"Single Adults", Demographic::kSingleAdult},
    {"FMUA", Demographic::kFamilyUnitMember},
    {"UAC", Demographic::kUnaccompaniedChild},
    // The label CBP used for unaccompanied children in part of FY2021.
    {"UC / Single Minors", Demographic::kUnaccompaniedChild},
    {"Accompanied Minors", Demographic::kAccompaniedMinor}};
// The Southwest file groups citizenship already; "Other" holds every other country
// (Venezuela, Cuba, Colombia, ...). These five are the only values in the FY21–FY25 releases.
constexpr Name<Citizenship> kCitizenships[] = {{"Mexico", Citizenship::kMexico},
                                               {"Guatemala", Citizenship::kGuatemala},
                                               {"Honduras", Citizenship::kHonduras},
                                               {"El Salvador", Citizenship::kElSalvador},
                                               {"Other", Citizenship::kOther}};
constexpr Name<CbpTitle> kTitles[] = {{"Title 8", CbpTitle::kTitle8},
                                      {"Title 42", CbpTitle::kTitle42}};
constexpr Name<CbpEncounterType> kEncounterTypes[] = {
    {"Apprehensions", CbpEncounterType::kApprehensions},
    {"Inadmissibles", CbpEncounterType::kInadmissibles},
    {"Expulsions", CbpEncounterType::kExpulsions}};
// Fiscal month order: OCT is month 1 of the fiscal year.
constexpr std::array<std::string_view, 12> kFiscalMonths = {
    "OCT", "NOV", "DEC", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP"};

template <typename T, std::size_t N>
std::optional<T> lookup(const Name<T> (&names)[N], std::string_view text) {
  for (const auto& n : names) {
    if (n.text == text) return n.value;
  }
  return std::nullopt;
}

template <typename T, std::size_t N>
std::string unknown_value(std::string_view what, const Name<T> (&names)[N], std::string_view text) {
  std::vector<std::string_view> candidates;
  for (const auto& n : names) candidates.push_back(n.text);
  return detail::unknown_value_message(what, text, candidates);
}

// "2024", or "2025 (FYTD)" as CBP labels the current fiscal year in some releases.
std::optional<int> parse_fiscal_year(std::string_view text) {
  constexpr std::string_view kSuffix = " (FYTD)";
  if (text.size() == 4 + kSuffix.size() && text.substr(4) == kSuffix) text = text.substr(0, 4);
  if (text.size() != 4) return std::nullopt;
  auto year = detail::parse_small_int(text);
  if (!year || *year < 1900) return std::nullopt;
  return year;
}

}  // namespace

CbpEncounterTable parse_cbp_encounters(std::string_view bytes, std::string file) {
  CbpEncounterTable table;
  table.file = std::move(file);
  const std::vector<std::string_view> columns(std::begin(kCbpEncounterColumns),
                                              std::end(kCbpEncounterColumns));

  // Rows with the same key would be double counted when summed. The demographic is keyed by
  // its label: "UAC" and "UC / Single Minors" rows of one month are distinct and both count.
  using Key = std::tuple<int, int, std::string, int, int, int>;
  std::map<Key, int> first_line;

  detail::for_each_record(
      bytes, columns, table.file, table.errors, table.data_rows, [&](detail::Record& rec) {
        CbpEncounterRow row;
        row.line = rec.line();
        const auto fiscal_year = parse_fiscal_year(rec.field(0).text);
        if (!fiscal_year)
          rec.fail(0, "fiscal year " + detail::quote_text(rec.field(0).text) +
                          " is not a year like \"2024\" or \"2025 (FYTD)\"");
        // Month Grouping says whether the month lies in the current fiscal year to date; it
        // does not change the month, but it is checked so a shifted column is caught.
        if (rec.field(1).text != "FYTD" && rec.field(1).text != "Remaining") {
          rec.fail(1, "month grouping " + detail::quote_text(rec.field(1).text) +
                          " is not \"FYTD\" or \"Remaining\"");
        }
        int fiscal_month = 0;
        for (std::size_t m = 0; m < kFiscalMonths.size(); ++m) {
          if (kFiscalMonths[m] == rec.field(2).text) fiscal_month = static_cast<int>(m) + 1;
        }
        if (fiscal_month == 0) {
          rec.fail(2, "month " + detail::quote_text(rec.field(2).text) +
                          " is not an abbreviation OCT, NOV, ..., SEP");
        }
        const auto component = lookup(kComponents, rec.field(3).text);
        if (!component) rec.fail(3, unknown_value("component", kComponents, rec.field(3).text));
        const auto demographic = lookup(kDemographics, rec.field(4).text);
        if (!demographic)
          rec.fail(4, unknown_value("demographic", kDemographics, rec.field(4).text));
        const auto citizenship = lookup(kCitizenships, rec.field(5).text);
        if (!citizenship)
          rec.fail(5, unknown_value("citizenship grouping", kCitizenships, rec.field(5).text));
        const auto title = lookup(kTitles, rec.field(6).text);
        if (!title) rec.fail(6, unknown_value("title of authority", kTitles, rec.field(6).text));
        const auto type = lookup(kEncounterTypes, rec.field(7).text);
        if (!type) rec.fail(7, unknown_value("encounter type", kEncounterTypes, rec.field(7).text));
        const auto count = detail::parse_count(rec.field(8).text);
        if (!count)
          rec.fail(8, "encounter count " + detail::quote_text(rec.field(8).text) +
                          " is not a whole number");
        if (rec.failed()) return;

        row.fiscal_year = *fiscal_year;
        // Fiscal months 1-3 (Oct-Dec) fall in the previous calendar year.
        row.month = fiscal_month <= 3 ? util::YearMonth{*fiscal_year - 1, fiscal_month + 9}
                                      : util::YearMonth{*fiscal_year, fiscal_month - 3};
        row.component = *component;
        row.demographic = *demographic;
        row.citizenship = *citizenship;
        row.title = *title;
        row.encounter_type = *type;
        row.encounters = *count;

        const Key key{row.month.index(),           static_cast<int>(row.component),
                      rec.field(4).text,           model::index_of(row.citizenship),
                      static_cast<int>(row.title), static_cast<int>(row.encounter_type)};
        const auto [it, inserted] = first_line.emplace(key, rec.line());
        if (!inserted) {
          rec.fail_record(
              "duplicate row: same month, component, demographic, citizenship, "
              "title and encounter type as line " +
              std::to_string(it->second));
          return;
        }
        table.rows.push_back(row);
      });
  return table;
}

CbpEncounterTable combine_cbp_releases(const std::vector<CbpEncounterTable>& releases) {
  CbpEncounterTable combined;
  // Latest month of each release; -1 for an empty one.
  std::vector<int> latest(releases.size(), -1);
  std::map<int, std::size_t> owner;  // month index -> release that supplies it
  for (std::size_t i = 0; i < releases.size(); ++i) {
    for (const CbpEncounterRow& row : releases[i].rows) {
      latest[i] = std::max(latest[i], row.month.index());
    }
  }
  for (std::size_t i = 0; i < releases.size(); ++i) {
    const CbpEncounterTable& release = releases[i];
    combined.file += (i ? " + " : "") + release.file;
    combined.data_rows += release.data_rows;
    combined.errors.insert(combined.errors.end(), release.errors.begin(), release.errors.end());
    for (const CbpEncounterRow& row : release.rows) {
      const auto [it, inserted] = owner.emplace(row.month.index(), i);
      // `>=`: on equal latest months the later release wins.
      if (!inserted && latest[i] >= latest[it->second]) it->second = i;
    }
  }
  for (std::size_t i = 0; i < releases.size(); ++i) {
    for (const CbpEncounterRow& row : releases[i].rows) {
      if (owner.at(row.month.index()) == i) combined.rows.push_back(row);
    }
  }
  return combined;
}

}  // namespace bf::ingest
