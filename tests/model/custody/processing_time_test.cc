// The processing time alone: the Title 42 short form, a demographic's Title 8 case, a family
// as one case, and the one-minute floor.
#include "model/custody/processing_time.h"

#include <gtest/gtest.h>

#include "model/random_purpose.h"

namespace bf::model {
namespace {

engine::RandomStream service_stream() {
  return engine::RandomStream(7, 0, static_cast<std::uint8_t>(Purpose::kService), 5);
}

ProcessingSpec fixed_times() {
  ProcessingSpec p;
  for (DurationSpec& d : p.service_time) d = {90, 0.0};
  p.service_time[index_of(Demographic::kFamilyUnitMember)] = {40, 0.0};
  p.title42_service_time = {20, 0.0};
  return p;
}

TEST(ProcessingTime, ATitle8CaseTakesItsDemographicsTimeAndAFamilyAddsUp) {
  const ProcessingSpec p = fixed_times();
  Unit adult;
  adult.demographic = Demographic::kSingleAdult;
  engine::RandomStream rs = service_stream();
  EXPECT_EQ(draw_processing_time(adult, p, rs), 90);
  Unit family;
  family.demographic = Demographic::kFamilyUnitMember;
  family.size = 4;
  EXPECT_EQ(draw_processing_time(family, p, rs), 4 * 40);
}

TEST(ProcessingTime, AnExpulsionIsTheShortForm) {
  const ProcessingSpec p = fixed_times();
  Unit u;
  u.title42 = true;
  u.size = 3;
  engine::RandomStream rs = service_stream();
  EXPECT_EQ(draw_processing_time(u, p, rs), 3 * 20);
}

TEST(ProcessingTime, AtLeastOneMinute) {
  ProcessingSpec p = fixed_times();
  p.service_time[index_of(Demographic::kSingleAdult)] = {0, 0.0};
  Unit u;
  engine::RandomStream rs = service_stream();
  EXPECT_EQ(draw_processing_time(u, p, rs), 1);
}

}  // namespace
}  // namespace bf::model
