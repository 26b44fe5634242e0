#include "scenario/yaml_tree.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <utility>

namespace bf::scenario {
namespace {

// Most values (scalars, lists, maps) a scenario may hold once aliases are expanded. A real
// scenario has a few hundred; the limit keeps memory and time bounded when aliases nest
// ("billion laughs": ten aliases of ten aliases of ... grow exponentially) or a file is huge.
constexpr std::size_t kMaxYamlValues = 20000;
// Deepest nesting of maps and lists accepted once aliases are followed. yaml-cpp bounds the
// nesting it parses, but an alias inside its own anchor (`a: &a [x, *a]`) makes a cycle that
// conversion would follow until the stack overflowed. Real scenarios nest a few levels.
constexpr int kMaxYamlDepth = 100;

// What conversion may still use: `values` counts down from kMaxYamlValues; `too_deep` is set
// when kMaxYamlDepth was passed. Either stops conversion, and the caller reports it.
struct Budget {
  std::size_t values = kMaxYamlValues;
  bool too_deep = false;
  bool exhausted() const { return values == 0 || too_deep; }
};

Location location_of(const YAML::Mark& mark, int file) {
  return Location{file, mark.line + 1, mark.column + 1};
}

YamlNode convert(const YAML::Node& node, Location fallback, int file, const std::string& path,
                 DiagnosticSink& sink, Budget& budget, int depth) {
  YamlNode out;
  if (depth > kMaxYamlDepth) budget.too_deep = true;
  if (budget.exhausted()) return out;
  --budget.values;
  // yaml-cpp gives an empty value the mark of the next token (often on the next line), so
  // empty values are located at their key instead.
  out.location = (node.Type() == YAML::NodeType::Null || node.Mark().is_null())
                     ? fallback
                     : location_of(node.Mark(), file);
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      out.kind = YamlNode::Kind::kNull;
      break;
    case YAML::NodeType::Scalar:
      out.kind = YamlNode::Kind::kScalar;
      out.scalar = node.Scalar();
      break;
    case YAML::NodeType::Sequence: {
      out.kind = YamlNode::Kind::kList;
      int index = 0;
      for (const YAML::Node& item : node) {
        if (budget.exhausted()) break;
        const std::string item_path = path + "[" + std::to_string(index++) + "]";
        out.items.push_back(convert(item, out.location, file, item_path, sink, budget, depth + 1));
      }
      break;
    }
    case YAML::NodeType::Map: {
      out.kind = YamlNode::Kind::kMap;
      const std::string where = path.empty() ? "top level" : path;
      for (auto it = node.begin(); it != node.end() && !budget.exhausted(); ++it) {
        const Location key_location = location_of(it->first.Mark(), file);
        if (!it->first.IsScalar()) {
          sink.error(key_location, path, "keys must be plain text at " + where);
          continue;
        }
        const std::string key = it->first.Scalar();
        const std::string key_path = path.empty() ? key : path + "." + key;
        if (const YamlEntry* first = out.find(key)) {
          sink.error(key_location, key_path, "duplicate key '" + key + "' at " + where,
                     "first written at line " + std::to_string(first->key_location.line));
          continue;
        }
        out.entries.push_back(
            YamlEntry{key, key_location,
                      convert(it->second, key_location, file, key_path, sink, budget, depth + 1)});
      }
      break;
    }
  }
  return out;
}

}  // namespace

const YamlEntry* YamlNode::find(std::string_view key) const {
  for (const YamlEntry& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

std::string describe(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::kNull:
      return "an empty value";
    case YamlNode::Kind::kList:
      return "a list";
    case YamlNode::Kind::kMap:
      return "a map";
    case YamlNode::Kind::kScalar:
      break;
  }
  // A whole file read as one scalar (a CSV given as a scenario) would fill the message with
  // tens of kilobytes: the start is enough to recognise it.
  constexpr std::size_t kShown = 60;
  if (node.scalar.size() <= kShown) return "'" + node.scalar + "'";
  std::size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(node.scalar[cut]) & 0xC0) == 0x80) --cut;
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "'" + substr.
  std::string out = "'";
  out.append(node.scalar, 0, cut);
  out += "...' (" + std::to_string(node.scalar.size()) + " characters)";
  return out;
}

std::optional<Location> find_invalid_utf8(std::string_view text) {
  int line = 1;
  std::size_t line_start = 0;
  std::size_t i = 0;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  while (i < text.size()) {
    const unsigned char c = byte(i);
    std::size_t length = 0;
    unsigned min = 0;
    if (c < 0x80) {
      if (c == '\n') {
        ++line;
        line_start = i + 1;
      }
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, min = 0x10000;
    }
    bool valid = length > 0 && i + length <= text.size();
    unsigned code = length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = (byte(i + k) & 0xC0) == 0x80;
      code = (code << 6) | (byte(i + k) & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    if (valid && (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))) {
      valid = false;
    }
    if (!valid) return Location{-1, line, static_cast<int>(i - line_start) + 1};
    i += length;
  }
  return std::nullopt;
}

