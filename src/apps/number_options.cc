#include "apps/number_options.h"

#include <string>

namespace bf::apps {

const CLI::Validator& digits_only() {
  static const CLI::Validator validator(
      [](std::string& text) -> std::string {
        const bool digits = !text.empty() && text.size() <= 9 &&
                            text.find_first_not_of("0123456789") == std::string::npos;
        return digits ? "" : "'" + text + "' is not a whole number written in digits";
      },
      "DIGITS");
  return validator;
}

const CLI::Validator& whole_number_64() {
  static const CLI::Validator validator(
      [](std::string& text) -> std::string {
        const bool digits = !text.empty() && text.size() <= 20 &&
                            text.find_first_not_of("0123456789") == std::string::npos;
        if (digits && (text.size() < 20 || text <= "18446744073709551615")) return "";
        return "'" + text + "' is not a whole number from 0 to 18446744073709551615";
      },
      "UINT64");
  return validator;
}

}  // namespace bf::apps
