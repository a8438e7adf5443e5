#include "cli/progress.h"

#include <unistd.h>

#include <fmt/format.h>

#include <cstdio>

namespace brandlens {

ProgressBar::ProgressBar(std::string label) : label_(std::move(label)), enabled_(isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fputs("\r\033[K", stderr);
}

void ProgressBar::Update(uint64_t done, uint64_t total, int64_t rows) {
  if (!enabled_ || total == 0) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100) && done < total) return;
  last_draw_ = now;
  drawn_ = true;
  constexpr int kWidth = 30;
  const double fraction = static_cast<double>(done) / static_cast<double>(total);
  const int filled = static_cast<int>(fraction * kWidth);
  fmt::print(stderr, "\r{} [{}{}] {:3.0f}% {} rows", label_, std::string(static_cast<size_t>(filled), '#'),
             std::string(static_cast<size_t>(kWidth - filled), '.'), fraction * 100, rows);
  std::fflush(stderr);
}

void WaitingForWorkspace(int seconds_waited) {
  std::fprintf(stderr, "waiting for the workspace: another brandlens process is writing to it (%d s so far)\n",
               seconds_waited);
}

}  // namespace brandlens
