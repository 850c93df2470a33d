#include "ui/panels/AnnotationsModel.h"

#include <QColor>
#include <QStringList>

#include "ui/ArticleDocument.h"

namespace dossier::ui {

namespace {

constexpr int kQuoteChars = 110;
constexpr int kNoteChars = 160;

QStringList tagsOf(const core::Annotation& a) {
    QStringList tags;
    for (const std::string& t : a.tags) tags << QString::fromStdString(t);
    return tags;
}

}  // namespace

AnnotationsModel::AnnotationsModel(ArticleDocument* document, QObject* parent)
    : QAbstractListModel(parent), document_(document) {
    connect(document_, &ArticleDocument::opened, this, &AnnotationsModel::rebuild);
    connect(document_, &ArticleDocument::annotationsChanged, this, &AnnotationsModel::rebuild);
    rebuild();
}

void AnnotationsModel::rebuild() {
    beginResetModel();
    annotations_ = document_->isOpen() ? document_->annotations() : std::vector<core::Annotation>{};
    endResetModel();
}

const core::Annotation* AnnotationsModel::annotationAt(int row) const {
    if (row < 0 || static_cast<std::size_t>(row) >= annotations_.size()) return nullptr;
    return &annotations_[static_cast<std::size_t>(row)];
}

QModelIndex AnnotationsModel::indexOf(core::AnnotationId id) const {
    for (std::size_t i = 0; i < annotations_.size(); ++i)
        if (annotations_[i].id == id) return index(static_cast<int>(i));
    return {};
}

QString AnnotationsModel::elided(const QString& text, int max) {
    QString line = text.simplified();
    if (line.size() <= max) return line;
    line.truncate(max - 1);
    // Do not leave half of a surrogate pair before the ellipsis.
    if (!line.isEmpty() && line.back().isHighSurrogate()) line.chop(1);
    return line.trimmed() + u'…';
}

int AnnotationsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(annotations_.size());
}

QVariant AnnotationsModel::data(const QModelIndex& index, int role) const {
    const core::Annotation* a = annotationAt(index.row());
    if (!a) return {};
    const QString quote = QString::fromStdString(a->quote);
    const QString note = QString::fromStdString(a->note);
    switch (role) {
        case Qt::DisplayRole: {
            QStringList lines{u'“' + elided(quote, kQuoteChars) + u'”'};
            if (!note.trimmed().isEmpty()) lines << elided(note, kNoteChars);
            if (!a->tags.empty()) lines << u'#' + tagsOf(*a).join(QStringLiteral(" #"));
            return lines.join(u'\n');
        }
        case Qt::ToolTipRole:
            return note.isEmpty() ? quote : QString(quote + QStringLiteral("\n\n") + note);
        case Qt::DecorationRole: return QColor(QString::fromStdString(a->color));
        case Qt::AccessibleTextRole: return QString(quote + u' ' + note);
        case IdRole: return QVariant::fromValue(static_cast<qint64>(a->id));
        case StartRole: return QVariant::fromValue(static_cast<qint64>(a->span.start));
        case EndRole: return QVariant::fromValue(static_cast<qint64>(a->span.end));
        case QuoteRole: return quote;
        case NoteRole: return note;
        case TagsRole: return tagsOf(*a);
        case ColorRole: return QString::fromStdString(a->color);
        default: return {};
    }
}

}  // namespace dossier::ui
