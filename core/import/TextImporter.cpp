#include "core/import/TextImporter.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <array>

#include "core/import/BoundedFile.h"
#include "core/import/ImportError.h"
#include "core/text/TextOffsets.h"

namespace dossier::core {

namespace {

constexpr std::array<std::string_view, 6> kHeaderKeys{"title", "published", "date", "source", "url", "author"};
constexpr std::size_t kMaxTitle = 200;

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

std::string toLower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// "key: value" with a known key, or nothing.
bool headerLine(std::string_view line, std::string& key, std::string_view& value) {
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return false;
    key = toLower(trim(line.substr(0, colon)));
    if (std::find(kHeaderKeys.begin(), kHeaderKeys.end(), key) == kHeaderKeys.end()) return false;
    value = trim(line.substr(colon + 1));
    return true;
}

std::string normaliseLineEnds(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\r') {
            out += '\n';
            if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
        } else {
            out += bytes[i];
        }
    }
    return out;
}

// A title that fits a list row, cut at a code-point boundary.
std::string shortTitle(std::string_view line) {
    line = trim(line);
    if (line.size() <= kMaxTitle) return std::string(line);
    std::size_t cut = kMaxTitle;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    return std::string(line.substr(0, cut)) + "…";
}

}  // namespace

bool TextImporter::handles(std::string_view fileName) {
    const std::string lower = toLower(fileName);
    return lower.ends_with(".txt") || lower.ends_with(".md") || lower.ends_with(".markdown");
}

namespace {
// A byte-order mark, or a NUL in every other byte of mostly-ASCII text: what Windows
// editors write as "Unicode". Said as such, rather than "binary", so the reader knows
// the fix.
bool looksLikeUtf16(std::string_view b) {
    if (b.size() >= 2 && ((b[0] == '\xff' && b[1] == '\xfe') || (b[0] == '\xfe' && b[1] == '\xff'))) return true;
    const std::size_t n = std::min<std::size_t>(b.size() & ~std::size_t{1}, 512);
    if (n < 8) return false;
    std::size_t evenNul = 0, oddNul = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        evenNul += b[i] == '\0';
        oddNul += b[i + 1] == '\0';
    }
    const std::size_t pairs = n / 2;
    return (oddNul * 10 >= pairs * 9 && evenNul * 10 <= pairs) || (evenNul * 10 >= pairs * 9 && oddNul * 10 <= pairs);
}
}  // namespace

ImportedDocument TextImporter::parse(std::string_view bytes, const std::string& fileName) {
    using R = ImportError::Reason;
    if (bytes.size() > kMaxBytes)
        throw ImportError(R::TooLarge, fileName,
                          "the file is " + std::to_string(bytes.size() / (1024 * 1024)) +
                              " MiB; Dossier imports articles of up to 4 MiB");
    if (looksLikeUtf16(bytes))
        throw ImportError(R::InvalidUtf8, fileName,
                          "the text is UTF-16 (\"Unicode\" in some editors); save it as UTF-8 and import it again");
    if (bytes.find('\0') != std::string_view::npos)
        throw ImportError(R::Binary, fileName, "this is a binary file, not a text article");
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::size_t bad = 0;
    if (!isValidUtf8(bytes, &bad))
        throw ImportError(R::InvalidUtf8, fileName,
                          "the text is not valid UTF-8 (first bad byte at offset " + std::to_string(bad) +
                              "); save it as UTF-8 and import it again");

    const std::string text = normaliseLineEnds(bytes);
    ImportedDocument doc;
    std::string_view rest(text);

    // Header block: only when the very first line is a known "key:" line.
    std::string key;
    std::string_view value;
    const auto firstEnd = rest.find('\n');
    if (headerLine(rest.substr(0, firstEnd), key, value)) {
        while (!rest.empty()) {
            const auto end = rest.find('\n');
            const std::string_view line = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
            if (trim(line).empty()) break;
            if (!headerLine(line, key, value))
                throw ImportError(R::BadHeader, fileName,
                                  "the header line '" + std::string(line.substr(0, 60)) +
                                      "' is not 'key: value' (title, published, source, url, author); "
                                      "end the header with a blank line");
            if (key == "title") doc.meta.title = shortTitle(value);
            else if (key == "source") doc.meta.source = value;
            else if (key == "url") doc.meta.url = value;
            else if (key == "author") doc.meta.author = value;
            else if (!value.empty()) {  // published / date
                doc.meta.published = Date::parseIso(value);
                if (!doc.meta.published)
                    throw ImportError(R::BadHeader, fileName,
                                      "the publication date '" + std::string(value) +
                                          "' is not a date of the form YYYY-MM-DD");
            }
        }
    }
    // Leading blank lines are not part of the article.
    while (!rest.empty() && (rest.front() == '\n' || rest.front() == ' ' || rest.front() == '\t')) {
        const auto nl = rest.find('\n');
        if (!trim(rest.substr(0, nl)).empty()) break;
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    }
    if (trim(rest).find_first_not_of("\n") == std::string_view::npos)
        throw ImportError(R::Empty, fileName, "the file has no text to import");
    doc.text = std::string(rest);
    while (!doc.text.empty() && (doc.text.back() == '\n' || doc.text.back() == ' ')) doc.text.pop_back();

    if (doc.meta.title.empty()) {
        std::string_view first = std::string_view(doc.text).substr(0, doc.text.find('\n'));
        const bool markdown = toLower(fileName).ends_with(".md") || toLower(fileName).ends_with(".markdown");
        if (markdown) first = trim(first.substr(std::min(first.find_first_not_of('#'), first.size())));
        doc.meta.title = shortTitle(first);
    }
    return doc;
}

ImportedDocument TextImporter::readFile(const std::string& path) {
    const QByteArray bytes = readBoundedFile(path, kMaxBytes, "article");
    return parse(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), path);
}

}  // namespace dossier::core
