// A message template: text with {field} placeholders, filled per user.
//
// Fields: user_id, email, phone, city, gender, age, channel (the user's
// columns), event_item (the triggering event's product, by name when the
// products table knows it), recommendations (up to three recommended
// products, joined by "、"), unsubscribe_url. "{{"
// and "}}" are literal braces. Parsed once, so a typo fails when the config
// is read, not halfway through a send.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace brandlens {

// How field values are written into the text: as they are (plain text,
// subjects), HTML-escaped (an HTML part), or percent-encoded (a URL), so
// that imported data can neither add markup nor change a link's meaning.
enum class Escape { kNone, kHtml, kUrl };

class MessageTemplate {
 public:
  MessageTemplate() = default;
  // Errors: an unknown field (listing the known ones), an unclosed or a
  // stray brace, invalid UTF-8.
  static Result<MessageTemplate> Parse(std::string_view text);

  bool empty() const { return parts_.empty(); }
  // Every placeholder replaced (values escaped as asked; the template's own
  // text never is); a field missing from `values` renders empty.
  std::string Render(const std::map<std::string, std::string, std::less<>>& values,
                     Escape escape = Escape::kNone) const;
  // Whether the template uses this field (to skip work it does not need).
  bool Uses(std::string_view field) const;

 private:
  struct Part {
    std::string text;
    bool field = false;
  };
  std::vector<Part> parts_;
};

}  // namespace brandlens
