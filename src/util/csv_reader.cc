#include "util/csv_reader.h"

namespace bf::util {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte-order mark
    line_start_ = pos_;
  }

  CsvParseResult run() {
    CsvDocument doc;
    bool seen_record = false;
    while (pos_ < s_.size()) {
      if (!seen_record && s_[pos_] == '#') {
        doc.comments.push_back(take_comment());
        continue;
      }
      CsvRecord rec;
      rec.line = line_;
      if (auto err = read_record(rec)) return {std::nullopt, err};
      seen_record = true;
      // A blank line (one empty field) carries no data; skipping it is not dropping data.
      if (rec.fields.size() == 1 && rec.fields[0].text.empty()) continue;
      doc.records.push_back(std::move(rec));
    }
    return {std::move(doc), std::nullopt};
  }

 private:
  int column() const { return static_cast<int>(pos_ - line_start_) + 1; }

  void new_line() {
    ++line_;
    line_start_ = pos_;
  }

  std::string take_comment() {
    std::size_t end = s_.find('\n', pos_);
    if (end == std::string_view::npos) end = s_.size();
    std::string_view body = s_.substr(pos_ + 1, end - pos_ - 1);
    if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
    pos_ = end < s_.size() ? end + 1 : end;
    new_line();
    return std::string(body);
  }

  // Reads fields up to and including the record's line end.
  std::optional<CsvError> read_record(CsvRecord& rec) {
    while (true) {
      CsvField field;
      field.column = column();
      if (pos_ < s_.size() && s_[pos_] == '"') {
        const int open_line = line_, open_col = column();
        ++pos_;
        while (true) {
          if (pos_ >= s_.size()) return CsvError{open_line, open_col, "unterminated quoted field"};
          const char c = s_[pos_++];
          if (c == '"') {
            if (pos_ < s_.size() && s_[pos_] == '"') {
              field.text.push_back('"');
              ++pos_;
            } else {
              break;
            }
          } else {
            field.text.push_back(c);
            if (c == '\n') new_line();
          }
        }
        if (pos_ < s_.size() && !is_field_end(s_[pos_])) {
          return CsvError{line_, column(), "unexpected character after closing quote"};
        }
      } else {
        while (pos_ < s_.size() && !is_field_end(s_[pos_])) {
          if (s_[pos_] == '"') return CsvError{line_, column(), "quote inside an unquoted field"};
          field.text.push_back(s_[pos_++]);
        }
      }
      rec.fields.push_back(std::move(field));
      if (pos_ >= s_.size()) return std::nullopt;
      const char c = s_[pos_++];
      if (c == ',') continue;
      if (c == '\r' && pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
      new_line();
      return std::nullopt;
    }
  }

  static bool is_field_end(char c) { return c == ',' || c == '\n' || c == '\r'; }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
};

}  // namespace

CsvParseResult parse_csv(std::string_view text) { return Parser(text).run(); }

}  // namespace bf::util
