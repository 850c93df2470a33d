#pragma once

#include "core/model/Analysis.h"

#include <QGraphicsView>
#include <QPainterPath>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <vector>

class QGraphicsPathItem;
class QGraphicsSimpleTextItem;

namespace dossier::ui {

class RelationsModel;

// A picture of the relations: one rounded box per entity that takes part in one,
// coloured by its type, and one line per relation labelled with its type (arrows
// for directed types). The layout is computed once per analysis and is the same
// every time for the same relations, so the picture does not jump between runs.
class RelationGraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit RelationGraphView(QWidget* parent = nullptr);

    // Rebuilds whenever the model resets (a new article or a new analysis).
    void setModel(RelationsModel* model);

    // The items behind the picture, for the panel and for tests.
    QStringList entityIds() const;  // one per node, in layout order
    int edgeCount() const { return static_cast<int>(edges_.size()); }
    QGraphicsItem* nodeItem(const QString& entityId) const;
    QGraphicsItem* edgeItem(int row) const;       // the line
    QGraphicsItem* edgeLabelItem(int row) const;  // the type's label box
    QString selectedEntity() const { return selectedEntity_; }
    int selectedRelation() const { return selectedRow_; }

public Q_SLOTS:
    // Highlights the node and its relations when the choice comes from elsewhere;
    // an id without a node clears the highlight. Emits nothing.
    void selectEntity(const QString& entityId);
    void selectRelation(int row);
    void clearSelection();

Q_SIGNALS:
    void entityActivated(const QString& entityId);
    void relationActivated(int row);  // a row of the model

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Node {
        QString id;
        core::EntityType type = core::EntityType::Other;
        QGraphicsPathItem* box = nullptr;
        QGraphicsSimpleTextItem* text = nullptr;
    };
    struct Edge {
        int row = -1;
        std::size_t from = 0, to = 0;  // node indexes
        QString type;
        bool directed = true;
        QGraphicsPathItem* line = nullptr;
        QGraphicsPathItem* arrow = nullptr;
        QGraphicsPathItem* labelBox = nullptr;
        QGraphicsSimpleTextItem* label = nullptr;
        QPainterPath hitArea{};  // a wider stroke than the line, so thin lines are easy to click
    };

    void rebuild();
    void routeEdges();
    void placeLabels();
    void restyle();
    void fitScene();
    int nodeAt(const QPointF& scenePos) const;
    int edgeAt(const QPointF& scenePos) const;  // index into edges_
    const Node* findNode(const QString& id) const;

    QPointer<RelationsModel> model_;
    std::vector<Node> nodes_;
    std::vector<Edge> edges_;
    QString selectedEntity_;
    int selectedRow_ = -1;
};

}  // namespace dossier::ui
