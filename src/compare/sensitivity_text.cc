#include "compare/sensitivity_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "compare/number_text.h"

namespace bf::compare {

std::string sensitivity_csv(const SensitivityResult& s) {
  std::string out =
      "rank,path,low,high,mean_low,mean_high,mean_base,swing,ci95_low,ci95_high,"
      "distinguishable\n";
  for (std::size_t i = 0; i < s.parameters.size(); ++i) {
    const ParameterSwing& p = s.parameters[i];
    const PairedDifference& d = p.swing;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", i + 1, p.path, p.low_text, p.high_text,
                       fixed(d.mean_a, 3), fixed(d.mean_b, 3), fixed(s.mean_base, 3),
                       fixed(d.mean_difference, 3), d.ci95_low ? fixed(*d.ci95_low, 3) : "",
                       d.ci95_high ? fixed(*d.ci95_high, 3) : "",
                       d.distinguishable ? "true" : "false");
  }
  return out;
}

std::string sensitivity_table(const SensitivityResult& s) {
  using Line = std::array<std::string, 8>;
  std::vector<Line> lines = {
      {"rank", "parameter", "low", "high", "at low", "at high", "swing", "95% interval"}};
  for (std::size_t i = 0; i < s.parameters.size(); ++i) {
    const ParameterSwing& p = s.parameters[i];
    const PairedDifference& d = p.swing;
    lines.push_back(
        {std::to_string(i + 1), p.path, p.low_text, p.high_text, readable(d.mean_a),
         readable(d.mean_b), readable(d.mean_difference),
         d.ci95_low ? readable(*d.ci95_low) + " .. " + readable(*d.ci95_high) : "undefined"});
  }
  std::array<std::size_t, 8> width{};
  for (const Line& line : lines) {
    for (std::size_t i = 0; i < line.size(); ++i) width[i] = std::max(width[i], line[i].size());
  }
  std::string out;
  for (const Line& line : lines) {
    // The parameter's name reads best left-aligned, numbers right-aligned.
    out += fmt::format("{:>{}}  {:<{}}", line[0], width[0], line[1], width[1]);
    for (std::size_t i = 2; i < line.size(); ++i) out += fmt::format("  {:>{}}", line[i], width[i]);
    out += "\n";
  }
  const int n = s.replications;
  out += fmt::format(
      "\nat low, at high: mean of {} over {} replication{} with the parameter at that end and "
      "every other as written (base: {})\n"
      "swing: at high - at low; both ends run with the same seed (common random numbers)\n"
      "95% interval: of the swing, Student's t with {}\n",
      kMetrics[s.metric].key, n, n == 1 ? "" : "s", readable(s.mean_base),
      n < 2 ? "no degrees of freedom: undefined for one replication"
            : fmt::format("{} degree{} of freedom", n - 1, n == 2 ? "" : "s"));
  return out;
}

}  // namespace bf::compare
