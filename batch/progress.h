// Progress of a long batch on stderr: on a terminal one line redrawn in place (count, share,
// rate, ETA, how many failed), elsewhere (a CI log, a file) a plain line every few seconds and
// one at the end, so logs stay readable.
//
// Tested by: tests/unit/batch_unit_test.cpp (the text), tests/cli/batch_cli_test.cpp (plain lines)
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace leastpriv::batch {

// The progress text for `done` of `total` units after `seconds`: `1234/10000 (12%) 45.6/s ETA 3m12s, 2 not proved`.
std::string progress_text(std::size_t done, std::size_t total, double seconds, std::size_t not_proved);

class Progress {
 public:
  Progress(std::ostream& out, bool terminal, std::size_t total);
  void update(std::size_t done, std::size_t not_proved);
  void finish(std::size_t done, std::size_t not_proved);

 private:
  double seconds() const;

  std::ostream& out_;
  bool terminal_;
  std::size_t total_;
  std::chrono::steady_clock::time_point began_ = std::chrono::steady_clock::now();
  double last_shown_ = -1;
};

}  // namespace leastpriv::batch
