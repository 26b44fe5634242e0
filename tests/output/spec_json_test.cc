// scenario.json, the resolved scenario: what it shows of the rules an outcome mix replaces.
#include "output/spec_json.h"

#include <gtest/gtest.h>

namespace bf::output {
namespace {

// Without a mix ICE releases the fixed share of the people it decides, so the file shows it;
// with one the share comes from the mix month by month and the fixed share is never read, so
// the file shows null rather than a value that did nothing.
TEST(SpecJson, CredibleFearShareIsShownOnlyWhenItIsUsed) {
  model::ModelSpec spec;
  spec.detention.credible_fear_positive_share = 0.3;
  EXPECT_EQ(spec_to_json(spec)["detention"]["credible_fear_positive_share"], 0.3);

  spec.dispositions.outcome_mix.months.push_back(model::OutcomeMixMonth{});
  spec.dispositions.outcome_mix_file = "mix.csv";
  const auto with_mix = spec_to_json(spec);
  EXPECT_TRUE(with_mix["detention"]["credible_fear_positive_share"].is_null());
  EXPECT_EQ(with_mix["dispositions"]["outcome_mix"], "mix.csv");
  EXPECT_EQ(with_mix["dispositions"]["outcome_mix_months"], 1);
}

}  // namespace
}  // namespace bf::output
