#pragma once

#include <QByteArray>

#include <cstddef>

#include "core/import/TextImporter.h"

namespace dossier::core {

// Feed items that carry only a summary, and the article text their page gives.
class FeedPages {
public:
    // Items whose text is shorter than this are summaries: their page has the article.
    static constexpr std::size_t kSummaryChars = 400;

    static bool needsPage(const ImportedDocument& item);
    // The item with the text of its page (read by HtmlImporter); the feed's title, date,
    // link and source are kept, the page only fills an author or date the feed lacks.
    static ImportedDocument withPageText(const ImportedDocument& item, const QByteArray& page);
};

}  // namespace dossier::core
