#pragma once

#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <string>

#include "core/model/Article.h"
#include "core/model/Date.h"
#include "core/storage/Library.h"

namespace dossier::test {

// A fresh library file on disk in its own temporary folder, removed afterwards.
class TempLibrary {
public:
    TempLibrary();
    std::string path() const { return path_; }
    std::string dir() const { return dir_.path().toStdString(); }
    core::Library& library();
    void reopen();  // close and open the same file again
    void close() { library_.reset(); }

private:
    QTemporaryDir dir_;
    std::string path_;
    std::unique_ptr<core::Library> library_;
};

// Writes bytes to a file in dir and returns its path.
std::string writeFile(const std::string& dir, const std::string& name, const std::string& bytes);

// Analyses and stores an article of the test's own text; returns its id.
core::ArticleId importText(core::Library& library, const std::string& title, std::optional<core::Date> published,
                           const std::string& text, const std::string& source = {});

// The evaluation data folder ../shared/, or empty when it is absent.
std::string sharedDir();

}  // namespace dossier::test
