// Processing agents from the encounters: the busiest month of the run at the utilization,
// with Title 42's shorter processing while it applies.

#include "model/processing_capacity.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "tiny_world.h"

namespace bf::model {
namespace {

ArrivalLevel level(int sector, util::YearMonth month, Demographic d, double per_day,
                   double title42_share = 0.0) {
  ArrivalLevel l;
  l.sector = sector;
  l.month = month;
  l.demographic = d;
  l.citizenship = Citizenship::kOther;
  l.encounters_per_day = per_day;
  l.title42_share = title42_share;
  return l;
}

TEST(ProcessingCapacity, BusiestMonthAtTheUtilization) {
  ModelSpec spec = testing::tiny_spec(60);  // 1 January – 29 February 2024
  spec.processing.service_time[index_of(Demographic::kSingleAdult)].mean = 75;
  spec.processing.service_time[index_of(Demographic::kFamilyUnitMember)].mean = 60;
  spec.arrivals.levels = {
      // Sector 0: January 100 adults a day = 7,500 agent-minutes; February 120 adults and 50
      // family members = 9,000 + 3,000 = 12,000, the busiest.
      level(0, {2024, 1}, Demographic::kSingleAdult, 100),
      level(0, {2024, 2}, Demographic::kSingleAdult, 120),
      level(0, {2024, 2}, Demographic::kFamilyUnitMember, 50),
      // March is not in the run.
      level(0, {2024, 3}, Demographic::kSingleAdult, 10000),
      // Sector 2: 10 adults a day, 750 agent-minutes.
      level(2, {2024, 1}, Demographic::kSingleAdult, 10)};
  const PerSector<int> half = processing_agents_from_encounters(spec, 0.5);
  EXPECT_EQ(half[0], 17);  // ceil(12,000 / 720) = ceil(16.67)
  EXPECT_EQ(half[2], 2);   // ceil(750 / 720)
  EXPECT_EQ(half[1], 1);   // no encounters: one agent
  const PerSector<int> full = processing_agents_from_encounters(spec, 1.0);
  EXPECT_EQ(full[0], 9);  // ceil(12,000 / 1,440) = ceil(8.33)
  EXPECT_EQ(full[2], 1);
}

TEST(ProcessingCapacity, Title42ExpulsionsTakeTheirOwnTime) {
  ModelSpec spec = testing::tiny_spec(31);
  spec.processing.service_time[index_of(Demographic::kSingleAdult)].mean = 75;
  spec.processing.title42_service_time.mean = 30;
  spec.arrivals.levels = {level(0, {2024, 1}, Demographic::kSingleAdult, 100, 0.5)};
  // No title42_end: Title 42 never applies, every encounter takes 75 minutes: 7,500.
  EXPECT_EQ(processing_agents_from_encounters(spec, 1.0)[0], 6);  // ceil(5.21)
  // In force all month: half at 30 minutes, half at 75: 5,250 agent-minutes.
  spec.dispositions.title42_end = *util::Date::parse("2024-06-01");
  EXPECT_EQ(processing_agents_from_encounters(spec, 1.0)[0], 4);  // ceil(3.65)
}

TEST(ProcessingCapacity, UtilizationMustBeAShare) {
  const ModelSpec spec = testing::tiny_spec(1);
  EXPECT_THROW(processing_agents_from_encounters(spec, 0.0), std::invalid_argument);
  EXPECT_THROW(processing_agents_from_encounters(spec, 1.5), std::invalid_argument);
}

}  // namespace
}  // namespace bf::model
