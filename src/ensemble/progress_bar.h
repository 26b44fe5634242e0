#pragma once
// A one-line progress bar on standard error: replications done, rate and time left, redrawn
// in place with '\r'. Draws nothing unless enabled (the caller enables it only for a terminal
// without --quiet), so logs and pipes stay clean.
//
//   [##########..........]  120/200 replications   35.1/s   ETA 2s

#include <chrono>
#include <cstdio>

namespace bf::ensemble {

class ProgressBar {
 public:
  // `total` replications of the whole run, of which `resumed` were finished by earlier starts
  // (--resume): the bar counts from them, not from 0 (issue 19), and the rate and ETA are of
  // this start's work only.
  ProgressBar(bool enabled, std::size_t total, std::size_t resumed = 0, std::FILE* out = stderr);
  // `done` replications finished by this start.
  void update(std::size_t done);
  // Ends the line (if anything was drawn).
  void finish();

  // True when `file` is a terminal.
  static bool is_terminal(std::FILE* file);

 private:
  bool enabled_;
  std::size_t total_;
  std::size_t resumed_;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_;
  bool drawn_ = false;
};

}  // namespace bf::ensemble
