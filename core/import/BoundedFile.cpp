#include "core/import/BoundedFile.h"

#include <QFile>
#include <QFileInfo>

#include "core/import/ImportError.h"

namespace dossier::core {

std::string mebibytes(std::size_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MiB"; }

QByteArray readBoundedFile(const std::string& path, std::size_t maxBytes, const std::string& kind) {
    using R = ImportError::Reason;
    QFile file(QString::fromStdString(path));
    const QFileInfo info(file);
    if (!info.exists()) throw ImportError(R::Unreadable, path, "no such file");
    if (info.isDir()) throw ImportError(R::Unreadable, path, "this is a folder, not a file");
    if (static_cast<std::size_t>(info.size()) > maxBytes)
        throw ImportError(R::TooLarge, path,
                          "the file is " + mebibytes(static_cast<std::size_t>(info.size())) + "; Dossier imports " + kind +
                              "s of up to " + mebibytes(maxBytes));
    if (!file.open(QIODevice::ReadOnly))
        throw ImportError(R::Unreadable, path, "cannot read the file: " + file.errorString().toStdString());
    return file.readAll();
}

}  // namespace dossier::core
