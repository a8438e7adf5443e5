#include "core/hash.h"

namespace brandlens {

uint64_t StableHash(std::initializer_list<std::string_view> parts) {
  constexpr uint64_t kOffset = 14695981039346656037ULL;
  constexpr uint64_t kPrime = 1099511628211ULL;
  uint64_t h = kOffset;
  for (std::string_view part : parts) {
    for (unsigned char byte : part) {
      h ^= byte;
      h *= kPrime;
    }
    h ^= 0x1F;  // unit separator: keeps part boundaries in the hash
    h *= kPrime;
  }
  return h;
}

}  // namespace brandlens
