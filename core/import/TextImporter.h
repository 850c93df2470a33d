#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/model/Article.h"

namespace dossier::core {

// An article read from a file, ready to be stored: metadata and normalised text.
struct ImportedDocument {
    ArticleMeta meta;
    std::string text;  // UTF-8 without BOM, "\n" line ends, header block removed
};

// Reads plain text (.txt) and Markdown (.md) articles.
//
// An optional header block of "key: value" lines (title, published, source, url,
// author), ended by a blank line, gives the metadata; otherwise the title is the
// first line (for Markdown, the first "# heading"). The text is kept as written,
// apart from a BOM and CR/LF line ends, so offsets match what the user sees.
class TextImporter {
public:
    // Larger files are refused: no news article comes near it, and analysing one
    // would take the reader's memory and patience for nothing.
    static constexpr std::size_t kMaxBytes = 4 * 1024 * 1024;

    static bool handles(std::string_view fileName);

    // Throws ImportError naming the file and the reason when the bytes are refused.
    static ImportedDocument parse(std::string_view bytes, const std::string& fileName);
    static ImportedDocument readFile(const std::string& path);
};

}  // namespace dossier::core
