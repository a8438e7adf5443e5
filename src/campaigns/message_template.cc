#include "campaigns/message_template.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "core/utf8.h"
#include "report/html_escape.h"

namespace brandlens {

namespace {

constexpr std::array<std::string_view, 10> kFields = {"user_id", "email", "phone", "city",            "gender",
                                                      "age",     "channel", "event_item", "recommendations",
                                                      "unsubscribe_url"};

void AppendEscaped(std::string& out, std::string_view value, Escape escape) {
  switch (escape) {
    case Escape::kNone:
      out += value;
      return;
    case Escape::kHtml:
      AppendHtmlEscaped(out, value);
      return;
    case Escape::kUrl:
      // RFC 3986 unreserved characters stay; every other byte (UTF-8
      // included) is %XX.
      for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') out += c;
        else out += fmt::format("%{:02X}", u);
      }
      return;
  }
}

}  // namespace

Result<MessageTemplate> MessageTemplate::Parse(std::string_view text) {
  if (!IsValidUtf8(text)) return Status::InvalidInput("the template is not valid UTF-8");
  MessageTemplate t;
  std::string literal;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
      literal += '{';
      ++i;
    } else if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
      literal += '}';
      ++i;
    } else if (c == '{') {
      const size_t close = text.find('}', i);
      if (close == std::string_view::npos)
        return Status::InvalidInput(fmt::format("unclosed '{{' at byte {} of the template", i));
      const std::string_view field = text.substr(i + 1, close - i - 1);
      if (std::find(kFields.begin(), kFields.end(), field) == kFields.end())
        return Status::InvalidInput(fmt::format("unknown template field {{{}}}; known: {}", field,
                                                fmt::join(kFields, ", ")));
      if (!literal.empty()) t.parts_.push_back({std::move(literal), false});
      literal.clear();
      t.parts_.push_back({std::string(field), true});
      i = close;
    } else if (c == '}') {
      return Status::InvalidInput(fmt::format("stray '}}' at byte {} of the template (write }}}} for a brace)", i));
    } else {
      literal += c;
    }
  }
  if (!literal.empty()) t.parts_.push_back({std::move(literal), false});
  return t;
}

std::string MessageTemplate::Render(const std::map<std::string, std::string, std::less<>>& values,
                                    Escape escape) const {
  std::string out;
  for (const Part& p : parts_) {
    if (!p.field) {
      out += p.text;
      continue;
    }
    const auto v = values.find(p.text);
    // The unsubscribe URL is already a URL: never escape it twice.
    if (v != values.end()) AppendEscaped(out, v->second, p.text == "unsubscribe_url" && escape == Escape::kUrl ? Escape::kNone : escape);
  }
  return out;
}

bool MessageTemplate::Uses(std::string_view field) const {
  return std::any_of(parts_.begin(), parts_.end(), [&](const Part& p) { return p.field && p.text == field; });
}

}  // namespace brandlens
