#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/Analysis.h"
#include "core/model/Annotation.h"
#include "core/model/Article.h"
#include "core/storage/EntityRepository.h"
#include "core/text/Utf16Offsets.h"

class QUndoStack;

namespace dossier::core {
class Analyzer;
class Library;
}  // namespace dossier::core

namespace dossier::ui {

// The open article: its text, its analysis and the reader's annotations, and the
// undo stack of every edit made to them. Views and models read it and listen to
// its signals; edits go through it as undoable commands that write to the library
// at once, so nothing is lost when the window closes.
class ArticleDocument : public QObject {
    Q_OBJECT
public:
    ArticleDocument(core::Library& library, const core::Analyzer& analyzer, QObject* parent = nullptr);
    ~ArticleDocument() override;

    bool open(core::ArticleId id);  // false when the library has no such article
    bool isOpen() const { return article_ != nullptr; }
    core::ArticleId articleId() const { return article_ ? article_->id : 0; }
    const core::Article& article() const { return *article_; }
    const core::Analysis& analysis() const { return analysis_; }
    const std::vector<core::Annotation>& annotations() const { return annotations_; }
    const QString& text() const { return text_; }
    const core::Utf16Offsets& offsets() const { return *offsets_; }
    QUndoStack* undoStack() const { return undo_; }
    core::Library& library() { return library_; }

    const core::Entity* entity(const std::string& id) const { return analysis_.findEntity(id); }
    // The entity with a mention covering the code point, or null.
    const core::Entity* entityAt(core::Offset codePoint) const;
    const core::Annotation* annotation(core::AnnotationId id) const;

    // Edits; each is one step on the undo stack.
    void annotate(core::Span span, const QString& color, const QString& note, const QStringList& tags);
    void editAnnotation(core::AnnotationId id, const QString& color, const QString& note, const QStringList& tags);
    void removeAnnotation(core::AnnotationId id);
    void setPublished(const std::optional<core::Date>& date);
    void markEntity(core::Span span, core::EntityType type, const QString& name);
    void removeMention(core::Span span);
    void changeEntityType(const std::string& entityId, core::EntityType type);
    void mergeEntities(const std::string& fromId, const std::string& intoId);  // in this article only
    // Library-wide: the entity of this article and `into` are one, in every article.
    void mergeInLibrary(const std::string& entityId, const core::EntityRef& into);
    // Library-wide: a name merged into an entity becomes its own entity again.
    void splitInLibrary(const core::EntityRef& alias);

    // The library's entity an entity of this article is shown as, and the names merged into it.
    std::optional<core::EntityRef> libraryEntity(const std::string& entityId) const;
    std::vector<core::EntityRef> aliasesOf(const std::string& entityId) const;

    // For the commands: re-read from the library and tell the views.
    void reloadAnalysis();
    void reloadAnnotations();
    // Analyses the text again with the current publication date; corrections stay.
    // The analyser that re-analysis uses from now on (the Analysis menu's choice); it
    // must outlive its use here.
    void setAnalyzer(const core::Analyzer& analyzer) { analyzer_ = &analyzer; }
    void reanalyze();
    void reloadArticle();

Q_SIGNALS:
    void opened();
    void analysisChanged();
    // After a reload: an entity is gone and its first mention now belongs to another
    // (a merge made them one), so views showing the old one can follow.
    void entityReplaced(const QString& oldId, const QString& newId);
    void annotationsChanged();

private:
    core::Library& library_;
    const core::Analyzer* analyzer_;
    QUndoStack* undo_;
    std::unique_ptr<core::Article> article_;
    core::Analysis analysis_;
    std::vector<core::Annotation> annotations_;
    QString text_;
    std::unique_ptr<core::Utf16Offsets> offsets_;
};

}  // namespace dossier::ui
