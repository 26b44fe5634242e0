// The changed scenario as YAML (serve/scenario_yaml.h).

#include "serve/scenario_yaml.h"

#include <gtest/gtest.h>

namespace bf::serve {
namespace {

TEST(WhatIfYaml, ExtendsTheBaseAndNestsTheValuesInTheirOrder) {
  const auto yaml = what_if_yaml("december-2023.yaml", {{"policies.b.kind", "agents"},
                                                        {"detention.beds", "36000"},
                                                        {"policies.b.patrol", "10"},
                                                        {"policies.a.kind", "barrier"}});
  ASSERT_TRUE(yaml);
  const std::string body = yaml->substr(yaml->find("\nextends:") + 1);
  EXPECT_EQ(body,
            "extends: december-2023.yaml\n"
            "policies:\n"
            "  b:\n"
            "    kind: agents\n"
            "    patrol: 10\n"
            "  a:\n"
            "    kind: barrier\n"
            "detention:\n"
            "  beds: 36000\n");
  EXPECT_NE(yaml->find("--set detention.beds=36000"), std::string::npos) << *yaml;
}

TEST(WhatIfYaml, RefusesAPathInsideAnothersValue) {
  EXPECT_FALSE(what_if_yaml("a.yaml", {{"detention.beds", "1"}, {"detention.beds.x", "2"}}));
  EXPECT_FALSE(what_if_yaml("a.yaml", {{"detention.beds.x", "1"}, {"detention.beds", "2"}}));
}

}  // namespace
}  // namespace bf::serve
