#include "core/import/BatchImport.h"

#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

#include "core/import/ArticleImporter.h"
#include "core/import/BoundedFile.h"
#include "core/import/FeedPages.h"
#include "core/import/Fetcher.h"
#include "core/import/FeedParser.h"
#include "core/import/HtmlImporter.h"
#include "core/import/ImportError.h"
#include "core/import/TextImporter.h"
#include "core/storage/StorageError.h"

namespace dossier::core {

std::vector<std::string> BatchImport::expand(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const std::string& p : paths) {
        const QFileInfo info(QString::fromStdString(p));
        if (!info.isDir()) {
            out.push_back(p);
            continue;
        }
        std::vector<std::string> found;
        QDirIterator it(info.absoluteFilePath(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString f = it.next();
            if (TextImporter::handles(f.toStdString()) || HtmlImporter::handles(f.toStdString()))
                found.push_back(f.toStdString());
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

BatchResult BatchImport::run(Library& library, const Analyzer& analyzer, const std::vector<std::string>& files,
                             const Progress& progress) {
    BatchResult result;
    ArticleImporter importer(library, analyzer);
    const int total = static_cast<int>(files.size());
    for (int i = 0; i < total; ++i) {
        const std::string& file = files[static_cast<std::size_t>(i)];
        if (progress && !progress(i, total, file)) {
            result.cancelled = true;
            break;
        }
        try {
            const ImportOutcome r = importer.importFile(file);
            (r.added ? result.imported : result.duplicates)++;
        } catch (const ImportError& e) {
            result.refused.emplace_back(file, e.what());
        } catch (const StorageError& e) {
            result.refused.emplace_back(file, e.what());
        }
    }
    if (progress && !result.cancelled) progress(total, total, {});
    return result;
}

BatchResult BatchImport::importFeed(Library& library, const Analyzer& analyzer, const std::string& fileOrUrl,
                                   const Fetcher* fetcher, const Progress& progress) {
    const bool url = Fetcher::isUrl(fileOrUrl);
    if (url && !fetcher)
        throw ImportError(ImportError::Reason::Unsupported, fileOrUrl, "this program cannot fetch addresses");
    const QByteArray bytes = url ? fetcher->fetch(fileOrUrl) : readBoundedFile(fileOrUrl, FeedParser::kMaxBytes, "feed");
    const ParsedFeed feed =
        FeedParser::read(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), fileOrUrl);
    BatchResult result;
    if (feed.skipped > 0)
        result.warnings.emplace_back(fileOrUrl, std::to_string(feed.skipped) +
                                                     (feed.skipped == 1 ? " item without text was skipped"
                                                                        : " items without text were skipped"));
    ArticleImporter importer(library, analyzer);
    const int total = static_cast<int>(feed.items.size());
    for (int i = 0; i < total; ++i) {
        ImportedDocument doc = feed.items[static_cast<std::size_t>(i)];
        const std::string name = doc.meta.url.empty() ? doc.meta.title : doc.meta.url;
        if (progress && !progress(i, total, name)) {
            result.cancelled = true;
            break;
        }
        // Pages are fetched only for feeds the user asked to import from the network.
        if (url && FeedPages::needsPage(doc)) {
            try {
                doc = FeedPages::withPageText(doc, fetcher->fetch(doc.meta.url));
            } catch (const ImportError& e) {
                result.warnings.emplace_back(name, std::string("kept the feed's summary: ") + e.what());
            }
        }
        try {
            const ImportOutcome r = importer.importDocument(doc);
            (r.added ? result.imported : result.duplicates)++;
        } catch (const StorageError& e) {
            result.refused.emplace_back(name, e.what());
        }
    }
    if (progress && !result.cancelled) progress(total, total, {});
    return result;
}

}  // namespace dossier::core
