// A one-line progress bar on stderr, drawn only when stderr is a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace brandlens {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  void Update(uint64_t done, uint64_t total, int64_t rows);

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

// Tells the user, on stderr, that another process holds the workspace's
// write lock (StoreOptions::on_wait).
void WaitingForWorkspace(int seconds_waited);

}  // namespace brandlens
