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

}  // namespace brandlens
