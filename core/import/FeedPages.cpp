#include "core/import/FeedPages.h"

#include "core/import/Fetcher.h"
#include "core/import/HtmlImporter.h"
#include "core/text/TextOffsets.h"

namespace dossier::core {

bool FeedPages::needsPage(const ImportedDocument& item) {
    return codePointCount(item.text) < kSummaryChars && Fetcher::isUrl(item.meta.url);
}

ImportedDocument FeedPages::withPageText(const ImportedDocument& item, const QByteArray& bytes) {
    const ImportedDocument page =
        HtmlImporter::parse(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), item.meta.url);
    ImportedDocument out = item;
    // A page that yields less than the summary (a paywall, a cookie wall) is no improvement.
    if (page.text.size() > item.text.size()) out.text = page.text;
    if (out.meta.author.empty()) out.meta.author = page.meta.author;
    if (!out.meta.published) out.meta.published = page.meta.published;
    return out;
}

}  // namespace dossier::core
