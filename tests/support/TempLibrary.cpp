#include "tests/support/TempLibrary.h"

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

std::string sharedDir() {
    const QDir dir(QStringLiteral(DOSSIER_SHARED_DIR));
    return dir.exists(QStringLiteral("articles")) ? dir.absolutePath().toStdString() : std::string();
}

}  // namespace dossier::test
