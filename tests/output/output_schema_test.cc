#include "output/output_schema.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "test_reports.h"

namespace bf::output {
namespace {

// Every column is documented and readable by the table that lists it.
TEST(OutputSchema, EveryFieldHasAUnitAMeaningAndAReader) {
  for (Table table : kTables) {
    std::set<std::string> names;
    for (const KeyColumn& key : key_columns(table)) names.insert(std::string(key.name));
    for (const Field& f : fields(table)) {
      SCOPED_TRACE(std::string(table_name(table)) + "." + f.name);
      EXPECT_FALSE(f.unit.empty());
      EXPECT_FALSE(f.meaning.empty());
      EXPECT_TRUE(names.insert(f.name).second) << "duplicate column";
      switch (table) {
        case Table::kSectorDays:
          EXPECT_TRUE(f.sector);
          break;
        case Table::kDays:
          EXPECT_TRUE(f.over_sectors == OverSectors::kSum ? bool(f.sector) : bool(f.system));
          break;
        case Table::kPortDays:
          EXPECT_TRUE(f.port);
          break;
      }
    }
  }
}

// The days table starts with the sector table's columns, in the same order.
TEST(OutputSchema, DaysStartWithTheSectorColumns) {
  const auto& sector = fields(Table::kSectorDays);
  const auto& days = fields(Table::kDays);
  ASSERT_GT(days.size(), sector.size());
  for (std::size_t i = 0; i < sector.size(); ++i) EXPECT_EQ(days[i].name, sector[i].name);
}

// A summed days value is the sum of its sector values; a pooled one is the system's.
TEST(OutputSchema, DayValueAggregatesOverSectors) {
  const model::DayReport report = testing::make_reports().front();
  for (const Field& f : fields(Table::kDays)) {
    if (f.over_sectors != OverSectors::kSum || f.type != ColumnType::kInteger) continue;
    std::int64_t sum = 0;
    for (const model::SectorDay& s : report.sectors) sum += f.sector(s).integer;
    EXPECT_EQ(day_value(f, report).integer, sum) << f.name;
  }
}

// The compare metrics declared on the days and port_days fields are numbered 0, 1, 2, ...
// once each, with distinct keys; a stock is read as a mean or peak, a flow as a sum.
TEST(OutputSchema, CompareUsesAreNumberedOnceWithDistinctKeys) {
  std::set<int> orders;
  std::set<std::string_view> keys;
  for (const Table table : {Table::kDays, Table::kPortDays}) {
    for (const Field& f : fields(table)) {
      for (const CompareUse& use : f.compare) {
        SCOPED_TRACE(std::string(table_name(table)) + "." + f.name);
        EXPECT_TRUE(orders.insert(use.order).second) << "order " << use.order << " twice";
        EXPECT_TRUE(keys.insert(use.key).second) << use.key << " twice";
        EXPECT_FALSE(use.label.empty());
        EXPECT_EQ(use.aggregation == PeriodAggregation::kSum, f.kind == Kind::kFlow);
      }
    }
  }
  ASSERT_FALSE(orders.empty());
  EXPECT_EQ(*orders.begin(), 0);
  EXPECT_EQ(*orders.rbegin(), static_cast<int>(orders.size()) - 1);
}

// summary.json's ports keys: numbered 0, 1, 2, ..., each number with one key and one rule
// (a key may gather several fields: units_lost, closed_crossing_days).
TEST(OutputSchema, PortTotalKeysAreNumberedWithOneKeyEach) {
  std::map<int, std::pair<std::string_view, bool>> keys;
  for (const Field& f : fields(Table::kPortDays)) {
    const SummaryUse& use = f.summary;
    if (use.port_key.empty()) continue;
    SCOPED_TRACE(f.name);
    const auto [it, added] =
        keys.emplace(use.port_order, std::pair(use.port_key, use.port_any_nonzero));
    EXPECT_TRUE(added || it->second == std::pair(use.port_key, use.port_any_nonzero));
  }
  ASSERT_FALSE(keys.empty());
  EXPECT_EQ(keys.begin()->first, 0);
  EXPECT_EQ(keys.rbegin()->first, static_cast<int>(keys.size()) - 1);
  EXPECT_EQ(keys.at(0).first, "encounters");
  EXPECT_EQ(keys.at(static_cast<int>(keys.size()) - 1).first, "officers_redeployed_days");
}

TEST(OutputSchema, DictionaryHasEveryTableAndRejectsUnknownOnes) {
  const std::string all = column_dictionary();
  for (std::string_view name :
       {"## days\n", "## sector_days\n", "## port_days\n", "## summary\n"}) {
    EXPECT_NE(all.find(name), std::string::npos) << name;
  }
  EXPECT_EQ(column_dictionary("days").rfind("## days\n", 0), 0u);
  EXPECT_NE(column_dictionary("summary").find("`totals.transferred_to_orr`"), std::string::npos);
  EXPECT_THROW(column_dictionary("bogus"), std::invalid_argument);
}

}  // namespace
}  // namespace bf::output
