// TextImporter::parse on arbitrary bytes, as a .txt and as a .md file. Refusals
// (ImportError) are expected; a crash, a sanitizer report, any other exception or
// a text that breaks the importer's contract is a finding.

#include <cstddef>
#include <cstdint>

#include "core/import/ImportError.h"
#include "core/import/TextImporter.h"
#include "fuzz/FuzzCheck.h"

using namespace dossier;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::bytesOf(data, size);
    for (const char* name : {"article.txt", "article.md"}) {
        try {
            const core::ImportedDocument doc = core::TextImporter::parse(bytes, name);
            fuzz::requireCleanText(doc.text, "TextImporter: text is not clean UTF-8");
            fuzz::require(doc.text.find('\r') == std::string::npos, "TextImporter: text keeps a CR");
            fuzz::require(!doc.text.empty(), "TextImporter: empty text accepted");
            fuzz::require(core::isValidUtf8(doc.meta.title), "TextImporter: title is not UTF-8");
        } catch (const core::ImportError&) {
        }
    }
    return 0;
}
