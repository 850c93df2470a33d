#pragma once

// Shared by the fuzz targets: a broken promise of the API under test is a finding,
// reported like a crash (libFuzzer saves the input that caused it).

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/text/TextOffsets.h"

namespace dossier::fuzz {

inline void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "contract broken: %s\n", what);
    std::abort();
}

inline std::string_view bytesOf(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// What every importer promises about the text it returns: valid UTF-8, and no NUL
// (the text importer refuses files with one as binary). A U+FEFF inside the text is
// an ordinary, if invisible, character: only the file's leading BOM is removed.
inline void requireCleanText(std::string_view text, const char* what) {
    require(core::isValidUtf8(text), what);
    require(text.find('\0') == std::string_view::npos, what);
}

}  // namespace dossier::fuzz
