// HtmlImporter::parse on arbitrary bytes as a saved page, plus the charset decoder
// it starts with. Refusals (ImportError) are expected, except InvalidUtf8: the
// decoder promises valid UTF-8, so that refusal would mean a broken promise.

#include <cstddef>
#include <cstdint>

#include "core/import/HtmlCharset.h"
#include "core/import/HtmlImporter.h"
#include "core/import/ImportError.h"
#include "fuzz/FuzzCheck.h"

using namespace dossier;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::bytesOf(data, size);
    if (bytes.size() > core::HtmlImporter::kMaxBytes) return -1;  // refused before any parsing

    const std::string utf8 = core::HtmlCharset::toUtf8(bytes);
    fuzz::require(core::isValidUtf8(utf8) && !utf8.starts_with("\xEF\xBB\xBF"),
                  "HtmlCharset::toUtf8: not UTF-8 without BOM");

    try {
        const core::ImportedDocument doc = core::HtmlImporter::parse(bytes, "page.html");
        fuzz::requireCleanText(doc.text, "HtmlImporter: text is not clean UTF-8");
        fuzz::require(!doc.text.empty(), "HtmlImporter: empty text accepted");
        for (const std::string* field : {&doc.meta.title, &doc.meta.author, &doc.meta.source, &doc.meta.url})
            fuzz::require(core::isValidUtf8(*field), "HtmlImporter: metadata is not UTF-8");
    } catch (const core::ImportError& e) {
        fuzz::require(e.reason() != core::ImportError::Reason::InvalidUtf8,
                      "HtmlImporter: decoded page refused as invalid UTF-8");
    }
    return 0;
}
