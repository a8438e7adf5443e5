// The CSV reader over any bytes: every record either reads or says why not,
// and reading always ends.
#include "core/text_file.h"
#include "fuzz_util.h"
#include "ingest/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto file = brandlens::TextFile::FromMemory(std::string(brandlens::fuzz::AsText(data, size)), "fuzz.csv");
  if (!file.ok()) return 0;
  brandlens::CsvReader reader(**file, 0, 256);  // small chunks: refills at every boundary
  brandlens::CsvRecord record;
  int64_t last_line = 0;
  for (;;) {
    auto got = reader.Next(record);
    if (!got.ok() || !*got) break;
    if (record.line < last_line) __builtin_trap();  // lines never go backwards
    last_line = record.line;
    for (auto field : record.fields)
      if (field.data() < record.buffer.data() || field.data() + field.size() > record.buffer.data() + record.buffer.size())
        __builtin_trap();  // fields view the record's own storage
  }
  return 0;
}
