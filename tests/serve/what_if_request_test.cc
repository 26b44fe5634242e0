// The what-if request parser (serve/what_if_request.h): shape, bounds and the paths and values
// a request may set.

#include "serve/what_if_request.h"

#include <gtest/gtest.h>

#include <string>

namespace bf::serve {
namespace {

const ServeLimits kLimits{};

WhatIfRequest parsed(const std::string& body) {
  auto result = parse_what_if_request(body, kLimits);
  EXPECT_TRUE(std::holds_alternative<WhatIfRequest>(result))
      << std::get<RequestError>(result).message;
  return std::get<WhatIfRequest>(result);
}

std::string refused(const std::string& body) {
  auto result = parse_what_if_request(body, kLimits);
  EXPECT_TRUE(std::holds_alternative<RequestError>(result)) << body;
  return std::holds_alternative<RequestError>(result) ? std::get<RequestError>(result).message : "";
}

TEST(WhatIfRequest, ReadsScenarioValuesAndReplications) {
  const WhatIfRequest r = parsed(
      R"({"scenario": "december-2023", "replications": 2,
          "set": {"policies.what_if_rim.acceptance": "400/day", "detention.beds": 36000,
                  "policies.x.share.single_adult": 0.5, "policies.y.release_families": false}})");
  EXPECT_EQ(r.scenario, "december-2023");
  EXPECT_EQ(r.replications, 2);
  const scenario::Overrides expected = {{"detention.beds", "36000"},
                                        {"policies.what_if_rim.acceptance", "400/day"},
                                        {"policies.x.share.single_adult", "0.5"},
                                        {"policies.y.release_families", "false"}};
  EXPECT_EQ(r.overrides, expected);
}

TEST(WhatIfRequest, DefaultsToTheLimitsReplications) {
  EXPECT_EQ(parsed(R"({"scenario": "a"})").replications, kLimits.default_replications);
}

TEST(WhatIfRequest, RefusesBadShapesWithAMessageNamingTheField) {
  EXPECT_NE(refused("not json").find("not JSON"), std::string::npos);
  EXPECT_NE(refused("[1]").find("object"), std::string::npos);
  EXPECT_NE(refused("{}").find("'scenario'"), std::string::npos);
  EXPECT_NE(refused(R"({"scenario": "a", "extra": 1})").find("unknown field 'extra'"),
            std::string::npos);
  EXPECT_NE(refused(R"({"scenario": "a", "replications": 0})").find("'replications'"),
            std::string::npos);
  EXPECT_NE(refused(R"({"scenario": "a", "replications": 11})").find("1 to 10"), std::string::npos);
  EXPECT_NE(refused(R"({"scenario": "a", "set": [1]})").find("'set'"), std::string::npos);
}

TEST(WhatIfRequest, RefusesTooManyValues) {
  std::string set;
  for (int i = 0; i <= static_cast<int>(kLimits.max_overrides); ++i) {
    if (i > 0) set += ',';
    set += "\"policies.p";
    set += std::to_string(i);
    set += ".change\": 1";
  }
  EXPECT_NE(refused(R"({"scenario": "a", "set": {)" + set + "}}").find("at most"),
            std::string::npos);
}

TEST(WhatIfRequest, SettablePathsAreTheLeverSectionsAndNeverAFile) {
  EXPECT_TRUE(is_settable_path("detention.beds"));
  EXPECT_TRUE(is_settable_path("sectors.del_rio.processing_agents"));
  EXPECT_TRUE(is_settable_path("policies.what_if_beds.change"));
  EXPECT_TRUE(is_settable_path("arrivals.effects.scale.mexico_enforcement_2023_12"));
  EXPECT_FALSE(is_settable_path("arrivals.table"));
  EXPECT_FALSE(is_settable_path("arrivals.effects.table"));
  EXPECT_FALSE(is_settable_path("dispositions.outcome_mix"));
  EXPECT_FALSE(is_settable_path("seed"));
  EXPECT_FALSE(is_settable_path("ports.traffic_table"));
  EXPECT_FALSE(is_settable_path("detention..beds"));
  EXPECT_FALSE(is_settable_path("detention.beds."));
  EXPECT_FALSE(is_settable_path("Detention.beds"));
  EXPECT_FALSE(is_settable_path("detention.beds=1"));
}

TEST(WhatIfRequest, ValuesArePlainYamlScalars) {
  for (const char* ok : {"36000", "-5", "0.5", "400/day", "27d", "2023-12-01", "true", "a_b"}) {
    EXPECT_TRUE(is_plain_value(ok)) << ok;
  }
  for (const char* bad : {"", "a b", "[x]", "{}", "'q'", "\"q\"", "#", "a\nb", "- x", "-", "null",
                          "~", "&a", "*a", "!t", "<b>", ":x"}) {
    EXPECT_FALSE(is_plain_value(bad)) << bad;
  }
  EXPECT_NE(refused(R"({"scenario": "a", "set": {"detention.beds": "<script>"}})")
                .find("value of 'detention.beds'"),
            std::string::npos);
}

}  // namespace
}  // namespace bf::serve