namespace {

// yaml-cpp 0.7 never consumes a token it cannot start a document with (a ',' outside
// [ ] or { }): YAML::LoadAll then returns an endless series of empty documents at the same
// place (found by fuzzing, fuzz/regressions/fuzz_scenario/stray_comma). This pass counts the
// documents with yaml-cpp's event parser and stops where a document makes no progress.
struct DocumentCount {
  int documents = 0;
  std::optional<YAML::Mark> stuck_at;  // where yaml-cpp stopped making progress
};

class DocumentCounter : public YAML::EventHandler {
 public:
  int documents = 0;
  YAML::Mark last_start = YAML::Mark::null_mark();
  bool repeated = false;  // a document started where the previous one did

  void OnDocumentStart(const YAML::Mark& mark) override {
    repeated = documents > 0 && mark.pos == last_start.pos;
    last_start = mark;
    ++documents;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Throws what yaml-cpp's parser throws on a syntax error.
DocumentCount count_documents(const std::string& text) {
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  DocumentCounter counter;
  while (parser.HandleNextDocument(counter)) {
    if (counter.repeated) return DocumentCount{counter.documents, counter.last_start};
  }
  return DocumentCount{counter.documents, std::nullopt};
}

}  // namespace

std::optional<Location> find_control_character(std::string_view text) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      line_start = i + 1;
    } else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F) {
      return Location{-1, line, static_cast<int>(i - line_start) + 1};
    }
  }
  return std::nullopt;
}

std::optional<YamlNode> parse_yaml(std::string_view contents, int file, DiagnosticSink& sink) {
  if (const std::optional<Location> bad = find_invalid_utf8(contents)) {
    sink.error(Location{file, bad->line, bad->column}, "",
               "file is not valid UTF-8 (invalid byte sequence)", "save the file as UTF-8");
    return std::nullopt;
  }
  if (const std::optional<Location> control = find_control_character(contents)) {
    sink.error(Location{file, control->line, control->column}, "",
               "file contains a control character (byte " +
                   std::to_string(static_cast<unsigned char>(line_of(
                       contents, control->line)[static_cast<std::size_t>(control->column - 1)])) +
                   ")",
               "only tabs and line ends are allowed; is this a text file?");
    return std::nullopt;
  }
  std::vector<YAML::Node> documents;
  try {
    const std::string text(contents);
    const DocumentCount count = count_documents(text);
    if (count.stuck_at) {
      const std::size_t at = static_cast<std::size_t>(count.stuck_at->pos);
      const std::string what = at < text.size() ? std::string("'") + text[at] + "'" : "text";
      sink.error(location_of(*count.stuck_at, file), "",
                 "YAML syntax error: unexpected " + what + " where a value should start",
                 "',' separates items only inside [ ] or { }");
      return std::nullopt;
    }
    documents = YAML::LoadAll(text);
  } catch (const YAML::DeepRecursion& e) {
    sink.error(location_of(e.mark, file), "", "YAML nesting is too deep",
               "a scenario needs a few levels of maps and lists, not thousands");
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    sink.error(location_of(e.mark, file), "", "YAML syntax error: " + e.msg);
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    // Not expected from the parser, but bad input must never escape as an exception.
    const Location at = e.mark.is_null() ? Location{file, 1, 1} : location_of(e.mark, file);
    sink.error(at, "", "YAML error: " + e.msg);
    return std::nullopt;
  }
  if (documents.size() > 1) {
    // The later documents would otherwise be ignored without a word.
    sink.error(Location{file, 1, 1}, "",
               "file holds " + std::to_string(documents.size()) +
                   " YAML documents; a scenario is exactly one",
               "remove the '---' separators, or use 'extends' to combine files");
    return std::nullopt;
  }
  if (documents.empty()) return YamlNode{YamlNode::Kind::kNull, Location{file, 1, 1}, {}, {}, {}};
  Budget budget;
  YamlNode root = convert(documents.front(), Location{file, 1, 1}, file, "", sink, budget, 0);
  if (budget.too_deep) {
    sink.error(Location{file, 1, 1}, "",
               "YAML nesting is too deep once aliases are followed (more than " +
                   std::to_string(kMaxYamlDepth) + " levels)",
               "is an alias '*name' used inside its own anchor '&name'?");
    return std::nullopt;
  }
  if (budget.values == 0) {
    sink.error(Location{file, 1, 1}, "",
               "scenario has more than " + std::to_string(kMaxYamlValues) +
                   " YAML values (each use of an alias '*name' counted in full); at most " +
                   std::to_string(kMaxYamlValues) + " are read, to bound memory",
               "a scenario needs a few hundred; aliases of aliases grow exponentially");
    return std::nullopt;
  }
  return root;
}

YamlNode merge(YamlNode parent, const YamlNode& child) {
  if (!parent.is_map() || !child.is_map()) return child;
  for (const YamlEntry& entry : child.entries) {
    bool found = false;
    for (YamlEntry& mine : parent.entries) {
      if (mine.key != entry.key) continue;
      found = true;
      if (mine.value.is_map() && entry.value.is_map()) {
        mine.value = merge(std::move(mine.value), entry.value);
      } else {
        mine.value = entry.value;
      }
      mine.key_location = entry.key_location;
      break;
    }
    if (!found) parent.entries.push_back(entry);
  }
  return parent;
}

}  // namespace bf::scenario
