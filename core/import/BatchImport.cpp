#include "core/import/BatchImport.h"

#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <optional>
#include <thread>

#include "core/import/ArticleImporter.h"
#include "core/import/BoundedFile.h"
#include "core/import/FeedPages.h"
#include "core/import/Fetcher.h"
#include "core/import/FeedParser.h"
#include "core/import/HtmlImporter.h"
#include "core/import/ImportError.h"
#include "core/import/TextImporter.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Library.h"
#include "core/storage/StorageError.h"
#include "core/storage/Transaction.h"

namespace dossier::core {

namespace {

// Articles are committed in groups: one fsync then serves many articles, which is
// most of the import's time with synchronous = FULL. Each article still runs in its
// own savepoint (ArticleImporter's transaction nests), so a failed one is dropped
// alone, and a group is all-or-nothing, so a crash leaves every article either
// complete or absent. The group is bounded in time so another writer (the reader
// window saving a note) never waits long for the lock.
class GroupCommit {
public:
    GroupCommit(Library& library, BatchResult& result, const BatchImport::Committed* committed = nullptr)
        : library_(library), result_(result), committed_(committed) {}
    GroupCommit(const GroupCommit&) = delete;
    GroupCommit& operator=(const GroupCommit&) = delete;
    ~GroupCommit() {
        try {
            commit();
        } catch (...) {
            // commit() already moved the group's items to the refused list.
        }
    }

    void beforeItem() {
        if (!tx_) {
            tx_.emplace(library_);
            library_.articles().deferIndexing();
            opened_ = std::chrono::steady_clock::now();
        }
    }

    void imported(const std::string& name, bool added) {
        pending_.push_back(name);
        (added ? pendingAdded_ : pendingDuplicates_)++;
        if (pending_.size() >= kMaxArticles || std::chrono::steady_clock::now() - opened_ >= kMaxTime) {
            commit();
            // The next group would take the lock again at once: leave it free a moment
            // so a writer waiting for it (retrying every millisecond) gets its turn.
            std::this_thread::sleep_for(kYield);
        }
    }

    void commit() {
        if (!tx_) return;
        bool done = false;
        try {
            library_.articles().indexDeferred();
            tx_->commit();
            result_.imported += pendingAdded_;
            result_.duplicates += pendingDuplicates_;
            done = true;
        } catch (const StorageError& e) {
            for (const std::string& name : pending_) result_.refused.emplace_back(name, e.what());
        }
        tx_.reset();
        if (done && committed_ && *committed_) (*committed_)(pending_);  // on disk now
        pending_.clear();
        pendingAdded_ = pendingDuplicates_ = 0;
    }

private:
    static constexpr std::size_t kMaxArticles = 256;
    static constexpr std::chrono::milliseconds kMaxTime{200};
    static constexpr std::chrono::milliseconds kYield{5};

    Library& library_;
    BatchResult& result_;
    const BatchImport::Committed* committed_;
    std::optional<Transaction> tx_;
    std::chrono::steady_clock::time_point opened_;
    std::vector<std::string> pending_;
    int pendingAdded_ = 0;
    int pendingDuplicates_ = 0;
};

}  // namespace

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
                             const Progress& progress, const Committed& committed) {
    BatchResult result;
    ArticleImporter importer(library, analyzer);
    const int total = static_cast<int>(files.size());
    {
        GroupCommit group(library, result, &committed);
        for (int i = 0; i < total; ++i) {
            const std::string& file = files[static_cast<std::size_t>(i)];
            if (progress && !progress(i, total, file)) {
                result.cancelled = true;
                break;
            }
            try {
                group.beforeItem();
                const ImportOutcome r = importer.importFile(file);
                group.imported(file, r.added);
            } catch (const ImportError& e) {
                result.refused.emplace_back(file, e.what());
            } catch (const StorageError& e) {
                result.refused.emplace_back(file, e.what());
            }
        }
        group.commit();
    }
    if (progress && !result.cancelled) progress(total, total, {});
    return result;
}

BatchResult BatchImport::importDocuments(Library& library, const Analyzer& analyzer, int count, const Maker& make,
                                         const Progress& progress) {
    BatchResult result;
    ArticleImporter importer(library, analyzer);
    {
        GroupCommit group(library, result);
        for (int i = 0; i < count; ++i) {
            if (progress && !progress(i, count, {})) {
                result.cancelled = true;
                break;
            }
            const ImportedDocument doc = make(i);
            try {
                group.beforeItem();
                group.imported(doc.meta.title, importer.importDocument(doc).added);
            } catch (const StorageError& e) {
                result.refused.emplace_back(doc.meta.title, e.what());
            }
        }
        group.commit();
    }
    if (progress && !result.cancelled) progress(count, count, {});
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
    if (feed.items.empty() && feed.skipped == 0) result.warnings.emplace_back(fileOrUrl, "the feed has no items");
    for (const auto& [title, date] : feed.badDates)
        result.warnings.emplace_back(title, "the date '" + date + "' is not understood; imported without a date");
    if (feed.skipped > 0)
        result.warnings.emplace_back(fileOrUrl, std::to_string(feed.skipped) +
                                                     (feed.skipped == 1 ? " item without text was skipped"
                                                                        : " items without text were skipped"));
    ArticleImporter importer(library, analyzer);
    const int total = static_cast<int>(feed.items.size());
    GroupCommit group(library, result);
    for (int i = 0; i < total; ++i) {
        ImportedDocument doc = feed.items[static_cast<std::size_t>(i)];
        const std::string name = doc.meta.url.empty() ? doc.meta.title : doc.meta.url;
        if (progress && !progress(i, total, name)) {
            result.cancelled = true;
            break;
        }
        // Pages are fetched only for feeds the user asked to import from the network.
        if (url && FeedPages::needsPage(doc)) {
            group.commit();  // never hold the library's write lock across a network wait
            try {
                doc = FeedPages::withPageText(doc, fetcher->fetch(doc.meta.url));
            } catch (const ImportError& e) {
                result.warnings.emplace_back(name, std::string("kept the feed's summary: ") + e.what());
            }
        }
        try {
            group.beforeItem();
            const ImportOutcome r = importer.importDocument(doc);
            group.imported(name, r.added);
        } catch (const StorageError& e) {
            result.refused.emplace_back(name, e.what());
        }
    }
    group.commit();
    if (progress && !result.cancelled) progress(total, total, {});
    return result;
}

}  // namespace dossier::core
