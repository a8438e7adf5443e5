#include "core/text_file.h"

#include "core/utf8.h"

#include <unicode/ucnv.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <vector>

namespace brandlens {

namespace {
constexpr size_t kSampleBytes = 64 * 1024;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
}  // namespace

std::string DetectEncoding(const std::string& sample) {
  size_t valid_multibyte = 0, invalid = 0;
  ForEachCodePoint(sample, [&](size_t offset, UChar32 c) {
    if (c >= 0x80) {
      ++valid_multibyte;
    } else if (c < 0 && sample.size() - offset > 3) {  // a sequence cut by the sample's end is not evidence
      ++invalid;
    }
    return true;
  });
  return invalid == 0 || valid_multibyte > 4 * invalid ? "utf-8" : "gb18030";
}

// ICU conversion state: source charset → UTF-16 pivot → UTF-8.
struct TextFile::Converter {
  UConverter* source = nullptr;
  UConverter* utf8 = nullptr;
  std::vector<UChar> pivot = std::vector<UChar>(4096);
  UChar* pivot_source = nullptr;
  UChar* pivot_target = nullptr;
  std::vector<char> input = std::vector<char>(64 * 1024);
  const char* input_pos = nullptr;
  const char* input_end = nullptr;
  bool eof = false;
  bool flushed = false;

  ~Converter() {
    if (source) ucnv_close(source);
    if (utf8) ucnv_close(utf8);
  }
};

TextFile::~TextFile() {
  if (file_) std::fclose(file_);
}

Result<std::unique_ptr<TextFile>> TextFile::Open(const std::string& path, const std::string& encoding) {
  std::unique_ptr<TextFile> tf(new TextFile());
  tf->path_ = path;
  tf->file_ = std::fopen(path.c_str(), "rb");
  if (!tf->file_) return Status::IoError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  if (std::fseek(tf->file_, 0, SEEK_END) == 0) {
    const long size = std::ftell(tf->file_);
    tf->size_bytes_ = size > 0 ? static_cast<uint64_t>(size) : 0;
    std::rewind(tf->file_);
  }

  // Keep the first bytes for detection; they are returned before the rest.
  tf->pending_.resize(kSampleBytes);
  tf->pending_.resize(std::fread(tf->pending_.data(), 1, kSampleBytes, tf->file_));
  if (std::ferror(tf->file_)) return Status::IoError(fmt::format("{}: read error", path));
  if (std::string_view(tf->pending_).starts_with(kUtf8Bom)) tf->pending_pos_ = kUtf8Bom.size();

  std::string chosen = encoding;
  std::transform(chosen.begin(), chosen.end(), chosen.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (chosen == "auto") chosen = tf->pending_pos_ > 0 ? "utf-8" : DetectEncoding(tf->pending_);
  if (chosen == "utf8") chosen = "utf-8";
  tf->encoding_ = chosen;
  if (chosen == "utf-8") return tf;

  auto conv = std::make_unique<Converter>();
  UErrorCode err = U_ZERO_ERROR;
  conv->source = ucnv_open(chosen.c_str(), &err);
  if (U_FAILURE(err)) {
    return Status::InvalidInput(fmt::format("{}: unknown encoding '{}' (try utf-8, gbk or gb18030)", path, encoding));
  }
  conv->utf8 = ucnv_open("UTF-8", &err);
  if (U_FAILURE(err)) return Status::Internal("ICU has no UTF-8 converter");
  conv->pivot_source = conv->pivot_target = conv->pivot.data();
  tf->converter_ = std::move(conv);
  return tf;
}

Result<size_t> TextFile::ReadRaw(char* out, size_t capacity) {
  if (pending_pos_ < pending_.size()) {
    const size_t n = std::min(capacity, pending_.size() - pending_pos_);
    std::memcpy(out, pending_.data() + pending_pos_, n);
    pending_pos_ += n;
    bytes_consumed_ += n;
    return n;
  }
  const size_t n = std::fread(out, 1, capacity, file_);
  if (n == 0 && std::ferror(file_)) return Status::IoError(fmt::format("{}: read error", path_));
  bytes_consumed_ += n;
  return n;
}

Result<size_t> TextFile::Read(char* out, size_t capacity) {
  if (!converter_) return ReadRaw(out, capacity);

  Converter& cv = *converter_;
  char* target = out;
  char* const target_end = out + capacity;
  while (target == out && !cv.flushed) {
    if (cv.input_pos == cv.input_end && !cv.eof) {
      auto got = ReadRaw(cv.input.data(), cv.input.size());
      if (!got.ok()) return got.status();
      cv.input_pos = cv.input.data();
      cv.input_end = cv.input_pos + *got;
      cv.eof = *got == 0;
    }
    UErrorCode err = U_ZERO_ERROR;
    ucnv_convertEx(cv.utf8, cv.source, &target, target_end, &cv.input_pos, cv.input_end, cv.pivot.data(),
                   &cv.pivot_source, &cv.pivot_target, cv.pivot.data() + cv.pivot.size(), /*reset=*/false,
                   /*flush=*/cv.eof, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) break;  // output full: return what we have
    if (U_FAILURE(err)) {
      return Status::InvalidInput(fmt::format("{}: cannot convert from {}: {}", path_, encoding_, u_errorName(err)));
    }
    if (cv.eof) cv.flushed = true;
  }
  return static_cast<size_t>(target - out);
}

}  // namespace brandlens
