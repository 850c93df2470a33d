#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/Analysis.h"
#include "core/model/Article.h"

namespace dossier::core {

using AnnotationId = std::int64_t;

// A passage the reader marked. The quote and the text around it let the passage be
// found again if the article's text changes; the span says where it was.
struct Annotation {
    AnnotationId id = 0;
    ArticleId article = 0;
    Span span;
    std::string quote;
    std::string prefix;  // up to 32 code points before the quote
    std::string suffix;  // up to 32 code points after it
    std::string color = "#ffd54f";
    std::string note;
    std::vector<std::string> tags;
    std::string created;
    std::string modified;
};

}  // namespace dossier::core
