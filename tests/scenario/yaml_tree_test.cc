#include "scenario/yaml_tree.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace bf::scenario {
namespace {

// The reason yaml_tree exists: yaml-cpp 0.7 accepts a duplicated key without complaint,
// keeping both pairs when iterating and answering lookups with the first.
TEST(YamlCpp, KeepsDuplicateKeysSilently) {
  const YAML::Node n = YAML::Load("a: 1\na: 2\n");
  int pairs = 0;
  for (auto it = n.begin(); it != n.end(); ++it) ++pairs;
  EXPECT_EQ(pairs, 2);
  EXPECT_EQ(n["a"].as<int>(), 1);
}

TEST(ParseYaml, ReportsDuplicateKeysAndKeepsTheFirst) {
  const std::vector<SourceFile> sources = {{"s.yaml", "a: 1\nb:\n  c: 2\n  c: 3\na: 4\n"}};
  DiagnosticSink sink(sources);
  const std::optional<YamlNode> root = parse_yaml(sources[0].contents, 0, sink);
  ASSERT_TRUE(root);
  ASSERT_EQ(sink.count(), 2u);
  EXPECT_EQ(format_diagnostic(sink.diagnostics()[0]),
            "s.yaml:4:3: error: duplicate key 'c' at b (first written at line 3)\n"
            "    4 |   c: 3\n"
            "      |   ^\n");
  EXPECT_EQ(sink.diagnostics()[0].yaml_path, "b.c");
  EXPECT_EQ(format_diagnostic(sink.diagnostics()[1]),
            "s.yaml:5:1: error: duplicate key 'a' at top level (first written at line 1)\n"
            "    5 | a: 4\n"
            "      | ^\n");
  ASSERT_EQ(root->entries.size(), 2u);
  EXPECT_EQ(root->entries[0].value.scalar, "1");
  EXPECT_EQ(root->entries[1].value.entries[0].value.scalar, "2");
}

TEST(ParseYaml, LocatesValuesAndEmptyValues) {
  const std::vector<SourceFile> sources = {{"s.yaml", "x:\n  y: [1, 2]\n  z:\nw: 5\n"}};
  DiagnosticSink sink(sources);
  const std::optional<YamlNode> root = parse_yaml(sources[0].contents, 0, sink);
  ASSERT_TRUE(root);
  const YamlNode& x = root->entries[0].value;
  EXPECT_EQ(x.entries[0].value.location.line, 2);
  EXPECT_EQ(x.entries[0].value.location.column, 6);
  EXPECT_EQ(x.entries[0].value.items[1].location.column, 10);
  // An empty value is located at its key, not at the next token.
  EXPECT_EQ(x.entries[1].value.kind, YamlNode::Kind::kNull);
  EXPECT_EQ(x.entries[1].value.location.line, 3);
  EXPECT_EQ(x.entries[1].value.location.column, 3);
}

TEST(ParseYaml, SyntaxErrorUsesTheParserMark) {
  const std::vector<SourceFile> sources = {{"s.yaml", "a: [1, 2\nb: 3\n"}};
  DiagnosticSink sink(sources);
  EXPECT_FALSE(parse_yaml(sources[0].contents, 0, sink));
  ASSERT_EQ(sink.count(), 1u);
  EXPECT_EQ(format_diagnostic(sink.diagnostics()[0]),
            "s.yaml:2:2: error: YAML syntax error: end of sequence flow not found\n"
            "    2 | b: 3\n"
            "      |  ^\n");
}

TEST(FindInvalidUtf8, AcceptsUtf8AndLocatesBadBytes) {
  EXPECT_FALSE(find_invalid_utf8("name: Año – 2024 ✓\n"));
  const std::optional<Location> bad = find_invalid_utf8("a: 1\nname: A\xF1o\n");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->line, 2);
  EXPECT_EQ(bad->column, 8);
  EXPECT_TRUE(find_invalid_utf8("\xC0\xAF"));      // overlong '/'
  EXPECT_TRUE(find_invalid_utf8("\xED\xA0\x80"));  // UTF-16 surrogate
  EXPECT_TRUE(find_invalid_utf8("\xE2\x82"));      // truncated
}

