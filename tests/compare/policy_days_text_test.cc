// The days a triggered policy was in force, as compare collects them from each replication's
// day reports and prints them per scenario.
#include "compare/policy_days_text.h"

#include <gtest/gtest.h>

#include <vector>

namespace bf::compare {
namespace {

model::PolicySpec policy(const char* name, bool triggered) {
  model::PolicySpec p;
  p.name = name;
  if (triggered) p.trigger = model::PolicyTrigger{};
  return p;
}

TEST(PolicyDaysTest, TheObserverCountsEachPolicysDaysInForce) {
  MetricsObserver observer;
  const std::vector<std::vector<bool>> days = {
      {true, false}, {true, true}, {false, true}, {true, true}};
  for (std::size_t d = 0; d < days.size(); ++d) {
    model::DayReport report;
    report.day_index = static_cast<int>(d);
    report.date = *util::Date::parse("2024-01-01") + static_cast<std::int64_t>(d);
    report.policies_in_force = days[d];
    observer.on_day(report);
  }
  EXPECT_EQ(observer.result().policy_days, (std::vector<int>{3, 3}));
}

TEST(PolicyDaysTest, PrintsTheTriggeredPoliciesMeanFewestAndMost) {
  model::ModelSpec spec;
  spec.days = 122;
  spec.policies = {policy("beds", false), policy("emergency_authority", true),
                   policy("port_minimum", true)};
  std::vector<ReplicationMetrics> runs(3);
  runs[0].policy_days = {122, 122, 122};
  runs[1].policy_days = {122, 117, 117};
  runs[2].policy_days = {122, 79, 79};
  EXPECT_EQ(policy_days_text('B', spec, runs),
            "B: days in force of its triggered policies (of 122; mean, fewest .. most over the "
            "replications)\n"
            "  emergency_authority                106.0  79 .. 122\n"
            "  port_minimum                       106.0  79 .. 122\n");
  spec.policies = {policy("beds", false)};
  EXPECT_EQ(policy_days_text('A', spec, runs), "");
}

}  // namespace
}  // namespace bf::compare
