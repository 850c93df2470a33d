#include "tests/support/TempLibrary.h"

#include "core/analysis/Analyzer.h"
#include "core/import/ArticleImporter.h"

#include <QDir>
#include <QFile>

namespace dossier::test {

TempLibrary::TempLibrary() : path_(QDir(dir_.path()).filePath(QStringLiteral("test.dossier")).toStdString()) {}

core::Library& TempLibrary::library() {
    if (!library_) library_ = std::make_unique<core::Library>(path_);
    return *library_;
}

void TempLibrary::reopen() {
    library_.reset();
    library_ = std::make_unique<core::Library>(path_);
}

std::string writeFile(const std::string& dir, const std::string& name, const std::string& bytes) {
    const QString path = QDir(QString::fromStdString(dir)).filePath(QString::fromStdString(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(bytes.data(), static_cast<qint64>(bytes.size()));
    return path.toStdString();
}

core::ArticleId importText(core::Library& library, const std::string& title, std::optional<core::Date> published,
                           const std::string& text, const std::string& source) {
    static const core::Analyzer analyzer;
    core::ImportedDocument doc;
    doc.meta.title = title;
    doc.meta.published = published;
    doc.meta.source = source;
    doc.text = text;
    return core::ArticleImporter(library, analyzer).importDocument(doc).id;
}

std::string sharedDir() {
    const QDir dir(QStringLiteral(DOSSIER_SHARED_DIR));
    return dir.exists(QStringLiteral("articles")) ? dir.absolutePath().toStdString() : std::string();
}

}  // namespace dossier::test
