#include "output/run_summary.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "output/daily_console_line.h"
#include "output/fan_out.h"
#include "test_folder.h"
#include "test_reports.h"

namespace bf::output {
namespace {

using nlohmann::ordered_json;
using testing::make_reports;
using testing::read_file;
using testing::ScratchFolder;

std::vector<std::string> keys(const ordered_json& j) {
  std::vector<std::string> out;
  for (const auto& item : j.items()) out.push_back(item.key());
  return out;
}

Provenance test_provenance() {
  Provenance p;
  p.version = "0.1.0";
  p.scenario_name = "toy";
  p.scenario_file = "scenarios/toy.yaml";
  p.scenario_sha256 = "ab12";
  p.seed = 18446744073709551615ull;  // full 64-bit range survives
  p.start_date = *util::Date::from_ymd(2024, 2, 28);
  p.days = 3;
  p.fingerprint = "0123456789abcdef";
  p.extra = {{"zeta", "1"}, {"alpha", "2"}};
  return p;
}

RunSummary summarise() {
  RunSummary summary;
  for (const auto& r : make_reports()) summary.on_day(r);
  return summary;
}

TEST(RunSummaryTest, TotalsMeansAndPeaks) {
  const ordered_json j = summarise().to_json(test_provenance());
  const ordered_json& t = j["totals"];
  EXPECT_EQ(t["crossings"], 840);
  EXPECT_EQ(t["repeat_crossings"], 84);
  EXPECT_EQ(t["encounters"], 810);
  EXPECT_EQ(t["encounters_by_demographic"].dump(),
            R"({"single_adult":690,"family_unit_member":60,"unaccompanied_child":60,)"
            R"("accompanied_minor":30})");
  EXPECT_EQ(t["encounters_by_citizenship"].dump(),
            R"({"mexico":570,"guatemala":120,"honduras":60,"el_salvador":30,"other":30})");
  EXPECT_EQ(t["gotaways"], 30);
  EXPECT_EQ(t["processed"], 780);
  EXPECT_EQ(t["returned_to_mexico"], 120);
  EXPECT_EQ(t["title42_expulsions"], 36);
  EXPECT_EQ(t["remain_in_mexico"], 18);
  EXPECT_EQ(t["transferred_to_ice"], 60);
  EXPECT_EQ(t["released_by_ice"], 24);
  EXPECT_EQ(t["released"], 540);
  EXPECT_EQ(t["crowded_releases"], 42);  // 7 in each of two sectors, three days
  EXPECT_EQ(t["transferred_to_orr"], 60);
  EXPECT_EQ(t["left_custody"], 240);
  EXPECT_EQ(t["detention_book_ins"], 60);
  EXPECT_EQ(t["detention_releases"], 9);
  EXPECT_EQ(t["removals"], 48);
  EXPECT_EQ(t["removals_by_destination"].dump(),
            R"({"mexico":3,"guatemala":6,"honduras":9,"el_salvador":12,"other":18})");
  EXPECT_EQ(t["orr_releases"], 12);

  // TIC: (10.25*40 + 30*60) * 2 days + 10.25*40 = 4830 hours over 240 people = 20.125.
  EXPECT_EQ(j["means"].dump(),
            R"({"daily_crossings":280.0,"daily_encounters":270.0,"daily_gotaways":10.0,)"
            R"("in_custody":560.0,"detention_population":1100.0,"tic_hours":20.13})");

  const ordered_json& p = j["peaks"];
  EXPECT_EQ(p["encounters"].dump(), R"({"value":370,"date":"2024-02-29"})");
  EXPECT_EQ(p["in_custody"].dump(), R"({"value":760,"date":"2024-02-29"})");
  EXPECT_EQ(p["over_capacity"].dump(), R"({"value":160,"date":"2024-02-29"})");
  EXPECT_EQ(p["held_over_72h"].dump(), R"({"value":19,"date":"2024-02-29"})");
  EXPECT_EQ(p["awaiting_processing"].dump(), R"({"value":76,"date":"2024-02-29"})");
  EXPECT_EQ(p["detention_population"].dump(), R"({"value":1200,"date":"2024-03-01"})");
  // Constant every day: the tie keeps the first date.
  EXPECT_EQ(p["awaiting_detention_bed"].dump(), R"({"value":7,"date":"2024-02-28"})");
  EXPECT_EQ(p["waiting_in_mexico"].dump(), R"({"value":900,"date":"2024-02-28"})");

  EXPECT_EQ(j["sectors"]["rio_grande_valley"].dump(),
            R"({"crossings":440,"encounters":425,"gotaways":15,)"
            R"("peak_in_custody":{"value":360,"date":"2024-02-29"},)"
            R"("peak_over_capacity":{"value":60,"date":"2024-02-29"},)"
            R"("peak_held_over_72h":{"value":9,"date":"2024-02-29"}})");
  EXPECT_EQ(j["sectors"]["el_centro"]["peak_in_custody"].dump(),
            R"({"value":0,"date":"2024-02-28"})");
  EXPECT_EQ(j["final_states"]["entered"], 10002);
  EXPECT_EQ(j["final_states"]["removed"], 1804);
  EXPECT_EQ(j["period"].dump(),
            R"({"first_date":"2024-02-28","last_date":"2024-03-01","days_observed":3})");
}

TEST(RunSummaryTest, KeyOrderIsFixed) {
  const ordered_json j = summarise().to_json(test_provenance());
  EXPECT_EQ(keys(j), (std::vector<std::string>{"provenance", "period", "totals", "means", "peaks",
                                               "sectors", "final_states"}));
  EXPECT_EQ(j["provenance"].dump(),
            R"({"version":"0.1.0","scenario":"toy","scenario_file":"scenarios/toy.yaml",)"
            R"("scenario_sha256":"ab12","seed":18446744073709551615,"start_date":"2024-02-28",)"
            R"("days":3,"fingerprint":"0123456789abcdef","extra":{"zeta":"1","alpha":"2"}})");
  EXPECT_EQ(keys(j["totals"]), (std::vector<std::string>{"crossings",
                                                         "repeat_crossings",
                                                         "encounters",
                                                         "encounters_by_demographic",
                                                         "encounters_by_citizenship",
                                                         "gotaways",
                                                         "processed",
                                                         "returned_to_mexico",
                                                         "title42_expulsions",
                                                         "remain_in_mexico",
                                                         "transferred_to_ice",
                                                         "released_by_ice",
                                                         "released",
                                                         "crowded_releases",
                                                         "transferred_to_orr",
                                                         "left_custody",
                                                         "detention_book_ins",
                                                         "detention_releases",
                                                         "removals",
                                                         "removals_by_destination",
                                                         "orr_releases"}));
  EXPECT_EQ(
      keys(j["peaks"]),
      (std::vector<std::string>{"encounters", "in_custody", "over_capacity", "held_over_72h",
                                "awaiting_processing", "detention_population",
                                "awaiting_detention_bed", "orr_population", "waiting_in_mexico"}));
  std::vector<std::string> sector_keys(model::kSectorKeys.begin(), model::kSectorKeys.end());
  EXPECT_EQ(keys(j["sectors"]), sector_keys);
  EXPECT_EQ(keys(j["final_states"]),
            (std::vector<std::string>{"entered", "waiting_in_mexico", "crossing", "in_custody",
                                      "in_detention", "in_orr", "got_away", "in_mexico", "released",
                                      "removed"}));
}

TEST(RunSummaryTest, WriteJsonIsDeterministicWithTwoSpaceIndent) {
  ScratchFolder scratch;
  summarise().write_json(scratch.path() / "a.json", test_provenance());
  summarise().write_json(scratch.path() / "b.json", test_provenance());
  const std::string a = read_file(scratch.path() / "a.json");
  EXPECT_EQ(a, read_file(scratch.path() / "b.json"));
  const std::string prefix = "{\n  \"provenance\": {\n    \"version\": \"0.1.0\",\n";
  EXPECT_EQ(a.substr(0, prefix.size()), prefix);
  EXPECT_EQ(a.back(), '\n');
  EXPECT_EQ(ordered_json::parse(a), summarise().to_json(test_provenance()));
}

TEST(RunSummaryTest, EmptyRunHasNullDatesAndZeros) {
  const ordered_json j = RunSummary().to_json(test_provenance());
  EXPECT_EQ(j["period"].dump(), R"({"first_date":null,"last_date":null,"days_observed":0})");
  EXPECT_EQ(j["peaks"]["in_custody"].dump(), R"({"value":0,"date":null})");
  EXPECT_EQ(j["means"]["daily_encounters"], 0.0);
  EXPECT_EQ(RunSummary().terminal_table(), "no simulated days\n");
}

TEST(RunSummaryTest, TerminalTable) {
  EXPECT_EQ(summarise().terminal_table(),
            "Southwest Border, 2024-02-28 to 2024-03-01 (3 days)\n"
            "  crossings                            840\n"
            "  encounters                           810  270.00 a day\n"
            "  gotaways                              30\n"
            "  processed                            780\n"
            "  returned to Mexico                   120\n"
            "  expelled (Title 42)                   36\n"
            "  remain in Mexico                      18\n"
            "  transferred to ICE                    60\n"
            "  released                             540\n"
            "  transferred to ORR                    60\n"
            "  removals                              48\n"
            "  mean time in custody (h)           20.13\n"
            "  peak in custody                      760  on 2024-02-29\n"
            "  peak over capacity                   160  on 2024-02-29\n"
            "  peak held over 72h                    19  on 2024-02-29\n"
            "  peak detention population          1,200  on 2024-03-01\n");
}

// Runs with ports add a "ports" block to summary.json and a section to the terminal table;
// runs without ports have neither (above).
TEST(RunSummaryTest, WarnsWhenCustodyPassesTwiceTheHoldingCapacity) {
  // Capacity 600 (two sectors of 300). Days 0 and 1 hold 440 and 760 (at most 1.27x): no
  // warning. Then two days at 1,400 and 1,300 people (2.33x, 2.17x).
  RunSummary summary;
  std::vector<model::DayReport> reports = make_reports();
  for (const auto& r : reports) summary.on_day(r);
  EXPECT_FALSE(summary.to_json(test_provenance()).contains("warnings"));
  EXPECT_EQ(summary.terminal_table().find("WARNING"), std::string::npos);
  for (const std::int64_t people : {700, 650}) {
    model::DayReport r = reports.back();
    r.date = r.date + 1;
    r.sectors[testing::kSanDiego].in_custody = people;
    r.sectors[testing::kRioGrandeValley].in_custody = people;
    reports.push_back(r);
    summary.on_day(r);
  }
  const ordered_json j = summary.to_json(test_provenance());
  EXPECT_EQ(keys(j).back(), "warnings");
  EXPECT_EQ(j["warnings"]["custody_over_capacity"].dump(),
            R"({"multiple":2.0,"days":2,"first_date":"2024-03-02","max_ratio":2.33,)"
            R"("max_ratio_date":"2024-03-02"})");
  EXPECT_NE(summary.terminal_table().find("WARNING: Border Patrol custody above 2x its holding "
                                          "capacity on 2 days from 2024-03-02; at most 2.33x on "
                                          "2024-03-02"),
            std::string::npos)
      << summary.terminal_table();
}

TEST(RunSummaryTest, CountsDaysEachPolicyIsInForce) {
  RunSummary summary({"remain_in_mexico", "never"});
  std::vector<model::DayReport> days = make_reports();  // 2024-02-28 .. 2024-03-01
  days[0].policies_in_force = {false, false};
  days[1].policies_in_force = {true, false};
  days[2].policies_in_force = {true, false};
  for (const auto& r : days) summary.on_day(r);
  const ordered_json j = summary.to_json(Provenance{});
  EXPECT_EQ(j["policies"].dump(),
            R"({"remain_in_mexico":{"days_in_force":2,"first_day_in_force":"2024-02-29",)"
            R"("last_day_in_force":"2024-03-01"},"never":{"days_in_force":0,)"
            R"("first_day_in_force":null,"last_day_in_force":null}})");
  EXPECT_NE(summary.terminal_table().find(
                "Policies (days in force)\n  remain_in_mexico                       2\n"),
            std::string::npos)
      << summary.terminal_table();
  EXPECT_FALSE(RunSummary().to_json(Provenance{}).contains("policies"));
}

TEST(RunSummaryTest, PortTotals) {
  RunSummary summary;
  int day = 0;
  for (model::DayReport r : testing::make_reports()) {
    model::PortDay port;
    port.encounters = 10;
    port.appointments = 7;
    port.modes[static_cast<std::size_t>(model::Mode::kTruck)].processed = 100.5;
    port.modes[static_cast<std::size_t>(model::Mode::kRail)].processed = 40;
    port.modes[static_cast<std::size_t>(model::Mode::kRail)].closed = day == 1;
    port.modes[static_cast<std::size_t>(model::Mode::kPedestrian)].lost = 3;
    port.truck_hours_delay = 2.25;
    port.railcar_days_delay = day == 1 ? 5 : 0;
    port.freight_delayed_usd = 1e6;
    port.officers_redeployed = 4;
    r.ports = {port};
    summary.on_day(r);
    ++day;
  }
  const auto j = summary.to_json(Provenance{});
  EXPECT_EQ(j["ports"].dump(),
            R"({"encounters":30,"appointments":21,"trucks_processed":301.5,)"
            R"("railcars_processed":120.0,"units_lost":9.0,"truck_hours_delay":6.75,)"
            R"("railcar_days_delay":5.0,"freight_delayed_usd":3000000.0,)"
            R"("closed_crossing_days":1,"officers_redeployed_days":12.0})");
  const std::string table = summary.terminal_table();
  EXPECT_NE(table.find("Ports of entry\n"
                       "  encounters at ports                   30\n"
                       "  trucks processed                     302\n"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("  freight delayed (USD)          3,000,000\n"
                       "  crossing-days closed                   1\n"),
            std::string::npos)
      << table;
}

// ports.units_lost sums every mode's _lost column; ports.closed_crossing_days counts a
// crossing-day once however many of its modes were closed (the schema's port_key rules).
TEST(RunSummaryTest, PortTotalsSumEveryModeAndCountACrossingDayOnce) {
  RunSummary summary;
  model::DayReport r = testing::make_reports().front();
  model::PortDay port;
  for (model::ModeDay& mode : port.modes) {
    mode.lost = 1.25;
    mode.closed = true;
  }
  model::PortDay open_port;
  r.ports = {port, open_port};
  summary.on_day(r);
  const auto j = summary.to_json(Provenance{});
  EXPECT_EQ(j["ports"]["units_lost"].get<double>(), 1.25 * model::kModeCount);
  EXPECT_EQ(j["ports"]["closed_crossing_days"].get<std::int64_t>(), 1);
}

TEST(DailyConsoleLineTest, HeaderAndAlignedLine) {
  const DailyConsoleLine line;
  const auto reports = make_reports();
  EXPECT_EQ(line.header(),
            "date        encounters  in_custody  over_capacity  held_over_72h   detention");
  EXPECT_EQ(line(reports[1]),
            "2024-02-29         370         760            160             19        1100");
  EXPECT_EQ(line(reports[1]).size(), line.header().size());
}

// Records the order in which observers see days.
class Recorder : public model::DayObserver {
 public:
  Recorder(std::vector<std::string>& log, std::string name) : log_(log), name_(std::move(name)) {}
  void on_day(const model::DayReport& r) override {
    log_.push_back(name_ + ":" + std::to_string(r.day_index));
  }

 private:
  std::vector<std::string>& log_;
  std::string name_;
};

TEST(FanOutTest, ForwardsEveryDayToEveryObserverInOrder) {
  std::vector<std::string> log;
  Recorder a(log, "a");
  Recorder b(log, "b");
  RunSummary summary;
  FanOut fan({&a});
  fan.add(b);
  fan.add(summary);
  EXPECT_EQ(fan.size(), 3u);
  for (const auto& r : make_reports()) fan.on_day(r);
  EXPECT_EQ(log, (std::vector<std::string>{"a:0", "b:0", "a:1", "b:1", "a:2", "b:2"}));
  EXPECT_EQ(summary.days_observed(), 3);
  EXPECT_EQ(summary.total_crossings(), 840);
}

}  // namespace
}  // namespace bf::output
