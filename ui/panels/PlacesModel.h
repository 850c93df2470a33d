#pragma once

#include <QAbstractItemModel>

#include <vector>

namespace dossier::core {
struct Entity;
}

namespace dossier::ui {

class ArticleDocument;

// Countries and places of the open article: each country with its places under
// it (Beijing and Shanghai under China), places of no known country under
// "Elsewhere"; with mention counts, most mentioned first.
class PlacesModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Name, Mentions, ColumnCount };
    enum { EntityIdRole = Qt::UserRole + 1 };

    explicit PlacesModel(ArticleDocument* document, QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QModelIndex indexOf(const QString& entityId) const;

private:
    struct Group {
        QString name;
        const core::Entity* country = nullptr;  // null for a country the text never names itself
        std::vector<const core::Entity*> places;
        int mentions = 0;
    };
    void rebuild();
    ArticleDocument* document_;
    std::vector<Group> groups_;
};

}  // namespace dossier::ui
