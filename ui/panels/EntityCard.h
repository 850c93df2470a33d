#pragma once

#include <QTextBrowser>

namespace dossier::ui {

class ArticleDocument;

// The context of one entity: name, type, role, country; its mentions as
// keyword-in-context lines; the relations and dated events it takes part in; the
// other articles of the library that mention it. Every line is a link. It also lists
// the names merged into the entity library-wide, each with a link to split it off,
// and offers to merge the entity into another.
class EntityCard : public QTextBrowser {
    Q_OBJECT
public:
    explicit EntityCard(ArticleDocument* document, QWidget* parent = nullptr);
    void showEntity(const QString& entityId);
    QString entity() const { return entity_; }

Q_SIGNALS:
    void spanActivated(qint64 start, qint64 end);
    void entityActivated(const QString& entityId);
    void articleActivated(qint64 articleId);
    void mergeRequested(const QString& entityId);  // into another entity, library-wide
    void splitRequested(qint64 aliasId);           // a merged-in name, by its library id

private:
    void render();
    ArticleDocument* document_;
    QString entity_;
};

}  // namespace dossier::ui
