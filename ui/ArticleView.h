#pragma once

#include <QTextBrowser>

#include "core/model/Analysis.h"

namespace dossier::ui {

class ArticleDocument;

// The article as the reader sees it: title and metadata above a readable column of
// text, every entity mention marked by its type (a tint and an underline style, so
// colour is not the only sign, and a tooltip naming the entity), dates underlined,
// annotations highlighted in their colours. Positions in the text document match
// the article's UTF-16 offsets one to one after the header, so spans map exactly.
class ArticleView : public QTextBrowser {
    Q_OBJECT
public:
    explicit ArticleView(ArticleDocument* document, QWidget* parent = nullptr);

    // Marks every mention of the entity and scrolls to the first; empty id clears.
    void showEntity(const QString& entityId);
    // Selects the span (code points) and scrolls to it.
    void showSpan(qint64 start, qint64 end);
    // The current selection in code points, or an empty span.
    core::Span selectedSpan() const;
    QString shownEntity() const { return entity_; }
    // Text under the highlights of the shown entity, for tests and accessibility.
    QStringList highlightedTexts() const;
    int bodyStart() const { return bodyStart_; }

Q_SIGNALS:
    void entityActivated(const QString& entityId);
    void annotateRequested();
    void markRequested(core::EntityType type);
    void removeMentionRequested(qint64 codePoint);
    void changeTypeRequested(const QString& entityId, core::EntityType type);
    void mergeRequested(const QString& fromId, const QString& intoId);  // in this article
    void mergeInLibraryRequested(const QString& entityId);              // into an entity to choose
    void splitRequested(qint64 aliasId);

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuild();
    void refreshHighlights();
    qint64 codePointAt(const QPoint& viewportPos) const;
    int docPos(qint64 codePoint) const;

    ArticleDocument* document_;
    QString entity_;
    int bodyStart_ = 0;
};

}  // namespace dossier::ui
