// A file of records seen through a kind's fields: each row comes back with
// the raw text of every field of the kind (or nothing where absent), no
// matter how the export names its columns or nests its JSON.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/text_file.h"
#include "ingest/kinds.h"

namespace brandlens {

// field name -> column name (CSV header) or dotted key path (JSON: user.name)
using ColumnMapping = std::map<std::string, std::string>;

struct RawRow {
  int64_t line = 0;
  std::vector<std::optional<std::string_view>> values;  // one per KindSpec field
  std::string error;  // non-empty: the row is malformed as a whole
  std::string warning;  // non-empty: the row reads but looks suspicious (see CsvRecord::warning)
  std::vector<std::string> owned;  // storage for values converted from JSON
};

class RowSource {
 public:
  virtual ~RowSource() = default;
  // False at end of file. File-level problems come back as a Status.
  virtual Result<bool> Next(RawRow& row) = 0;
  // The column or key a field was read from, for error messages.
  virtual std::string ColumnOf(size_t field) const = 0;
  // Physical lines read so far, header included: against the rows read, it
  // shows how many records spanned several lines.
  virtual int64_t LinesRead() const = 0;
};

// Opens `file` as CSV/TSV, or as JSON Lines when the path ends in .jsonl,
// .ndjson or .json. For CSV, columns are resolved against the header once:
// a mapped field whose column is missing, or a required field with no
// column and no default, is a file-level error listing the columns present.
// `defaults` names fields the caller will fill when absent.
Result<std::unique_ptr<RowSource>> OpenRowSource(TextFile& file, const KindSpec& kind, const ColumnMapping& mapping,
                                                 const std::vector<std::string_view>& defaults);

// Column-name matching ignores case, spaces, '_' and '-' ("Posted At" = posted_at).
std::string CanonicalColumnName(std::string_view name);

}  // namespace brandlens
