// Batch progress; see progress.h.
#include "batch/progress.h"

#include <cstdio>

namespace leastpriv::batch {

namespace {

std::string duration_text(double seconds) {
  const long total = static_cast<long>(seconds + 0.5);
  char text[32];
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%ldh%02ldm", total / 3600, (total % 3600) / 60);
  } else if (total >= 60) {
    std::snprintf(text, sizeof text, "%ldm%02lds", total / 60, total % 60);
  } else {
    std::snprintf(text, sizeof text, "%lds", total);
  }
  return text;
}

}  // namespace

std::string progress_text(std::size_t done, std::size_t total, double seconds, std::size_t not_proved) {
  char text[160];
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  const int percent = total == 0 ? 100 : static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total));
  std::string eta = "?";
  if (done >= total) {
    eta = "done in " + duration_text(seconds);
  } else if (rate > 0) {
    eta = "ETA " + duration_text(static_cast<double>(total - done) / rate);
  }
  std::snprintf(text, sizeof text, "%zu/%zu (%d%%) %.1f/s %s", done, total, percent, rate, eta.c_str());
  std::string line = text;
  if (not_proved > 0) line += ", " + std::to_string(not_proved) + " not proved";
  return line;
}

Progress::Progress(std::ostream& out, bool terminal, std::size_t total) : out_(out), terminal_(terminal), total_(total) {}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - began_).count();
}

void Progress::update(std::size_t done, std::size_t not_proved) {
  const double now = seconds();
  // A terminal is redrawn at most ten times a second; a log gets a line every ten seconds.
  if (now - last_shown_ < (terminal_ ? 0.1 : 10.0)) return;
  last_shown_ = now;
  const std::string text = "leastpriv batch: " + progress_text(done, total_, now, not_proved);
  if (terminal_) {
    out_ << "\r\033[K" << text << std::flush;
  } else {
    out_ << text << "\n" << std::flush;
  }
}

void Progress::finish(std::size_t done, std::size_t not_proved) {
  const std::string text = "leastpriv batch: " + progress_text(done, total_, seconds(), not_proved);
  out_ << (terminal_ ? "\r\033[K" : "") << text << "\n" << std::flush;
}

}  // namespace leastpriv::batch
