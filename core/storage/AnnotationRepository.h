#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/Annotation.h"

namespace dossier::core {

class Database;

// The reader's highlights, notes and tags. Every call commits on its own (or with
// the caller's transaction), so an annotation reported saved is on disk.
class AnnotationRepository {
public:
    explicit AnnotationRepository(Database& db) : db_(db) {}

    // Stores a new annotation (id 0) and returns it with its id and times; the quote,
    // prefix and suffix are taken from the article text when empty.
    Annotation add(Annotation annotation);
    // Restores an annotation with its old id (undo of a removal).
    void restore(const Annotation& annotation);
    void update(const Annotation& annotation);  // colour, note, tags
    bool remove(AnnotationId id);
    std::optional<Annotation> get(AnnotationId id);
    std::vector<Annotation> forArticle(ArticleId article);

    // Where the passage is now: its stored span when the text there is still the
    // quote, else the occurrence of the quote whose context matches best.
    static std::optional<Span> locate(const Annotation& annotation, std::string_view articleText);

private:
    void saveTags(AnnotationId id, const std::vector<std::string>& tags);
    std::vector<std::string> tagsOf(AnnotationId id);
    Database& db_;
};

}  // namespace dossier::core
