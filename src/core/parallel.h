// Running independent work items on a few threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace brandlens {

// `threads`, or one per core when it is 0 (the default of every threads option).
inline unsigned ThreadsOrCores(unsigned threads) {
  return threads ? threads : std::max(1u, std::thread::hardware_concurrency());
}

// Calls work(worker, i) for every i in [0, n) on `threads` threads; worker
// w takes items w, w + threads, ... so each can keep per-thread scratch.
// Returns when all are done.
template <typename Work>
void ParallelFor(size_t n, unsigned threads, Work&& work) {
  if (threads <= 1 || n < 2) {
    for (size_t i = 0; i < n; ++i) work(0u, i);
    return;
  }
  auto run = [&](unsigned worker) {
    for (size_t i = worker; i < n; i += threads) work(worker, i);
  };
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < threads; ++w) pool.emplace_back(run, w);
  run(0);
  for (auto& t : pool) t.join();
}

}  // namespace brandlens
