#include "core/eval/LibraryGenerator.h"

#include <QDir>
#include <QFileInfo>

#include <stdexcept>

#include "core/import/BatchImport.h"
#include "core/import/ImportError.h"

namespace dossier::core {

namespace {
std::vector<std::string> paragraphsOf(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find("\n\n", start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return out;
}
}  // namespace

LibraryGenerator::LibraryGenerator(const std::vector<std::string>& paths) {
    for (const std::string& file : BatchImport::expand(paths)) {
        if (!TextImporter::handles(file)) continue;
        try {
            Source s{TextImporter::readFile(file), {}};
            s.paragraphs = paragraphsOf(s.doc.text);
            if (s.paragraphs.empty()) continue;
            if (s.doc.meta.source.empty())  // the corpus' folder: business, politics, …
                s.doc.meta.source = QFileInfo(QString::fromStdString(file)).dir().dirName().toStdString();
            sources_.push_back(std::move(s));
        } catch (const ImportError&) {
            // A refused file is simply not a source.
        }
    }
    if (sources_.empty()) throw std::runtime_error("no .txt articles to build a library from");
}

ImportedDocument LibraryGenerator::make(std::size_t i) const {
    const std::size_t n = sources_.size();
    const Source& base = sources_[i % n];
    const std::size_t round = i / n;
    ImportedDocument doc;
    doc.meta = base.doc.meta;
    if (round > 0) doc.meta.title += " (" + std::to_string(round) + ")";
    static const Date kFirst = *Date::parseIso("2016-01-01");
    doc.meta.published = kFirst.addDays(static_cast<int>((i * 37) % 3650));
    const std::size_t count = base.paragraphs.size();
    for (std::size_t k = 0; k < count; ++k) {
        if (!doc.text.empty()) doc.text += "\n\n";
        doc.text += base.paragraphs[(k + round) % count];
    }
    if (round > 0) {  // a paragraph of another article keeps every text distinct
        const Source& other = sources_[(i % n + round * 7919 + 13) % n];  // differs from round to round
        doc.text += "\n\n" + other.paragraphs[round % other.paragraphs.size()];
    }
    return doc;
}

}  // namespace dossier::core
