// The ports validation of docs/validation.md ("Ports"), as a test: the default scenario run
// from November 2023 (scenarios/validation/ports-2023-11-to-2024-01.yaml) against CBP's
// Texas bridge counts. Eagle Pass trucks and passenger vehicles must come within 20% for
// November 2023 – January 2024 (the Camino Real redeployment is fitted on December's
// passenger vehicles; everything else is a check), and the rail closure of 18–21 December
// must show day by day: no railcars while closed, a backlog that clears after.
// Skips when ../shared/data is not beside the repository.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli_process.h"
#include "ingest/data_error.h"
#include "ingest/data_texas_crossings.h"

namespace bf::apps::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kTexas =
    fs::path("../shared/data/bts_border_crossings/tx_mx_monthly_crossings_2008_2025.csv");

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string f; std::getline(in, f, ',');) fields.push_back(f);
  return fields;
}

// port_days.csv as rows of named fields.
struct PortDays {
  std::vector<std::map<std::string, std::string>> rows;

  explicit PortDays(const std::string& csv) {
    std::stringstream in(csv);
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> header = split(line);
    while (std::getline(in, line)) {
      const std::vector<std::string> fields = split(line);
      std::map<std::string, std::string> row;
      for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i)
        row[header[i]] = fields[i];
      rows.push_back(std::move(row));
    }
  }

  // Sum of `column` over the crossings' days in `month` (YYYY-MM).
  double month_total(const std::vector<std::string>& crossings, const std::string& month,
                     const std::string& column) const {
    double total = 0;
    for (const auto& row : rows) {
      if (row.at("date").compare(0, 7, month) != 0) continue;
      for (const std::string& c : crossings) {
        if (row.at("crossing") == c) total += std::stod(row.at(column));
      }
    }
    return total;
  }

  double on(const std::string& crossing, const std::string& date, const std::string& column) const {
    for (const auto& row : rows) {
      if (row.at("date") == date && row.at("crossing") == crossing)
        return std::stod(row.at(column));
    }
    ADD_FAILURE() << "no row for " << crossing << " on " << date;
    return 0;
  }
};

class PortsValidationTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    if (!fs::exists(kTexas)) GTEST_SKIP() << "Texas crossing file not found at " << kTexas;
    const ingest::FileText text = ingest::read_file_bytes(kTexas);
    ASSERT_TRUE(text.bytes.has_value());
    texas_ = ingest::parse_texas_crossings(*text.bytes, kTexas.string());
    ASSERT_TRUE(texas_.ok()) << texas_.errors.front().to_string();
    const CliResult run = run_cli(
        {"run", "scenarios/validation/ports-2023-11-to-2024-01.yaml", "-q", "--out", at("out")},
        tmp());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    days_ = std::make_unique<PortDays>(read_bytes(tmp() / "out" / "port_days.csv"));
  }

  double observed(const std::vector<std::string>& crossings, util::YearMonth month,
                  model::Mode mode) const {
    double total = 0;
    for (const ingest::TexasCrossingRow& r : texas_.rows) {
      if (r.month != month || r.mode != mode) continue;
      for (const std::string& c : crossings) {
        if (r.crossing == c) total += static_cast<double>(r.units);
      }
    }
    return total;
  }

  ingest::TexasCrossingTable texas_;
  std::unique_ptr<PortDays> days_;
};

const std::vector<std::string> kEaglePass = {"eagle_pass_bridge_1", "eagle_pass_camino_real"};
const std::vector<std::string> kEaglePassTexas = {"Eagle Pass International Bridge",
                                                  "Camino Real International Bridge"};
const util::YearMonth kMonths[] = {{2023, 11}, {2023, 12}, {2024, 1}};

TEST_F(PortsValidationTest, EaglePassTrucksAndCarsWithinTwentyPercent) {
  for (const util::YearMonth month : kMonths) {
    for (const auto& [mode, column] :
         {std::pair{model::Mode::kTruck, "truck_processed"},
          std::pair{model::Mode::kPassengerVehicle, "passenger_vehicle_processed"}}) {
      const double sim = days_->month_total(kEaglePass, month.to_string(), column);
      const double obs = observed(kEaglePassTexas, month, mode);
      ASSERT_GT(obs, 0);
      EXPECT_LT(std::fabs(sim - obs) / obs, 0.20)
          << column << " " << month.to_string() << ": simulated " << sim << ", observed " << obs;
    }
  }
}

TEST_F(PortsValidationTest, BridgeOneCarriesNoCarsInDecember) {
  // CBP counted 551 in December 2023 (of about 98,000 in a normal December).
  EXPECT_EQ(days_->month_total({"eagle_pass_bridge_1"}, "2023-12", "passenger_vehicle_processed"),
            0.0);
}

TEST_F(PortsValidationTest, RailClosureHoldsRailcarsAndTheBacklogClears) {
  for (const std::string crossing : {"eagle_pass_rail", "el_paso_rail"}) {
    for (const char* day : {"2023-12-18", "2023-12-19", "2023-12-20", "2023-12-21"}) {
      EXPECT_EQ(days_->on(crossing, day, "rail_processed"), 0.0) << crossing << " " << day;
    }
    EXPECT_GT(days_->on(crossing, "2023-12-21", "rail_queue"), 0.0) << crossing;
    EXPECT_GT(days_->on(crossing, "2023-12-22", "rail_processed"),
              days_->on(crossing, "2023-12-22", "rail_demand"))
        << crossing << ": the backlog is worked off after the reopening";
    EXPECT_EQ(days_->on(crossing, "2023-12-31", "rail_queue"), 0.0) << crossing;
    EXPECT_GT(days_->month_total({crossing}, "2023-12", "railcar_days_delay"), 0.0);
  }
  // The monthly railcars still match: the backlog crossed within December.
  const double sim = days_->month_total({"eagle_pass_rail"}, "2023-12", "rail_processed");
  const double obs =
      observed({"Union Pacific Eagle Pass Railroad Bridge"}, {2023, 12}, model::Mode::kRail);
  EXPECT_LT(std::fabs(sim - obs) / obs, 0.20) << "simulated " << sim << ", observed " << obs;
}

}  // namespace
}  // namespace bf::apps::testing
