// Deciding a file's encoding from all of its bytes, not a sample: a UTF-8
// export with a few corrupted bytes far into the file must stay UTF-8 (those
// rows are rejected), and a GB18030 export must not be read as UTF-8. The
// decision says why, so the import can tell the user.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/status.h"

namespace brandlens {

struct EncodingEvidence {
  int64_t utf8_multibyte = 0;  // valid UTF-8 sequences of 2-4 bytes
  int64_t utf8_invalid = 0;    // bytes or sequences that are not UTF-8
  int64_t gb18030_invalid = 0; // sequences GB18030 cannot decode (counted only when utf8_invalid > 0)
};

struct EncodingDecision {
  std::string encoding;  // "utf-8" or "gb18030"
  std::string reason;    // e.g. "2 invalid UTF-8 sequences among 1,204 multi-byte characters"
};

// Reads `file` from its current position to the end, gathering evidence
// (the caller rewinds it afterwards).
Result<EncodingEvidence> GatherEncodingEvidence(std::FILE* file);
EncodingEvidence GatherEncodingEvidence(std::string_view bytes);

// UTF-8 when every byte is UTF-8, or when invalid sequences are the
// exception (fewer than the valid multi-byte ones, or no more than GB18030's
// own errors); GB18030 otherwise.
EncodingDecision DecideEncoding(const EncodingEvidence& evidence);

}  // namespace brandlens
