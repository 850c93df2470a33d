#include "core/import/ArticleImporter.h"

#include <QDir>
#include <QFile>

#include <spdlog/spdlog.h>

#include "core/analysis/Analyzer.h"
#include "core/import/HtmlImporter.h"
#include "core/import/ImportError.h"
#include "core/storage/AnalysisRepository.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Library.h"

namespace dossier::core {

namespace {
const QString kSamplesDir = QStringLiteral(":/dossier/samples");
}

ImportOutcome ArticleImporter::importFile(const std::string& path) {
    if (HtmlImporter::handles(path)) return importDocument(HtmlImporter::readFile(path));
    if (!TextImporter::handles(path))
        throw ImportError(ImportError::Reason::Unsupported, path,
                          "Dossier cannot import this kind of file (it reads .txt, .md and .html articles)");
    return importDocument(TextImporter::readFile(path));
}

ImportOutcome ArticleImporter::importDocument(const ImportedDocument& doc) {
    // The same text again is the same article: no need to analyse it.
    const std::string hash = ArticleRepository::hashOf(doc.text);
    if (const auto existing = library_.articles().findByHash(hash)) return {*existing, false, doc.meta.title};
    // Analyse before the transaction: the write lock is then held only for the writes.
    const Analysis analysis = analyzer_.analyze(doc.text, doc.meta.published);
    auto tx = library_.transaction();
    const auto added = library_.articles().add(doc.meta, doc.text, hash);
    if (added.added) library_.analyses().store(added.id, analysis, Analyzer::kVersion, AnalysisRepository::Replace::Nothing);
    tx.commit();
    return {added.id, added.added, doc.meta.title};
}

void ArticleImporter::reanalyze(ArticleId id) {
    const auto article = library_.articles().get(id);
    if (!article) return;
    const Analysis analysis = analyzer_.analyze(article->text, article->meta.published);
    auto tx = library_.transaction();
    library_.analyses().store(id, analysis, Analyzer::kVersion);
    tx.commit();
}

std::vector<std::string> ArticleImporter::bundledSampleNames() {
    std::vector<std::string> names;
    for (const QString& name : QDir(kSamplesDir).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name))
        names.push_back(name.toStdString());
    return names;
}

int ArticleImporter::importBundledSamples() {
    int added = 0;
    for (const std::string& name : bundledSampleNames()) {
        QFile file(kSamplesDir + u'/' + QString::fromStdString(name));
        if (!file.open(QIODevice::ReadOnly)) continue;
        const QByteArray bytes = file.readAll();
        const auto doc = TextImporter::parse(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                             name);
        added += importDocument(doc).added ? 1 : 0;
    }
    spdlog::info("imported {} bundled sample articles into {}", added, library_.path());
    return added;
}

}  // namespace dossier::core