TEST(ParseYaml, ControlCharactersAndDeepNesting) {
  const std::string deep = "a: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  const std::vector<SourceFile> sources = {{"s.yaml", std::string("a: 1\nb: x\0y\n", 13)},
                                           {"d.yaml", deep}};
  DiagnosticSink sink(sources);
  EXPECT_FALSE(parse_yaml(sources[0].contents, 0, sink));
  EXPECT_FALSE(parse_yaml(sources[1].contents, 1, sink));
  ASSERT_EQ(sink.count(), 2u);
  EXPECT_EQ(sink.diagnostics()[0].line, 2);
  EXPECT_EQ(sink.diagnostics()[0].column, 5);
  EXPECT_EQ(sink.diagnostics()[0].message, "file contains a control character (byte 0)");
  EXPECT_EQ(sink.diagnostics()[1].message, "YAML nesting is too deep");
}

TEST(Merge, MapsMergeRecursivelyOtherValuesReplace) {
  const std::vector<SourceFile> sources = {{"p.yaml", "a: {x: 1, y: 2}\nl: [1, 2]\ns: 1\n"},
                                           {"c.yaml", "a: {y: 3, z: 4}\nl: [9]\nn: 5\n"}};
  DiagnosticSink sink(sources);
  const YamlNode merged =
      merge(*parse_yaml(sources[0].contents, 0, sink), *parse_yaml(sources[1].contents, 1, sink));
  ASSERT_EQ(sink.count(), 0u);
  const YamlNode& a = merged.find("a")->value;
  EXPECT_EQ(a.find("x")->value.scalar, "1");
  EXPECT_EQ(a.find("x")->value.location.file, 0);
  EXPECT_EQ(a.find("y")->value.scalar, "3");
  EXPECT_EQ(a.find("y")->value.location.file, 1);
  EXPECT_EQ(a.find("z")->value.scalar, "4");
  ASSERT_EQ(merged.find("l")->value.items.size(), 1u);
  EXPECT_EQ(merged.find("s")->value.scalar, "1");
  EXPECT_EQ(merged.find("n")->value.scalar, "5");
}

// Found by the catalogue (tests/catalogue/scenario/alias_bomb.yaml): nine levels of ten
// aliases each expand to 10^9 values; the loader grew past 8 GB before it was bounded.
TEST(ParseYaml, RefusesAliasExpansionBeyondTheLimit) {
  std::string text = "a1: &a1 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 2; level <= 9; ++level) {
    const std::string prev = "*a" + std::to_string(level - 1);
    text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", " : "") + prev;
    text += "]\n";
  }
  const std::vector<SourceFile> sources = {{"s.yaml", text}};
  DiagnosticSink sink(sources);
  EXPECT_FALSE(parse_yaml(sources[0].contents, 0, sink));
  ASSERT_EQ(sink.count(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].message,
            "scenario has more than 20000 YAML values (each use of an alias '*name' counted in "
            "full); at most 20000 are read, to bound memory");
}

// Found by fuzz_scenario (fuzz/regressions/fuzz_scenario/self_referential_alias): an alias
// inside its own anchor is a cycle; following it overflowed the stack (a segfault).
TEST(ParseYaml, RefusesAnAliasInsideItsOwnAnchor) {
  const std::vector<SourceFile> sources = {{"s.yaml", "a: &a [x, *a]\n"}};
  DiagnosticSink sink(sources);
  EXPECT_FALSE(parse_yaml(sources[0].contents, 0, sink));
  ASSERT_EQ(sink.count(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].message,
            "YAML nesting is too deep once aliases are followed (more than 100 levels)");
}

TEST(ParseYaml, ModestAliasesStillWork) {
  const std::vector<SourceFile> sources = {{"s.yaml", "a: &x {b: 1}\nc: *x\n"}};
  DiagnosticSink sink(sources);
  const std::optional<YamlNode> root = parse_yaml(sources[0].contents, 0, sink);
  ASSERT_TRUE(root);
  EXPECT_EQ(sink.count(), 0u);
  EXPECT_EQ(root->entries[1].value.entries[0].value.scalar, "1");
}

// Issue 19: a whole CSV read as one scalar filled "expected a map, got '...'" with 40 kB.
TEST(Describe, LongScalarsAreCut) {
  YamlNode node;
  node.kind = YamlNode::Kind::kScalar;
  node.scalar = std::string(59, 'a') + "\xc3\xa9" + std::string(1000, 'b');
  EXPECT_EQ(describe(node), "'" + std::string(59, 'a') + "...' (1061 characters)");
  node.scalar = "short";
  EXPECT_EQ(describe(node), "'short'");
}

}  // namespace
}  // namespace bf::scenario
