#pragma once

#include <QAbstractTableModel>

#include <vector>

namespace dossier::core {
struct Entity;
}

namespace dossier::ui {

class ArticleDocument;

// The people of the open article, most prominent first (most mentions, then the
// earliest): name, role, country, mentions.
class PeopleModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Role, Country, Mentions, ColumnCount };
    enum { EntityIdRole = Qt::UserRole + 1 };

    explicit PeopleModel(ArticleDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QModelIndex indexOf(const QString& entityId) const;

private:
    void rebuild();
    ArticleDocument* document_;
    std::vector<const core::Entity*> people_;
};

}  // namespace dossier::ui
