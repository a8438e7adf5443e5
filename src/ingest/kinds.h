// What each importable kind of record looks like: its table, its fields with
// their types, the column names platform exports commonly use for each field,
// and the natural key that makes re-imports idempotent.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brandlens {

enum class FieldType {
  kText,       // long UTF-8 text (a post, a review, a document body)
  kShort,      // short UTF-8 text (ids, names, cities)
  kToken,      // lowercase identifier such as an event type: [a-z0-9_-]
  kInteger,    // plain integer
  kCount,      // non-negative count; accepts 1,234 / 1.2万 / 3k / 10w+
  kReal,       // decimal number
  kMoney,      // decimal amount; accepts ¥ ￥ $ 元 and thousands separators
  kTimestamp,  // stored as Unix seconds (UTC)
  kDate,       // stored as YYYY-MM-DD in the project time zone
  kBool,       // 1/0, true/false, yes/no, 是/否
  kLanguage,   // language code; when absent, derived from the text's script
};

struct FieldSpec {
  std::string_view name;  // column in the table
  FieldType type;
  bool required = false;
  std::vector<std::string_view> synonyms;  // export column names, matched case-insensitively
  std::optional<std::string_view> default_value;  // stored as-is when the field is absent or empty
  double min = -1e300, max = 1e300;       // for numeric types
};

struct KindSpec {
  std::string_view kind;   // as typed on the command line
  std::string_view table;  // where rows go
  std::vector<FieldSpec> fields;
  // Fields forming the natural key. A row whose key fields are all present is
  // identified by them; otherwise by its content fields.
  std::vector<std::string_view> key_fields;
  // The content that identifies a row without a natural key; empty means
  // every field. (A repost counted again with more likes is the same mention.)
  std::vector<std::string_view> content_fields;
};

const std::vector<KindSpec>& AllKinds();
const KindSpec* FindKind(std::string_view kind);
// "mentions, users, ...": the kinds, for messages.
std::string KindNames();

}  // namespace brandlens
