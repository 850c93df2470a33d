#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QModelIndex;
class QSortFilterProxyModel;
class QSplitter;
class QStackedLayout;
class QTableView;

namespace dossier::ui {

class ArticleDocument;
class RelationGraphView;
class RelationsModel;

// Who does what to whom in the open article: a graph of the entities and their
// typed relations above a sortable table of the same relations with their evidence.
// Choosing in one shows the choice in the other; the window hears about entities
// and evidence sentences through the signals.
class RelationsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RelationsPanel(ArticleDocument* document, QWidget* parent = nullptr);

    RelationsModel* model() const { return model_; }
    RelationGraphView* graph() const { return graph_; }
    QTableView* table() const { return table_; }
    bool isEmpty() const;  // true while the empty-state message shows

public Q_SLOTS:
    // Highlights the entity's node and selects the first table row that involves it
    // (unless the current row already does). Emits nothing, so windows may call it
    // in answer to entityActivated.
    void selectEntity(const QString& entityId);

Q_SIGNALS:
    void entityActivated(const QString& entityId);
    void evidenceActivated(qint64 start, qint64 end);  // code points of the evidence sentence

private:
    void modelReset();
    void cellClicked(const QModelIndex& index);
    void rowActivated(const QModelIndex& index);
    void currentRowChanged(const QModelIndex& current);
    void graphEntityActivated(const QString& entityId);
    void graphRelationActivated(int row);
    void selectTableRow(int modelRow);                // without moving the graph's highlight
    int firstRowWith(const QString& entityId) const;  // a model row, in table order; -1 if none
    bool rowInvolves(int modelRow, const QString& entityId) const;

    RelationsModel* model_;
    QSortFilterProxyModel* proxy_;
    RelationGraphView* graph_;
    QTableView* table_;
    QSplitter* splitter_;
    QLabel* emptyLabel_;
    QStackedLayout* stack_;
    bool syncing_ = false;  // the table is being moved to follow the graph
};

}  // namespace dossier::ui
