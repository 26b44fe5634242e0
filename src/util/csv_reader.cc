#include "util/csv_reader.h"

namespace bf::util {
namespace {

bool is_field_end(char c) { return c == ',' || c == '\n' || c == '\r'; }

}  // namespace

CsvCursor::CsvCursor(std::string_view text) : s_(text) {
  if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte-order mark
  line_start_ = pos_;
}

bool CsvCursor::next(CsvRecord& record) {
  while (!error_ && pos_ < s_.size()) {
    if (!seen_record_ && s_[pos_] == '#') {
      comments_.push_back(take_comment());
      continue;
    }
    record.line = line_;
    if (auto err = read_record(record)) {
      error_ = std::move(err);
      return false;
    }
    seen_record_ = true;
    // A blank line (one empty field) carries no data; skipping it is not dropping data.
    if (record.fields.size() == 1 && record.fields[0].text.empty()) continue;
    return true;
  }
  return false;
}

void CsvCursor::new_line() {
  ++line_;
  line_start_ = pos_;
}

std::string CsvCursor::take_comment() {
  std::size_t end = s_.find('\n', pos_);
  if (end == std::string_view::npos) end = s_.size();
  std::string_view body = s_.substr(pos_ + 1, end - pos_ - 1);
  if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
  pos_ = end < s_.size() ? end + 1 : end;
  new_line();
  return std::string(body);
}

// Reads fields up to and including the record's line end, into the record's existing fields
// first (their strings keep their capacity).
std::optional<CsvError> CsvCursor::read_record(CsvRecord& record) {
  std::size_t count = 0;
  while (true) {
    if (count == record.fields.size()) record.fields.emplace_back();
    CsvField& field = record.fields[count++];
    field.text.clear();
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
      const std::size_t start = pos_;
      while (pos_ < s_.size() && !is_field_end(s_[pos_])) {
        if (s_[pos_] == '"') return CsvError{line_, column(), "quote inside an unquoted field"};
        ++pos_;
      }
      field.text.append(s_.substr(start, pos_ - start));
    }
    if (pos_ >= s_.size()) break;
    const char c = s_[pos_++];
    if (c == ',') continue;
    if (c == '\r' && pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
    new_line();
    break;
  }
  record.fields.resize(count);
  return std::nullopt;
}

CsvParseResult parse_csv(std::string_view text) {
  CsvCursor cursor(text);
  CsvDocument doc;
  CsvRecord record;
  while (cursor.next(record)) {
    doc.records.push_back(std::move(record));  // leaves `record` empty (vector move)
  }
  if (cursor.error()) return {std::nullopt, cursor.error()};
  doc.comments = cursor.comments();
  return {std::move(doc), std::nullopt};
}

}  // namespace bf::util
