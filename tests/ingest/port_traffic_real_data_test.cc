// Checks the crossing readers and the traffic derivation against the real published files, if
// present in ../shared/data/bts_border_crossings/ next to the source tree (they are not part
// of the project; see docs/data.md). Also checks that the shipped traffic table is exactly what
// the code derives.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include "ingest/data_bts_crossings.h"
#include "ingest/data_texas_crossings.h"
#include "ingest/port_traffic_builder.h"

namespace bf::ingest {
namespace {

const std::filesystem::path kRealData =
    std::filesystem::path(BF_SOURCE_DIR) / "../shared/data/bts_border_crossings";
const std::filesystem::path kBts = kRealData / "Border_Crossing_Entry_Data_US-Mexico_1996-2022.csv";
const std::filesystem::path kTexas = kRealData / "tx_mx_monthly_crossings_2008_2025.csv";
const std::filesystem::path kSources =
    std::filesystem::path(BF_SOURCE_DIR) / "data/ports/crossing-sources.csv";
const std::filesystem::path kShipped =
    std::filesystem::path(BF_SOURCE_DIR) / "data/ports/traffic-2023-11-to-2024-03.csv";

class RealCrossings : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kBts) || !std::filesystem::exists(kTexas)) {
      GTEST_SKIP() << "real data not found in " << kRealData;
    }
  }
};

TEST_F(RealCrossings, BtsParsesCompletely) {
  const BtsCrossingTable t =
      parse_bts_crossings(read_file_bytes(kBts).bytes.value_or(""), kBts.filename().string());
  ASSERT_TRUE(t.ok()) << t.errors.front().to_string();
  EXPECT_EQ(t.data_rows, 88142);
  EXPECT_EQ(t.other_borders, 0);  // the US-Mexico extract
  EXPECT_EQ(t.repeated_rows, 3);  // Personal Vehicles, Jun 2019: Del Rio, Roma, Santa Teresa
  EXPECT_EQ(t.ignored_measures, 43706);
  EXPECT_EQ(t.rows.size(), 44433u);
  std::map<BtsMeasure, std::int64_t> eagle_pass_dec_2021;
  util::YearMonth last{1996, 1};
  for (const BtsCrossingRow& r : t.rows) {
    if (r.port == "Eagle Pass" && r.month == util::YearMonth{2021, 12}) {
      eagle_pass_dec_2021[r.measure] = r.units;
    }
    if (last < r.month) last = r.month;
  }
  EXPECT_EQ(last, (util::YearMonth{2022, 7}));
  EXPECT_EQ(eagle_pass_dec_2021,
            (std::map<BtsMeasure, std::int64_t>{{BtsMeasure::kPedestrians, 73658},
                                                {BtsMeasure::kPersonalVehicles, 223325},
                                                {BtsMeasure::kTrucks, 16245},
                                                {BtsMeasure::kBuses, 575},
                                                {BtsMeasure::kRailContainersLoaded, 11651},
                                                {BtsMeasure::kRailContainersEmpty, 13727}}));
}

TEST_F(RealCrossings, TexasParsesCompletely) {
  const TexasCrossingTable t =
      parse_texas_crossings(read_file_bytes(kTexas).bytes.value_or(""), kTexas.filename().string());
  ASSERT_TRUE(t.ok()) << t.errors.front().to_string();
  EXPECT_EQ(t.data_rows, 34090);
  EXPECT_EQ(t.rows.size(), 34090u);
  std::map<std::tuple<std::string, int, model::Mode>, std::int64_t> units;
  for (const TexasCrossingRow& r : t.rows) units[{r.crossing, r.month.index(), r.mode}] = r.units;
  auto at = [&](const std::string& crossing, util::YearMonth month, model::Mode mode) {
    const auto it = units.find({crossing, month.index(), mode});
    return it == units.end() ? std::int64_t{-1} : it->second;
  };
  // Bridge 1 was largely closed to vehicles in December 2023.
  EXPECT_EQ(at("Eagle Pass International Bridge", {2023, 12}, model::Mode::kPassengerVehicle), 551);
  EXPECT_EQ(at("Camino Real International Bridge", {2023, 12}, model::Mode::kTruck), 10504);
  EXPECT_EQ(at("Camino Real International Bridge", {2023, 11}, model::Mode::kTruck), 18579);
  EXPECT_EQ(at("Union Pacific Eagle Pass Railroad Bridge", {2023, 12}, model::Mode::kRail), 25077);
  // A non-ASCII name, matched byte for byte.
  EXPECT_EQ(at("Ju\xC3\xA1rez-Lincoln International Bridge", {2023, 12}, model::Mode::kBus), 3311);
}

TEST_F(RealCrossings, ShippedTableIsWhatCalibratePortsDerives) {
  const std::filesystem::path dir = std::filesystem::path(BF_BINARY_DIR) / "calibrate_ports_real";
  std::filesystem::create_directories(dir);
  const std::filesystem::path out = dir / kShipped.filename();
  std::ostringstream err;
  ASSERT_EQ(run_calibrate_ports({kSources, kBts, kTexas, out, {2023, 11}, {2024, 3}}, err),
            kCalibrateOk)
      << err.str();
  const auto derived = read_file_bytes(out).bytes;
  const auto shipped = read_file_bytes(kShipped).bytes;
  ASSERT_TRUE(derived && shipped);
  EXPECT_TRUE(*derived == *shipped)
      << "data/ports is out of date; regenerate it with borderflow calibrate-ports "
         "(docs/data.md) or copy "
      << out;
}

}  // namespace
}  // namespace bf::ingest
