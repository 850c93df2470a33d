#include "ui/panels/PeopleModel.h"

#include <algorithm>

#include "core/model/Analysis.h"
#include "ui/ArticleDocument.h"

namespace dossier::ui {

PeopleModel::PeopleModel(ArticleDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document) {
    connect(document, &ArticleDocument::opened, this, &PeopleModel::rebuild);
    connect(document, &ArticleDocument::analysisChanged, this, &PeopleModel::rebuild);
    rebuild();
}

void PeopleModel::rebuild() {
    beginResetModel();
    people_.clear();
    if (document_->isOpen())
        for (const core::Entity& e : document_->analysis().entities)
            if (e.type == core::EntityType::Person && !e.mentions.empty()) people_.push_back(&e);
    std::stable_sort(people_.begin(), people_.end(), [](const core::Entity* a, const core::Entity* b) {
        if (a->mentions.size() != b->mentions.size()) return a->mentions.size() > b->mentions.size();
        return a->mentions.front().span.start < b->mentions.front().span.start;
    });
    endResetModel();
}

int PeopleModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(people_.size());
}

int PeopleModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PeopleModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const core::Entity& e = *people_[static_cast<std::size_t>(index.row())];
    if (role == EntityIdRole) return QString::fromStdString(e.id);
    if (role == Qt::ToolTipRole)
        return tr("%1 — %2, mentioned %n time(s)", nullptr, static_cast<int>(e.mentions.size()))
            .arg(QString::fromStdString(e.name), QString::fromStdString(e.role.empty() ? std::string("no role given") : e.role));
    if (role == Qt::TextAlignmentRole && index.column() == Mentions) return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
        case Name: return QString::fromStdString(e.name);
        case Role: return QString::fromStdString(e.role);
        case Country: return QString::fromStdString(e.country);
        case Mentions: return static_cast<int>(e.mentions.size());
        default: return {};
    }
}

QVariant PeopleModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Name: return tr("Person");
        case Role: return tr("Role");
        case Country: return tr("Country");
        case Mentions: return tr("Mentions");
        default: return {};
    }
}

QModelIndex PeopleModel::indexOf(const QString& entityId) const {
    for (std::size_t r = 0; r < people_.size(); ++r)
        if (QString::fromStdString(people_[r]->id) == entityId) return index(static_cast<int>(r), 0);
    return {};
}

}  // namespace dossier::ui
