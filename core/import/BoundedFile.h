#pragma once

#include <QByteArray>

#include <cstddef>
#include <string>

namespace dossier::core {

// Reads a file an importer was given, refusing with an ImportError (naming the
// file) what cannot be an article: missing, a folder, unreadable, or larger than
// maxBytes; `kind` says what it was meant to be ("article", "saved page").
// A size for a refusal message, rounded up so a file just over a limit never reads as the limit.
std::string mebibytes(std::size_t bytes);

QByteArray readBoundedFile(const std::string& path, std::size_t maxBytes, const std::string& kind);

}  // namespace dossier::core
