#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/model/Date.h"

namespace dossier::core {

using ArticleId = std::int64_t;

// Metadata of an article, as read from its file or header block.
struct ArticleMeta {
    std::string title;
    std::string source;
    std::string url;
    std::string author;
    std::optional<Date> published;
};

struct Article {
    ArticleId id = 0;
    ArticleMeta meta;
    std::string imported;     // ISO 8601 UTC time of import
    std::string text;         // UTF-8, "\n" line ends; offsets count its code points
    std::string contentHash;  // SHA-256 of text, hex
};

// A row of the library list: everything but the text.
struct ArticleSummary {
    ArticleId id = 0;
    ArticleMeta meta;
    std::string imported;
    std::int64_t length = 0;  // code points
};

}  // namespace dossier::core
