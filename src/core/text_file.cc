#include "core/text_file.h"

#include "core/encoding_detection.h"

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
  return Start(std::move(tf), encoding);
}

Result<std::unique_ptr<TextFile>> TextFile::FromMemory(std::string bytes, const std::string& name,
                                                       const std::string& encoding) {
  std::unique_ptr<TextFile> tf(new TextFile());
  tf->path_ = name;
  tf->memory_ = std::move(bytes);
  tf->size_bytes_ = tf->memory_.size();
  if (!tf->memory_.empty()) {
    tf->file_ = ::fmemopen(tf->memory_.data(), tf->memory_.size(), "rb");
    if (!tf->file_) return Status::IoError(fmt::format("{}: cannot read from memory: {}", name, std::strerror(errno)));
  }
  return Start(std::move(tf), encoding);
}

Result<std::unique_ptr<TextFile>> TextFile::Start(std::unique_ptr<TextFile> tf, const std::string& encoding) {
  const std::string& path = tf->path_;

  // Keep the first bytes for detection; they are returned before the rest.
  tf->pending_.resize(kSampleBytes);
  tf->pending_.resize(tf->file_ ? std::fread(tf->pending_.data(), 1, kSampleBytes, tf->file_) : 0);
  if (tf->file_ && std::ferror(tf->file_)) return Status::IoError(fmt::format("{}: read error", path));
  const std::string_view head = tf->pending_;
  std::string chosen = encoding;
  std::transform(chosen.begin(), chosen.end(), chosen.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (chosen == "utf8") chosen = "utf-8";
  // A byte-order mark decides, and is never returned.
  if (head.starts_with(kUtf8Bom) && (chosen == "auto" || chosen == "utf-8")) {
    tf->pending_pos_ = kUtf8Bom.size();
    chosen = "utf-8";
    tf->decision_ = "UTF-8 byte-order mark";
  } else if ((head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) &&
             (chosen == "auto" || chosen.starts_with("utf-16"))) {
    tf->pending_pos_ = 2;
    chosen = head[0] == '\xFF' ? "utf-16le" : "utf-16be";
    tf->decision_ = "UTF-16 byte-order mark";
  }
  if (chosen == "auto") {
    // The whole file is read once to decide: a sample can miss the bytes
    // that tell (a corrupted row far into a UTF-8 file).
    EncodingEvidence evidence;
    // A pipe cannot be read twice: its first 64 KiB decide, as before.
    const bool seekable = tf->file_ && std::fseek(tf->file_, 0, SEEK_SET) == 0;
    if (seekable && tf->pending_.size() == kSampleBytes) {
      auto gathered = GatherEncodingEvidence(tf->file_);
      if (!gathered.ok()) return gathered.status().WithPrefix(path + ": ");
      evidence = *gathered;
      if (std::fseek(tf->file_, static_cast<long>(kSampleBytes), SEEK_SET) != 0)
        return Status::IoError(fmt::format("{}: cannot seek", path));
    } else {
      if (seekable && std::fseek(tf->file_, static_cast<long>(tf->pending_.size()), SEEK_SET) != 0)
        return Status::IoError(fmt::format("{}: cannot seek", path));
      evidence = GatherEncodingEvidence(head);
    }
    const EncodingDecision decision = DecideEncoding(evidence);
    chosen = decision.encoding;
    tf->decision_ = decision.reason;
  } else if (tf->decision_.empty()) {
    tf->decision_ = "as asked";
  }
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
  if (!file_) return size_t{0};
  const size_t n = std::fread(out, 1, capacity, file_);
  if (n == 0 && std::ferror(file_)) return Status::IoError(fmt::format("{}: read error", path_));
  bytes_consumed_ += n;
  return n;
}

Result<size_t> TextFile::Read(char* out, size_t capacity) {
  auto got = ReadConverted(out, capacity);
  if (!got.ok()) return got;
  const std::string_view chunk(out, *got);
  if (!line_ends_known_ && !chunk.empty()) {
    // Old Mac exports end lines with a bare CR; readers split on LF. The
    // first chunk of text (after conversion) tells.
    line_ends_known_ = true;
    // A CR that ends the chunk may be half of a CRLF cut by the chunk's
    // end: only a CR with text after it, and no LF anywhere, says so.
    const size_t cr = chunk.find('\r');
    cr_line_ends_ = cr != std::string_view::npos && cr + 1 < chunk.size() && chunk.find('\n') == std::string_view::npos;
  }
  if (cr_line_ends_) std::replace(out, out + *got, '\r', '\n');
  return got;
}

Result<size_t> TextFile::ReadConverted(char* out, size_t capacity) {
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
