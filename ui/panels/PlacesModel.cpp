#include "ui/panels/PlacesModel.h"

#include <algorithm>
#include <map>

#include "core/model/Analysis.h"
#include "ui/ArticleDocument.h"

namespace dossier::ui {

namespace {
// Internal ids: groups are 0, a place is its group's row + 1.
constexpr quintptr kGroupLevel = 0;
int count(const core::Entity* e) { return e ? static_cast<int>(e->mentions.size()) : 0; }
}  // namespace

PlacesModel::PlacesModel(ArticleDocument* document, QObject* parent) : QAbstractItemModel(parent), document_(document) {
    connect(document, &ArticleDocument::opened, this, &PlacesModel::rebuild);
    connect(document, &ArticleDocument::analysisChanged, this, &PlacesModel::rebuild);
    rebuild();
}

void PlacesModel::rebuild() {
    beginResetModel();
    groups_.clear();
    if (document_->isOpen()) {
        std::map<QString, Group> byName;
        for (const core::Entity& e : document_->analysis().entities) {
            if (e.mentions.empty()) continue;
            if (e.type == core::EntityType::Country) {
                Group& g = byName[QString::fromStdString(e.name)];
                g.name = QString::fromStdString(e.name);
                g.country = &e;
            } else if (e.type == core::EntityType::Place) {
                const QString country = e.country.empty() ? tr("Elsewhere") : QString::fromStdString(e.country);
                Group& g = byName[country];
                g.name = country;
                g.places.push_back(&e);
            }
        }
        for (auto& [name, g] : byName) {
            std::stable_sort(g.places.begin(), g.places.end(),
                             [](const core::Entity* a, const core::Entity* b) { return count(a) > count(b); });
            g.mentions = count(g.country);
            for (const auto* p : g.places) g.mentions += count(p);
            groups_.push_back(std::move(g));
        }
        std::stable_sort(groups_.begin(), groups_.end(), [](const Group& a, const Group& b) { return a.mentions > b.mentions; });
    }
    endResetModel();
}

QModelIndex PlacesModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) return {};
    if (!parent.isValid()) return createIndex(row, column, kGroupLevel);
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex PlacesModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kGroupLevel) return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupLevel);
}

int PlacesModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return static_cast<int>(groups_.size());
    if (parent.internalId() != kGroupLevel || parent.column() != 0) return 0;
    return static_cast<int>(groups_[static_cast<std::size_t>(parent.row())].places.size());
}

int PlacesModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant PlacesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const bool group = index.internalId() == kGroupLevel;
    const Group& g = groups_[static_cast<std::size_t>(group ? index.row() : static_cast<int>(index.internalId() - 1))];
    const core::Entity* e = group ? g.country : g.places[static_cast<std::size_t>(index.row())];
    if (role == EntityIdRole) return e ? QString::fromStdString(e->id) : QVariant();
    if (role == Qt::TextAlignmentRole && index.column() == Mentions) return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && e && !e->standsFor.empty())
        return tr("%1, also standing for the government of %2").arg(QString::fromStdString(e->name),
                                                                     QString::fromStdString(e->standsFor));
    if (role != Qt::DisplayRole) return {};
    if (index.column() == Name) return group ? g.name : QString::fromStdString(e->name);
    if (index.column() == Mentions) return group ? g.mentions : count(e);
    return {};
}

QVariant PlacesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return section == Name ? tr("Country / place") : tr("Mentions");
}

QModelIndex PlacesModel::indexOf(const QString& entityId) const {
    for (std::size_t r = 0; r < groups_.size(); ++r) {
        if (groups_[r].country && QString::fromStdString(groups_[r].country->id) == entityId) return index(static_cast<int>(r), 0);
        for (std::size_t p = 0; p < groups_[r].places.size(); ++p)
            if (QString::fromStdString(groups_[r].places[p]->id) == entityId)
                return index(static_cast<int>(p), 0, index(static_cast<int>(r), 0));
    }
    return {};
}

}  // namespace dossier::ui
