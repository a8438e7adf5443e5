// Text made safe to put between HTML tags or inside a quoted attribute:
// & < > " ' become entities. One function for every HTML brandlens writes
// (the report, the HTML part of journey e-mails).
#pragma once

#include <string>
#include <string_view>

namespace brandlens {

inline void AppendHtmlEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
}

inline std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendHtmlEscaped(out, s);
  return out;
}

}  // namespace brandlens
