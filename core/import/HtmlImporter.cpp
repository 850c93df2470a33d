#include "core/import/HtmlImporter.h"

#include "core/import/BoundedFile.h"
#include "core/import/ParsedHtml.h"
#include "core/import/HtmlCharset.h"
#include "core/import/HtmlGuard.h"
#include "core/import/HtmlMetadata.h"
#include "core/import/HtmlTree.h"
#include "core/import/ImportError.h"
#include "core/import/ReadableText.h"
#include "core/text/TextOffsets.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace dossier::core {

namespace {

using R = ImportError::Reason;

// Below this, what is left of a page is a headline or a notice, not an article.
constexpr std::size_t kMinArticleBytes = 80;
constexpr std::size_t kMinSentenceBytes = 50;  // an article has at least one real sentence
// gumbo keeps every parse error; past this many it stops recording them.
constexpr int kMaxParseErrors = 64;

// Where the headline, byline and <time> of the article are: its <article>, or the
// element around the text (the text element itself often holds only paragraphs).
const GumboNode* metadataScope(const GumboNode* root) {
    for (const GumboNode* n = root; n && n->type == GUMBO_NODE_ELEMENT; n = n->parent)
        if (htmltree::isElement(n, GUMBO_TAG_ARTICLE)) return n;
    const GumboNode* parent = root->parent;
    if (htmltree::isElement(root, GUMBO_TAG_BODY) || !parent || parent->type != GUMBO_NODE_ELEMENT ||
        htmltree::isElement(parent, GUMBO_TAG_BODY))
        return root;
    return parent;
}

bool isBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n\f") == std::string_view::npos; }

}  // namespace

bool HtmlImporter::handles(std::string_view fileName) {
    const std::string lower = htmltree::lower(fileName);
    return lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml");
}

ImportedDocument HtmlImporter::parse(std::string_view bytes, const std::string& fileName) {
    if (bytes.size() > kMaxBytes)
        throw ImportError(
            R::TooLarge, fileName,
            "the page is " + mebibytes(bytes.size()) + "; Dossier imports saved pages of up to 16 MiB");
    if (isBlank(bytes)) throw ImportError(R::Empty, fileName, "the page is empty");
    const bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
    if (!utf16 && bytes.find('\0') != std::string_view::npos)
        throw ImportError(R::Binary, fileName, "this is a binary file, not a saved web page");

    const std::string utf8 = HtmlCharset::toUtf8(bytes);
    const HtmlGuard::Result guarded = HtmlGuard::limit(utf8, fileName);

    const ParsedHtml parsed(guarded.html, kMaxParseErrors);
    if (!parsed.document()) throw ImportError(R::Unsupported, fileName, "the page could not be read as HTML");

    const ReadableText reader(parsed.document());
    ImportedDocument doc;
    doc.meta = HtmlMetadata::extract(parsed.document(), metadataScope(reader.root()));
    for (const std::string& p : reader.paragraphs(doc.meta.title)) {
        if (!doc.text.empty()) doc.text += "\n\n";
        doc.text += p;
    }
    const auto longest = [&] {
        std::size_t best = 0;
        for (std::size_t from = 0; from < doc.text.size();) {
            const std::size_t end = std::min(doc.text.find("\n\n", from), doc.text.size());
            best = std::max(best, end - from);
            from = end + 2;
        }
        return best;
    };
    if (doc.text.size() < kMinArticleBytes || longest() < kMinSentenceBytes)
        throw ImportError(R::Empty, fileName,
                          "no article text found in the page (only navigation, notices or a headline)");
    if (doc.text.size() > TextImporter::kMaxBytes)
        throw ImportError(
            R::TooLarge, fileName,
            "the article text is " + mebibytes(doc.text.size()) + "; Dossier imports articles of up to 4 MiB");
    // Decoding replaced every bad byte and gumbo emits UTF-8; this guards the contract.
    if (!isValidUtf8(doc.text) || !isValidUtf8(doc.meta.title) || !isValidUtf8(doc.meta.author))
        throw ImportError(R::InvalidUtf8, fileName, "the page's text could not be decoded");
    if (doc.meta.title.empty())
        doc.meta.title = HtmlMetadata::shortTitle(doc.text.substr(0, doc.text.find('\n')));
    return doc;
}

ImportedDocument HtmlImporter::readFile(const std::string& path) {
    const QByteArray bytes = readBoundedFile(path, kMaxBytes, "saved page");
    return parse(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), path);
}

}  // namespace dossier::core
