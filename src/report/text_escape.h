#pragma once
// Escaping for text placed in HTML/SVG (element content and quoted attribute values) and in
// an inline <script type="application/json"> block.

#include <string>
#include <string_view>

namespace bf::report {

// & < > " ' replaced by character references; safe in content and in quoted attributes.
std::string escape_xml(std::string_view text);

// JSON text made safe inside <script>: every '<' becomes \u003c, so "</script>" cannot end
// the block early. The result is still valid JSON.
std::string escape_script_json(std::string_view json);

// A number for people to read: 1234567 -> "1,234,567"; non-integers with 2 decimals.
std::string format_grouped(double v);

}  // namespace bf::report
