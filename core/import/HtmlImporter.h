#pragma once

#include "core/import/TextImporter.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace dossier::core {

// Reads saved web pages (.html, .htm, .xhtml): the article's metadata (title,
// author, publication date, source, canonical URL) and its text without the
// page around it. Same contract as TextImporter: paragraphs separated by "\n\n",
// headings as their own paragraphs, valid UTF-8.
//
// Pages are data, never code: nothing is fetched, scripts and styles are dropped,
// and hostile markup (deep nesting, attribute floods, truncation, wrong encodings)
// yields a result or an ImportError, in bounded time and memory (see HtmlGuard).
class HtmlImporter {
public:
    // Pages carry several times their text in markup, scripts and inline styles.
    static constexpr std::size_t kMaxBytes = 16 * 1024 * 1024;

    static bool handles(std::string_view fileName);

    // Throws ImportError naming the file and the reason when the page is refused.
    static ImportedDocument parse(std::string_view bytes, const std::string& fileName);
    static ImportedDocument readFile(const std::string& path);
};

}  // namespace dossier::core
