// JSON Lines through the mentions kind's row source (nested keys, numbers,
// malformed lines).
#include "core/text_file.h"
#include "fuzz_util.h"
#include "ingest/kinds.h"
#include "ingest/row_source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto file = brandlens::TextFile::FromMemory(std::string(brandlens::fuzz::AsText(data, size)), "fuzz.jsonl");
  if (!file.ok()) return 0;
  const brandlens::KindSpec* kind = brandlens::FindKind("mentions");
  const brandlens::ColumnMapping mapping = {{"author", "user.screen_name"}};
  auto source = brandlens::OpenRowSource(**file, *kind, mapping, {"platform"});
  if (!source.ok()) return 0;
  brandlens::RawRow row;
  for (;;) {
    auto got = (*source)->Next(row);
    if (!got.ok() || !*got) break;
    if (row.values.size() != kind->fields.size()) __builtin_trap();
  }
  return 0;
}
