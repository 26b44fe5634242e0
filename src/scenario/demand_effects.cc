#include "scenario/demand_effects.h"

#include <cmath>
#include <map>
#include <optional>

#include "scenario/suggest.h"
#include "scenario/units.h"
#include "util/csv_reader.h"

namespace bf::scenario {
namespace {

constexpr std::string_view kPath = "arrivals.effects.table";
constexpr std::string_view kSouthwest = "southwest";

}  // namespace

std::vector<model::EffectScale> read_effects_table(std::string_view contents, int file,
                                                   DiagnosticSink& sink) {
  const std::string path(kPath);
  const util::CsvParseResult parsed = util::parse_csv(contents);
  if (!parsed.document) {
    sink.error(Location{file, parsed.error->line, parsed.error->column}, path,
               "CSV syntax error in effects table: " + parsed.error->message);
    return {};
  }
  const std::vector<util::CsvRecord>& records = parsed.document->records;
  std::string header_text;
  if (!records.empty()) {
    for (const util::CsvField& f : records.front().fields) {
      header_text += (header_text.empty() ? "" : ",") + f.text;
    }
  }
  if (header_text != kEffectsTableHeader) {
    const int line = records.empty() ? static_cast<int>(parsed.document->comments.size()) + 1
                                     : records.front().line;
    sink.error(Location{file, line, 1}, path,
               "effects table header must be '" + std::string(kEffectsTableHeader) + "'",
               "the table `borderflow fit-demand` writes");
    return {};
  }
  std::vector<model::EffectScale> effects;
  std::map<std::string, std::size_t> index_of;  // effect name → position in `effects`
  std::map<std::string, int> effect_line;       // effect name → its first row's line
  std::map<std::string, int> first_line;        // "effect/sector" → line
  std::map<std::string, std::array<bool, model::kSectorCount>> seen;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const util::CsvRecord& row = records[r];
    const auto at = [&](std::size_t field) {
      return Location{file, row.line, field < row.fields.size() ? row.fields[field].column : 1};
    };
    if (row.fields.size() != 6) {
      sink.error(at(0), path,
                 "effects table row has " + std::to_string(row.fields.size()) +
                     " fields; expected 6 (" + std::string(kEffectsTableHeader) + ")");
      continue;
    }
    const std::size_t errors = sink.count();
    const std::string& name = row.fields[0].text;
    if (name.empty()) sink.error(at(0), path, "effects table row has no effect name");
    const std::optional<util::Date> date = util::Date::parse(row.fields[1].text);
    if (!date) {
      sink.error(at(1), path,
                 "effects table date must be 'YYYY-MM-DD', got '" + row.fields[1].text + "'");
    }
    const std::string& ramp = row.fields[2].text;
    if (ramp != "0" && ramp != "1") {
      sink.error(at(2), path, "effects table ramp_months must be 0 or 1, got '" + ramp + "'");
    }
    int sector = -1;
    const std::string& sector_text = row.fields[3].text;
    if (sector_text != kSouthwest) {
      for (std::size_t s = 0; s < model::kSectorCount; ++s) {
        if (model::kSectorKeys[s] == sector_text) sector = static_cast<int>(s);
      }
      if (sector < 0) {
        std::vector<std::string_view> keys(model::kSectorKeys.begin(), model::kSectorKeys.end());
        keys.push_back(kSouthwest);
        sink.error(at(3), path, "unknown sector '" + sector_text + "' in effects table",
                   did_you_mean_or_list(sector_text, keys));
      }
    }
    const Parsed<double> log_effect = parse_number(row.fields[4].text);
    if (!log_effect.ok()) {
      sink.error(at(4), path,
                 "effects table log_effect must be a number, got '" + row.fields[4].text + "'");
    }
    const Parsed<double> error = parse_number(row.fields[5].text);
    if (!error.ok() || *error.value < 0.0) {
      sink.error(
          at(5), path,
          "effects table standard_error must be a number >= 0, got '" + row.fields[5].text + "'");
    }
    if (sink.count() != errors) continue;
    const auto [line_it, inserted] = first_line.emplace(name + "/" + sector_text, row.line);
    if (!inserted) {
      sink.error(at(0), path, "duplicate effects table row for " + name + " " + sector_text,
                 "first written at line " + std::to_string(line_it->second));
      continue;
    }
    auto [it, added] = index_of.emplace(name, effects.size());
    if (added) {
      model::EffectScale e;
      e.name = name;
      e.date = *date;
      e.ramp_months = ramp == "1" ? 1 : 0;
      effects.push_back(e);
      effect_line[name] = row.line;
      seen[name] = {};
    }
    model::EffectScale& e = effects[it->second];
    if (e.date != *date || e.ramp_months != (ramp == "1" ? 1 : 0)) {
      sink.error(at(1), path,
                 "effect " + name + " has date " + e.date.to_string() + " and ramp " +
                     std::to_string(e.ramp_months) + " on an earlier row, " + date->to_string() +
                     " and " + ramp + " here");
      continue;
    }
    if (sector < 0) continue;  // the Southwest total: checked, not applied
    e.log_effect[static_cast<std::size_t>(sector)] = *log_effect.value;
    e.standard_error[static_cast<std::size_t>(sector)] = *error.value;
    seen[name][static_cast<std::size_t>(sector)] = true;
  }
  for (const model::EffectScale& e : effects) {
    std::string missing;
    for (std::size_t s = 0; s < model::kSectorCount; ++s) {
      if (!seen[e.name][s])
        missing += (missing.empty() ? "" : ", ") + std::string(model::kSectorKeys[s]);
    }
    if (!missing.empty()) {
      sink.error(Location{file, effect_line[e.name], 1}, path,
                 "effect " + e.name + " has no row for " + missing,
                 "every effect needs all nine sectors");
    }
  }
  return effects;
}

void apply_effect(const model::EffectScale& effect, std::vector<model::ArrivalLevel>& levels) {
  if (effect.scale == 1.0) return;
  for (model::ArrivalLevel& level : levels) {
    const double share = util::share_in_force(effect.date, effect.ramp_months, level.month);
    if (share == 0.0) continue;
    level.encounters_per_day *= std::exp(
        (effect.scale - 1.0) * effect.log_effect[static_cast<std::size_t>(level.sector)] * share);
  }
}

}  // namespace bf::scenario
