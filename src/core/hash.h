// A 64-bit content hash that is stable across builds, compilers and machines,
// used for stored de-duplication keys. std::hash is not: its values may change
// with the standard library, which would silently break idempotent re-imports
// of an existing workspace. Neither ICU nor SQLite exposes a stable hash.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace brandlens {

// FNV-1a over the bytes of each part, with a separator byte between parts so
// that ("ab","c") and ("a","bc") hash differently.
uint64_t StableHash(std::initializer_list<std::string_view> parts);

// Spreads a 64-bit value over all bits (MurmurHash3's 64-bit finalizer):
// for hashes that are bucketed or masked, where FNV's low bits cluster.
inline uint64_t MixBits(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

}  // namespace brandlens
