#pragma once

#include <string>
#include <string_view>

namespace dossier::core {

// Decodes a saved page to UTF-8 by what it declares, as a browser would: a BOM
// first, then the XML declaration or <meta charset> / <meta http-equiv> in its
// first bytes, else UTF-8. Bytes that are not UTF-8 in an undeclared page are
// read as windows-1252, the legacy default of the pages that omit a charset.
class HtmlCharset {
public:
    // The encoding label the page declares (lower case, as written), or empty.
    static std::string declared(std::string_view bytes);

    // Always valid UTF-8 without BOM: undecodable bytes become U+FFFD.
    // `used` receives the encoding actually applied ("utf-8", "windows-1252"...).
    static std::string toUtf8(std::string_view bytes, std::string* used = nullptr);

private:
    static std::string decodeToUtf8(std::string_view bytes, std::string* used);
};

}  // namespace dossier::core
