#include "ui/ArticleDocument.h"

#include <QUndoStack>

#include "core/import/ArticleImporter.h"
#include "core/storage/AnalysisRepository.h"
#include "core/storage/AnnotationRepository.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Library.h"
#include "ui/commands/AddAnnotationCommand.h"
#include "ui/commands/CorrectMentionsCommand.h"
#include "ui/commands/EditAnnotationCommand.h"
#include "ui/commands/MergeEntitiesCommand.h"
#include "ui/commands/RemoveAnnotationCommand.h"
#include "ui/commands/SetPublishedCommand.h"
#include "ui/commands/SplitEntityCommand.h"

namespace dossier::ui {

ArticleDocument::ArticleDocument(core::Library& library, const core::Analyzer& analyzer, QObject* parent)
    : QObject(parent), library_(library), analyzer_(&analyzer), undo_(new QUndoStack(this)) {}

ArticleDocument::~ArticleDocument() = default;

bool ArticleDocument::open(core::ArticleId id) {
    auto article = library_.articles().get(id);
    if (!article) return false;
    undo_->clear();  // edits belong to the article they were made in
    article_ = std::make_unique<core::Article>(std::move(*article));
    text_ = QString::fromStdString(article_->text);
    offsets_ = std::make_unique<core::Utf16Offsets>(text_);
    analysis_ = library_.analyses().load(id);
    annotations_ = library_.annotations().forArticle(id);
    Q_EMIT opened();
    return true;
}

const core::Entity* ArticleDocument::entityAt(core::Offset codePoint) const {
    const core::Entity* best = nullptr;
    for (const core::Entity& e : analysis_.entities)
        for (const core::Mention& m : e.mentions)
            if (m.span.start <= codePoint && codePoint < m.span.end &&
                (!best || e.type == core::EntityType::Person))  // a name inside a policy: the person
                best = &e;
    return best;
}

const core::Annotation* ArticleDocument::annotation(core::AnnotationId id) const {
    for (const auto& a : annotations_)
        if (a.id == id) return &a;
    return nullptr;
}

void ArticleDocument::annotate(core::Span span, const QString& color, const QString& note, const QStringList& tags) {
    if (!isOpen() || span.start >= span.end) return;
    core::Annotation a;
    a.article = article_->id;
    a.span = span;
    a.color = color.toStdString();
    a.note = note.toStdString();
    for (const QString& t : tags) a.tags.push_back(t.trimmed().toStdString());
    undo_->push(new AddAnnotationCommand(this, std::move(a)));
}

void ArticleDocument::editAnnotation(core::AnnotationId id, const QString& color, const QString& note,
                                     const QStringList& tags) {
    const core::Annotation* old = annotation(id);
    if (!old) return;
    core::Annotation changed = *old;
    changed.color = color.toStdString();
    changed.note = note.toStdString();
    changed.tags.clear();
    for (const QString& t : tags) changed.tags.push_back(t.trimmed().toStdString());
    undo_->push(new EditAnnotationCommand(this, *old, std::move(changed)));
}

void ArticleDocument::removeAnnotation(core::AnnotationId id) {
    if (const core::Annotation* a = annotation(id)) undo_->push(new RemoveAnnotationCommand(this, *a));
}

void ArticleDocument::setPublished(const std::optional<core::Date>& date) {
    if (!isOpen() || date == article_->meta.published) return;
    undo_->push(new SetPublishedCommand(this, article_->meta.published, date));
}

void ArticleDocument::markEntity(core::Span span, core::EntityType type, const QString& name) {
    if (!isOpen() || span.start >= span.end) return;
    core::Entity e;
    e.type = type;
    e.name = name.trimmed().toStdString();
    e.id = std::string(core::toString(type)) + "/user/" + e.name;
    CorrectMentionsCommand::Change add{e, core::Mention{span, core::sliceCodePoints(article_->text, span.start, span.end),
                                                        core::Origin::User}};
    undo_->push(new CorrectMentionsCommand(this, tr("Mark “%1” as %2").arg(name, QString::fromUtf8(core::toString(type).data())),
                                           {}, {add}));
}

void ArticleDocument::removeMention(core::Span span) {
    const core::Entity* e = entityAt(span.start);
    if (!e) return;
    for (const core::Mention& m : e->mentions)
        if (m.span == span || (m.span.start <= span.start && span.start < m.span.end)) {
            undo_->push(new CorrectMentionsCommand(this, tr("Remove mention “%1”").arg(QString::fromStdString(m.text)),
                                                   {m.span}, {}));
            return;
        }
}

void ArticleDocument::changeEntityType(const std::string& entityId, core::EntityType type) {
    const core::Entity* e = entity(entityId);
    if (!e || e->type == type) return;
    core::Entity target = *e;
    target.type = type;
    target.id = std::string(core::toString(type)) + "/user/" + e->name;
    std::vector<core::Span> rejected;
    std::vector<CorrectMentionsCommand::Change> added;
    for (const core::Mention& m : e->mentions) {
        rejected.push_back(m.span);
        added.push_back({target, core::Mention{m.span, m.text, core::Origin::User}});
    }
    undo_->push(new CorrectMentionsCommand(
        this, tr("Make “%1” a %2").arg(QString::fromStdString(e->name), QString::fromUtf8(core::toString(type).data())),
        rejected, added));
}

void ArticleDocument::mergeEntities(const std::string& fromId, const std::string& intoId) {
    const core::Entity* from = entity(fromId);
    const core::Entity* into = entity(intoId);
    if (!from || !into || from == into) return;
    std::vector<core::Span> rejected;
    std::vector<CorrectMentionsCommand::Change> added;
    for (const core::Mention& m : from->mentions) {
        rejected.push_back(m.span);
        added.push_back({*into, core::Mention{m.span, m.text, core::Origin::User}});
    }
    undo_->push(new CorrectMentionsCommand(
        this, tr("Merge “%1” into “%2”").arg(QString::fromStdString(from->name), QString::fromStdString(into->name)),
        rejected, added));
}

void ArticleDocument::mergeInLibrary(const std::string& entityId, const core::EntityRef& into) {
    const auto from = libraryEntity(entityId);
    if (!from) return;
    auto& entities = library_.entities();
    const core::EntityRef target = entities.canonical(into);
    if (entities.canonical(*from).id == target.id) return;  // already one
    undo_->push(new MergeEntitiesCommand(this, *from, target));
}

void ArticleDocument::splitInLibrary(const core::EntityRef& alias) {
    auto& entities = library_.entities();
    const core::EntityRef from = entities.canonical(alias);
    if (entities.aliasesOf(alias).empty()) return;  // nothing merged: nothing to split
    undo_->push(new SplitEntityCommand(this, alias, from));
}

std::optional<core::EntityRef> ArticleDocument::libraryEntity(const std::string& entityId) const {
    const core::Entity* e = entity(entityId);
    if (!e) return std::nullopt;
    // The article shows each entity under its canonical name and type.
    const auto ref = library_.entities().find(e->name, e->type);
    if (!ref) return std::nullopt;
    return library_.entities().canonical(*ref);
}

std::vector<core::EntityRef> ArticleDocument::aliasesOf(const std::string& entityId) const {
    const auto ref = libraryEntity(entityId);
    return ref ? library_.entities().aliasesOf(*ref) : std::vector<core::EntityRef>{};
}

void ArticleDocument::reloadAnalysis() {
    if (!isOpen()) return;
    core::Analysis before = std::move(analysis_);
    analysis_ = library_.analyses().load(article_->id);
    Q_EMIT analysisChanged();
    for (const core::Entity& old : before.entities) {
        if (old.mentions.empty() || entity(old.id)) continue;
        if (const core::Entity* now = entityAt(old.mentions.front().span.start); now && now->id != old.id)
            Q_EMIT entityReplaced(QString::fromStdString(old.id), QString::fromStdString(now->id));
    }
}

void ArticleDocument::reloadAnnotations() {
    if (!isOpen()) return;
    annotations_ = library_.annotations().forArticle(article_->id);
    Q_EMIT annotationsChanged();
}

void ArticleDocument::reloadArticle() {
    if (!isOpen()) return;
    if (auto a = library_.articles().get(article_->id)) article_->meta = a->meta;
}

void ArticleDocument::reanalyze() {
    if (!isOpen()) return;
    core::ArticleImporter(library_, *analyzer_).reanalyze(article_->id);
    reloadArticle();
    reloadAnalysis();
}

}  // namespace dossier::ui
