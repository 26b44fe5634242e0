#include "ensemble/progress_bar.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace bf::ensemble {

ProgressBar::ProgressBar(bool enabled, std::size_t total, std::size_t resumed, std::FILE* out)
    : enabled_(enabled),
      total_(total),
      resumed_(std::min(resumed, total)),
      out_(out),
      start_(std::chrono::steady_clock::now()) {}

bool ProgressBar::is_terminal(std::FILE* file) { return ::isatty(::fileno(file)) == 1; }

void ProgressBar::update(std::size_t done_now) {
  if (!enabled_) return;
  const std::size_t done = std::min(total_, resumed_ + done_now);
  constexpr int kWidth = 20;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(done - resumed_) / seconds : 0.0;
  const int filled = total_ == 0 ? kWidth : static_cast<int>(kWidth * done / total_);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kWidth, '.');
  std::string eta = "--";
  if (rate > 0) eta = std::to_string(std::llround(static_cast<double>(total_ - done) / rate)) + "s";
  std::fprintf(out_, "\r[%s] %5zu/%zu replications  %6.1f/s  ETA %s   ", bar.c_str(), done, total_,
               rate, eta.c_str());
  std::fflush(out_);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (!drawn_) return;
  std::fputc('\n', out_);
  std::fflush(out_);
  drawn_ = false;
}

}  // namespace bf::ensemble
