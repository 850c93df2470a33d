#include "ui/panels/SearchResultsModel.h"

namespace dossier::ui {

namespace {

constexpr char16_t kOpen = u'\x01';
constexpr char16_t kClose = u'\x02';

// Snippets are cut from paragraphs; a line break inside one is only a space.
QString oneLine(QString text) {
    text.replace(u'\n', u' ');
    return text;
}

}  // namespace

core::SnippetMarks SearchResultsModel::snippetMarks() { return {"\x01", "\x02", "…"}; }

QString SearchResultsModel::snippetToHtml(const std::string& snippet) {
    QString html = oneLine(QString::fromStdString(snippet)).toHtmlEscaped();
    html.replace(kOpen, QStringLiteral("<b>"));
    html.replace(kClose, QStringLiteral("</b>"));
    return html;
}

QString SearchResultsModel::snippetToPlain(const std::string& snippet) {
    QString plain = oneLine(QString::fromStdString(snippet));
    plain.remove(kOpen);
    plain.remove(kClose);
    return plain;
}

void SearchResultsModel::setHits(std::vector<core::SearchHit> hits) {
    beginResetModel();
    hits_ = std::move(hits);
    endResetModel();
}

const core::SearchHit* SearchResultsModel::hitAt(int row) const {
    if (row < 0 || static_cast<std::size_t>(row) >= hits_.size()) return nullptr;
    return &hits_[static_cast<std::size_t>(row)];
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(hits_.size());
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const {
    const core::SearchHit* hit = hitAt(index.row());
    if (!hit) return {};
    const core::ArticleMeta& meta = hit->article.meta;
    const QString title = QString::fromStdString(meta.title);
    const QString date = meta.published ? QString::fromStdString(meta.published->toIso()) : tr("undated");
    const QString subtitle =
        meta.source.empty() ? date
                            : QString(date + QStringLiteral(" · ") + QString::fromStdString(meta.source));
    switch (role) {
        case Qt::DisplayRole:
            return QString(title + u'\n' + subtitle + u'\n' + snippetToPlain(hit->snippet));
        case Qt::ToolTipRole: return title;
        case IdRole: return QVariant::fromValue(static_cast<qint64>(hit->article.id));
        case SubtitleRole: return subtitle;
        case SnippetRole: return snippetToPlain(hit->snippet);
        case SnippetHtmlRole: return snippetToHtml(hit->snippet);
        default: return {};
    }
}

}  // namespace dossier::ui
