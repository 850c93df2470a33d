#pragma once

#include <QAbstractListModel>

#include <vector>

#include "core/model/Annotation.h"

namespace dossier::ui {

class ArticleDocument;

// The reader's annotations of the open article, in the order the document keeps
// them: the quote (shortened), the note and the tags, with the colour as a swatch.
class AnnotationsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        StartRole,  // code points, as core::Span
        EndRole,
        QuoteRole,  // the whole quote
        NoteRole,
        TagsRole,   // QStringList, without '#'
        ColorRole,  // "#rrggbb"
    };

    explicit AnnotationsModel(ArticleDocument* document, QObject* parent = nullptr);

    const core::Annotation* annotationAt(int row) const;
    QModelIndex indexOf(core::AnnotationId id) const;

    // Text cut to at most max characters on one line, with an ellipsis when cut.
    static QString elided(const QString& text, int max);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    void rebuild();
    ArticleDocument* document_;
    // A copy: the list must stay consistent while the document changes under it.
    std::vector<core::Annotation> annotations_;
};

}  // namespace dossier::ui
