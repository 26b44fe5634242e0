// The ports part of scenario.json: every crossing, its lanes, and the timeline, resolved.
#include "output/ports_json.h"

#include <gtest/gtest.h>

namespace bf::output {
namespace {

using model::Mode;

TEST(PortsJson, CrossingsLanesAndTimeline) {
  model::PortsSpec p;
  model::CrossingSpec c;
  c.key = "eagle_pass_rail";
  c.name = "Eagle Pass rail";
  c.sector = 6;  // del_rio
  c.traffic_officers = 4;
  c.modes[static_cast<std::size_t>(Mode::kRail)] = {1, 90.0, 0, 24};
  p.crossings.push_back(c);
  model::ClosureSpec closure;
  closure.crossing = 0;
  closure.modes[static_cast<std::size_t>(Mode::kRail)] = true;
  closure.first_day = *util::Date::parse("2023-12-18");
  closure.last_day = *util::Date::parse("2023-12-21");
  p.closures.push_back(closure);
  model::SlowdownSpec slow;
  slow.crossing = 0;
  slow.modes[static_cast<std::size_t>(Mode::kRail)] = true;
  slow.factor = 0.5;
  slow.first_day = closure.first_day;
  slow.last_day = closure.last_day;
  p.slowdowns.push_back(slow);
  p.max_wait_hours[static_cast<std::size_t>(Mode::kTruck)] = 12;

  const nlohmann::ordered_json j = ports_to_json(p);
  const auto& rail = j["crossings"]["eagle_pass_rail"];
  EXPECT_EQ(rail["sector"], "del_rio");
  EXPECT_EQ(rail["lanes"].size(), 1u);  // only the modes it serves
  EXPECT_EQ(rail["lanes"]["rail"]["per_lane_hour"], 90.0);
  EXPECT_EQ(j["closures"][0].dump(),
            R"({"crossing":"eagle_pass_rail","modes":["rail"],"first_day":"2023-12-18",)"
            R"("last_day":"2023-12-21"})");
  EXPECT_EQ(j["slowdowns"][0]["factor"], 0.5);
  EXPECT_EQ(j["max_wait_hours_0_none"]["truck"], 12.0);
  EXPECT_EQ(j["max_wait_hours_0_none"]["rail"], 0.0);
}

}  // namespace
}  // namespace bf::output
