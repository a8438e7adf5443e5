#include "core/encoding_detection.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <fmt/format.h>

#include <vector>

#include "core/utf8.h"

namespace brandlens {

namespace {

// Counts UTF-8 evidence over chunks; a sequence cut by a chunk's end is
// carried into the next chunk.
class Utf8Counter {
 public:
  void Add(std::string_view chunk, bool last) {
    carry_.append(chunk);  // (the carry is at most 3 bytes; appending keeps one code path)
    std::string_view text = carry_;
    size_t keep_from = text.size();
    if (!last) {
      // Hold back an incomplete trailing sequence (at most 3 bytes).
      for (size_t back = 1; back <= 3 && back <= text.size(); ++back) {
        const auto b = static_cast<unsigned char>(text[text.size() - back]);
        if ((b & 0xC0) != 0x80) {
          const size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
          if (need > back) keep_from = text.size() - back;
          break;
        }
      }
    }
    const std::string_view counted = text.substr(0, keep_from);
    if (IsValidUtf8(counted)) {
      // The common case, on the validator's fast path: every lead byte
      // starts one multi-byte character.
      for (char ch : counted) evidence.utf8_multibyte += (static_cast<unsigned char>(ch) & 0xC0) == 0xC0;
    } else {
      ForEachCodePoint(counted, [&](size_t, UChar32 c) {
        if (c >= 0x80) ++evidence.utf8_multibyte;
        if (c < 0) ++evidence.utf8_invalid;
        return true;
      });
    }
    carry_.erase(0, keep_from);
  }
  EncodingEvidence evidence;

 private:
  std::string carry_;
};

// ICU calls this for every byte sequence GB18030 cannot decode.
void CountAndSubstitute(const void* context, UConverterToUnicodeArgs* args, const char* bytes, int32_t length,
                        UConverterCallbackReason reason, UErrorCode* err) {
  if (reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR || reason == UCNV_UNASSIGNED)
    ++*static_cast<int64_t*>(const_cast<void*>(context));
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, bytes, length, reason, err);
}

class Gb18030Counter {
 public:
  Gb18030Counter() {
    UErrorCode err = U_ZERO_ERROR;
    conv_ = ucnv_open("gb18030", &err);
    if (U_FAILURE(err)) conv_ = nullptr;
    if (conv_) ucnv_setToUCallBack(conv_, CountAndSubstitute, &errors, nullptr, nullptr, &err);
  }
  ~Gb18030Counter() {
    if (conv_) ucnv_close(conv_);
  }
  Gb18030Counter(const Gb18030Counter&) = delete;
  Gb18030Counter& operator=(const Gb18030Counter&) = delete;

  void Add(std::string_view chunk, bool last) {
    if (!conv_) return;
    const char* source = chunk.data();
    const char* const end = source + chunk.size();
    for (;;) {
      UChar* target = out_.data();
      UErrorCode err = U_ZERO_ERROR;
      ucnv_toUnicode(conv_, &target, out_.data() + out_.size(), &source, end, nullptr, last, &err);
      if (err != U_BUFFER_OVERFLOW_ERROR) break;
    }
  }
  int64_t errors = 0;

 private:
  UConverter* conv_ = nullptr;
  std::vector<UChar> out_ = std::vector<UChar>(64 * 1024);
};

}  // namespace

Result<EncodingEvidence> GatherEncodingEvidence(std::FILE* file) {
  Utf8Counter utf8;
  std::vector<char> buffer(1 << 20);
  const long start = std::ftell(file);
  for (;;) {
    const size_t n = std::fread(buffer.data(), 1, buffer.size(), file);
    if (n == 0 && std::ferror(file)) return Status::IoError("read error while detecting the encoding");
    utf8.Add({buffer.data(), n}, n == 0);
    if (n == 0) break;
  }
  EncodingEvidence evidence = utf8.evidence;
  if (evidence.utf8_invalid > 0) {
    // Only a file that is not clean UTF-8 needs the second opinion.
    if (std::fseek(file, start, SEEK_SET) != 0) return Status::IoError("cannot re-read while detecting the encoding");
    Gb18030Counter gb;
    for (;;) {
      const size_t n = std::fread(buffer.data(), 1, buffer.size(), file);
      if (n == 0 && std::ferror(file)) return Status::IoError("read error while detecting the encoding");
      gb.Add({buffer.data(), n}, n == 0);
      if (n == 0) break;
    }
    evidence.gb18030_invalid = gb.errors;
  }
  return evidence;
}

EncodingEvidence GatherEncodingEvidence(std::string_view bytes) {
  Utf8Counter utf8;
  utf8.Add(bytes, true);
  EncodingEvidence evidence = utf8.evidence;
  if (evidence.utf8_invalid > 0) {
    Gb18030Counter gb;
    gb.Add(bytes, true);
    evidence.gb18030_invalid = gb.errors;
  }
  return evidence;
}

EncodingDecision DecideEncoding(const EncodingEvidence& e) {
  if (e.utf8_invalid == 0)
    return {"utf-8", e.utf8_multibyte ? fmt::format("all {} multi-byte characters are UTF-8", e.utf8_multibyte)
                                      : std::string("plain ASCII")};
  const std::string counts = fmt::format("{} invalid UTF-8 sequences among {} valid multi-byte characters; {} bytes "
                                         "GB18030 cannot decode",
                                         e.utf8_invalid, e.utf8_multibyte, e.gb18030_invalid);
  // GBK/GB18030 text read as UTF-8 makes about one valid multi-byte
  // sequence for every five invalid ones, by chance; UTF-8 text with a few
  // corrupted bytes makes many valid ones per invalid one.
  if (e.utf8_multibyte > e.utf8_invalid || e.utf8_invalid <= e.gb18030_invalid)
    return {"utf-8", counts + ": UTF-8 with a few corrupted bytes (their rows are rejected)"};
  return {"gb18030", counts};
}

}  // namespace brandlens
