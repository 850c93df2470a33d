// FeedParser::read on arbitrary bytes as an RSS/Atom file, plus its date and HTML
// fragment readers. Refusals (ImportError) are expected; items must come out as
// clean UTF-8 whatever the feed held.

#include <cstddef>
#include <cstdint>

#include "core/import/FeedParser.h"
#include "core/import/ImportError.h"
#include "fuzz/FuzzCheck.h"

using namespace dossier;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::bytesOf(data, size);
    if (bytes.size() > core::FeedParser::kMaxBytes) return -1;

    (void)core::FeedParser::looksLikeFeed(bytes);
    if (bytes.size() < 64) (void)core::FeedParser::parseDate(bytes);
    // Fragments reach htmlToText already decoded from XML, so valid UTF-8 in, valid UTF-8 out.
    if (core::isValidUtf8(bytes))
        fuzz::require(core::isValidUtf8(core::FeedParser::htmlToText(bytes)), "FeedParser::htmlToText: not UTF-8");

    try {
        const core::ParsedFeed feed = core::FeedParser::read(bytes, "feed.xml");
        fuzz::require(core::isValidUtf8(feed.title), "FeedParser: feed title is not UTF-8");
        for (const core::ImportedDocument& item : feed.items) {
            fuzz::requireCleanText(item.text, "FeedParser: item text is not clean UTF-8");
            for (const std::string* field : {&item.meta.title, &item.meta.author, &item.meta.source, &item.meta.url})
                fuzz::require(core::isValidUtf8(*field), "FeedParser: item metadata is not UTF-8");
        }
    } catch (const core::ImportError&) {
    }
    return 0;
}
