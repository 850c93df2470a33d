#include "ui/panels/RelationGraphView.h"

#include "ui/panels/RelationsModel.h"

#include <QEvent>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QPainterPathStroker>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numbers>

namespace dossier::ui {
namespace {

constexpr qreal kPadX = 10, kPadY = 5;  // text inside a node box
constexpr qreal kPreferredGap = 120;    // between linked boxes: room for the relation's label
constexpr qreal kMinGap = 16;           // no two boxes come closer than this
constexpr qreal kLabelSpacing = 70;     // between the middles of two lines
constexpr qreal kLineClearance = 36;    // between a box and a line that does not end at it
constexpr qreal kSceneMargin = 24;
constexpr int kIterations = 400;
constexpr qreal kDimmed = 0.3;  // what a selection leaves out fades, still legible

using Link = std::pair<std::size_t, std::size_t>;  // node indexes of a relation's ends

// In EntityType's order: person blue, country green, place teal, organisation
// purple, policy orange, other grey.
QColor typeColor(core::EntityType type) {
    static constexpr std::array<QRgb, 6> colours = {0x4285f4, 0x34a853, 0x009688,
                                                    0x9334e6, 0xf28b00, 0x80868b};
    return QColor::fromRgb(
        colours[std::min<std::size_t>(static_cast<std::size_t>(type), colours.size() - 1)]);
}

QColor mix(const QColor& a, const QColor& b, qreal amountOfA) {
    const qreal r = amountOfA, s = 1 - amountOfA;
    return QColor::fromRgbF(static_cast<float>(a.redF() * r + b.redF() * s),
                            static_cast<float>(a.greenF() * r + b.greenF() * s),
                            static_cast<float>(a.blueF() * r + b.blueF() * s));
}

// Distance from a box's centre to its border along the unit vector u.
qreal reach(const QSizeF& size, const QPointF& u) {
    const qreal ax = std::abs(u.x()), ay = std::abs(u.y());
    const qreal tx = ax > 1e-9 ? size.width() / 2 / ax : 1e9;
    const qreal ty = ay > 1e-9 ? size.height() / 2 / ay : 1e9;
    return std::min(tx, ty);
}

QRectF boxAt(const QPointF& centre, const QSizeF& size) {
    return QRectF(centre.x() - size.width() / 2, centre.y() - size.height() / 2, size.width(), size.height());
}

// Force-directed layout of one connected group, on box sizes rather than points (a
// wide name box needs more room sideways than above), started from circles — people
// inside, the rest outside — and without randomness, so the same relations always
// give the same picture. A final pass pushes apart any boxes that still overlap.
std::vector<QPointF> layoutComponent(const std::vector<QSizeF>& sizes, const std::vector<Link>& links,
                                     const std::vector<bool>& inner) {
    const std::size_t n = sizes.size();
    std::vector<QPointF> pos(n);
    const auto innerCount = static_cast<std::size_t>(std::count(inner.begin(), inner.end(), true));
    const qreal innerRadius = innerCount > 1 ? 50.0 * static_cast<qreal>(innerCount) : 0;
    const qreal outerRadius = innerRadius + 180 + 20.0 * static_cast<qreal>(n - innerCount);
    std::size_t innerSeen = 0, outerSeen = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const bool in = inner[i];
        const auto count = static_cast<qreal>(std::max<std::size_t>(in ? innerCount : n - innerCount, 1));
        const auto slot = static_cast<qreal>(in ? innerSeen++ : outerSeen++);
        const qreal angle = 2 * std::numbers::pi * slot / count - std::numbers::pi / 2;
        pos[i] = QPointF(std::cos(angle), std::sin(angle)) * (in ? innerRadius : outerRadius);
    }

    const qreal k = kPreferredGap;
    for (int it = 0; it < kIterations; ++it) {
        const qreal temperature = 1 + 50.0 * (1.0 - static_cast<qreal>(it) / kIterations);
        std::vector<QPointF> shift(n);
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = i + 1; j < n; ++j) {
                QPointF d = pos[i] - pos[j];
                qreal dist = std::hypot(d.x(), d.y());
                if (dist < 1e-3) {  // same place: part them the same way every run
                    d = QPointF(std::cos(static_cast<qreal>(i + 2 * j)),
                                std::sin(static_cast<qreal>(i + 2 * j)));
                    dist = 1;
                }
                const QPointF u = d / dist;
                const qreal gap = std::max(dist - reach(sizes[i], u) - reach(sizes[j], u), 4.0);
                const QPointF f = u * (k * k / gap);
                shift[i] += f;
                shift[j] -= f;
            }
        }
        for (const auto& [a, b] : links) {
            const QPointF d = pos[b] - pos[a];
            const qreal dist = std::hypot(d.x(), d.y());
            if (dist < 1e-3) continue;
            const QPointF u = d / dist;
            const qreal gap = dist - reach(sizes[a], u) - reach(sizes[b], u);
            const QPointF f = u * (gap * std::abs(gap) / k);
            shift[a] += f;
            shift[b] -= f;
        }
        // Lines keep off boxes they do not end at, so no relation seems to pass
        // through a third entity: the box moves away from the line, the line the
        // other way.
        for (const auto& [a, b] : links) {
            const QPointF pa = pos[a], d = pos[b] - pos[a];
            const qreal len2 = QPointF::dotProduct(d, d);
            if (len2 < 1e-6) continue;
            for (std::size_t i = 0; i < n; ++i) {
                if (i == a || i == b) continue;
                const qreal t = std::clamp(QPointF::dotProduct(pos[i] - pa, d) / len2, 0.0, 1.0);
                QPointF away = pos[i] - (pa + d * t);
                const qreal dist = std::hypot(away.x(), away.y());
                if (dist < 1e-3)
                    away = QPointF(-d.y(), d.x()) / std::sqrt(len2);
                else
                    away /= dist;
                const qreal gap = dist - reach(sizes[i], away);
                if (gap >= kLineClearance) continue;
                const QPointF f = away * ((kLineClearance - gap) * 3);
                shift[i] += f;
                shift[a] -= f * (1 - t);
                shift[b] -= f * t;
            }
        }
        // Labels sit at the middles of lines: middles that crowd push their lines
        // apart, which also fans out the lines of a busy entity.
        for (std::size_t e = 0; e < links.size(); ++e) {
            const auto [a, b] = links[e];
            const QPointF me = (pos[a] + pos[b]) / 2;
            for (std::size_t g = e + 1; g < links.size(); ++g) {
                const auto [c, d] = links[g];
                QPointF apart = me - (pos[c] + pos[d]) / 2;
                const qreal dist = std::hypot(apart.x(), apart.y());
                if (dist >= kLabelSpacing) continue;
                apart = dist < 1e-3 ? QPointF(std::cos(static_cast<qreal>(e + g)),
                                              std::sin(static_cast<qreal>(e + g)))
                                    : apart / dist;
                const QPointF f = apart * ((kLabelSpacing - dist) * 0.5);
                shift[a] += f;
                shift[b] += f;
                shift[c] -= f;
                shift[d] -= f;
            }
        }
        for (std::size_t i = 0; i < n; ++i) {
            shift[i] -= pos[i] * 0.08;  // gravity keeps unlinked groups near the rest
            const qreal len = std::hypot(shift[i].x(), shift[i].y());
            if (len > 1e-9) pos[i] += shift[i] / len * std::min(len, temperature);
        }
    }

    // Overlap removal: move each overlapping pair apart along its shorter overlap.
    for (int pass = 0; pass < 200; ++pass) {
        bool moved = false;
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = i + 1; j < n; ++j) {
                const QSizeF margin(kMinGap, kMinGap);
                const QRectF overlap =
                    boxAt(pos[i], sizes[i] + margin).intersected(boxAt(pos[j], sizes[j] + margin));
                if (overlap.isEmpty()) continue;
                moved = true;
                const bool sideways = overlap.width() < overlap.height();
                const QPointF push =
                    sideways ? QPointF((overlap.width() / 2 + 0.5) * (pos[i].x() < pos[j].x() ? -1 : 1), 0)
                             : QPointF(0, (overlap.height() / 2 + 0.5) * (pos[i].y() < pos[j].y() ? -1 : 1));
                pos[i] += push;
                pos[j] -= push;
            }
        }
        if (!moved) break;
    }
    return pos;
}

// Lays out each connected group on its own and packs the groups in rows, biggest
// first: a pair that relates to nothing else sits beside the main picture instead of
// being pushed off to a far corner, which would shrink everything to fit.
std::vector<QPointF> layoutGraph(const std::vector<QSizeF>& sizes, const std::vector<Link>& links,
                                 const std::vector<bool>& inner) {
    const std::size_t n = sizes.size();
    std::vector<std::size_t> parent(n);  // union-find over the links
    for (std::size_t i = 0; i < n; ++i) parent[i] = i;
    const auto root = [&](std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    for (const auto& [a, b] : links) parent[root(a)] = root(b);

    struct Group {
        std::vector<std::size_t> members;  // indexes into the whole graph, in node order
        std::vector<QPointF> pos;
        QRectF bounds;
    };
    std::vector<Group> groups;
    std::map<std::size_t, std::size_t> groupOfRoot;
    std::vector<std::size_t> local(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto [it, added] = groupOfRoot.try_emplace(root(i), groups.size());
        if (added) groups.emplace_back();
        local[i] = groups[it->second].members.size();
        groups[it->second].members.push_back(i);
    }
    std::vector<std::vector<Link>> groupLinks(groups.size());
    for (const auto& [a, b] : links) groupLinks[groupOfRoot[root(a)]].emplace_back(local[a], local[b]);
    qreal area = 0, widest = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        Group& group = groups[g];
        std::vector<QSizeF> groupSizes;
        std::vector<bool> groupInner;
        for (const std::size_t i : group.members) {
            groupSizes.push_back(sizes[i]);
            groupInner.push_back(inner[i]);
        }
        group.pos = layoutComponent(groupSizes, groupLinks[g], groupInner);
        for (std::size_t j = 0; j < group.members.size(); ++j)
            group.bounds = group.bounds.united(boxAt(group.pos[j], groupSizes[j]));
        area += group.bounds.width() * group.bounds.height();
        widest = std::max(widest, group.bounds.width());
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const Group& a, const Group& b) { return a.members.size() > b.members.size(); });

    // Rows a little wider than tall, as panels and screens are.
    constexpr qreal kGroupGap = 48;
    const qreal rowWidth = std::max(widest * 1.5, std::sqrt(area * 1.5));
    std::vector<QPointF> pos(n);
    qreal x = 0, y = 0, rowHeight = 0;
    for (const Group& g : groups) {
        if (x > 0 && x + g.bounds.width() > rowWidth) {
            x = 0;
            y += rowHeight + kGroupGap;
            rowHeight = 0;
        }
        const QPointF shift = QPointF(x, y) - g.bounds.topLeft();
        for (std::size_t j = 0; j < g.members.size(); ++j) pos[g.members[j]] = g.pos[j] + shift;
        x += g.bounds.width() + kGroupGap;
        rowHeight = std::max(rowHeight, g.bounds.height());
    }
    return pos;
}

// A point of the quadratic curve p0 -> p2 bent towards c.
QPointF curvePoint(const QPointF& p0, const QPointF& c, const QPointF& p2, qreal t) {
    const qreal s = 1 - t;
    return s * s * p0 + 2 * s * t * c + t * t * p2;
}

// Where the curve crosses a box's border: the parameter between inside and outside.
qreal crossing(const QPointF& p0, const QPointF& c, const QPointF& p2, const QRectF& box, bool fromStart) {
    qreal inside = fromStart ? 0 : 1, outside = 0.5;
    for (int i = 0; i < 24; ++i) {
        const qreal mid = (inside + outside) / 2;
        (box.contains(curvePoint(p0, c, p2, mid)) ? inside : outside) = mid;
    }
    return outside;
}

QString typeLabel(QString type) { return type.replace(u'_', u' '); }

}  // namespace

RelationGraphView::RelationGraphView(QWidget* parent) : QGraphicsView(parent) {
    setScene(new QGraphicsScene(this));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setAlignment(Qt::AlignCenter);
    setMouseTracking(true);
    setMinimumSize(160, 120);
}

void RelationGraphView::setModel(RelationsModel* model) {
    if (model_) disconnect(model_, nullptr, this, nullptr);
    model_ = model;
    if (model_) connect(model_, &QAbstractItemModel::modelReset, this, &RelationGraphView::rebuild);
    rebuild();
}

QStringList RelationGraphView::entityIds() const {
    QStringList ids;
    for (const Node& node : nodes_) ids << node.id;
    return ids;
}

const RelationGraphView::Node* RelationGraphView::findNode(const QString& id) const {
    const auto it =
        std::find_if(nodes_.begin(), nodes_.end(), [&](const Node& node) { return node.id == id; });
    return it == nodes_.end() ? nullptr : &*it;
}

QGraphicsItem* RelationGraphView::nodeItem(const QString& entityId) const {
    const Node* node = findNode(entityId);
    return node ? node->box : nullptr;
}

// Edges are made in row order, one per row.
QGraphicsItem* RelationGraphView::edgeItem(int row) const {
    return row >= 0 && row < edgeCount() ? edges_[static_cast<std::size_t>(row)].line : nullptr;
}

QGraphicsItem* RelationGraphView::edgeLabelItem(int row) const {
    return row >= 0 && row < edgeCount() ? edges_[static_cast<std::size_t>(row)].labelBox : nullptr;
}

void RelationGraphView::rebuild() {
    scene()->clear();
    nodes_.clear();
    edges_.clear();
    if (!model_) return;

    // Nodes in order of first appearance, so the layout depends only on the relations.
    std::map<QString, std::size_t> index;
    auto nodeFor = [&](const QString& id) {
        const auto [it, added] = index.try_emplace(id, nodes_.size());
        const core::Entity* entity = model_->entity(id);
        if (added) nodes_.push_back({.id = id, .type = entity ? entity->type : core::EntityType::Other});
        return it->second;
    };
    for (int row = 0; row < model_->rowCount(); ++row) {
        const QModelIndex at = model_->index(row, 0);
        const QString type = at.data(RelationsModel::TypeRole).toString();
        edges_.push_back({.row = row,
                          .from = nodeFor(at.data(RelationsModel::SourceIdRole).toString()),
                          .to = nodeFor(at.data(RelationsModel::TargetIdRole).toString()),
                          .type = type,
                          .directed = !RelationsModel::isSymmetric(type.toStdString())});
    }

    QFont labelFont = font();
    labelFont.setPointSizeF(std::max(6.0, labelFont.pointSizeF() * 0.85));
    std::vector<QSizeF> sizes;
    std::vector<bool> inner;
    for (Node& node : nodes_) {
        const core::Entity* entity = model_->entity(node.id);
        const QString name = entity ? QString::fromStdString(entity->name) : node.id;
        node.text = new QGraphicsSimpleTextItem(name);
        node.text->setFont(font());
        const QRectF textRect = node.text->boundingRect();
        const QSizeF size(textRect.width() + 2 * kPadX, textRect.height() + 2 * kPadY);
        QPainterPath shape;
        shape.addRoundedRect(QRectF(-size.width() / 2, -size.height() / 2, size.width(), size.height()), 7,
                             7);
        node.box = scene()->addPath(shape);
        node.box->setZValue(2);
        node.text->setParentItem(node.box);
        node.text->setPos(-textRect.width() / 2, -textRect.height() / 2);
        node.box->setToolTip(model_->entityToolTip(node.id));
        sizes.push_back(size);
        inner.push_back(node.type == core::EntityType::Person);
    }
    for (Edge& edge : edges_) {
        edge.line = scene()->addPath(QPainterPath());
        edge.arrow = new QGraphicsPathItem(edge.line);
        edge.labelBox = scene()->addPath(QPainterPath());
        edge.label = new QGraphicsSimpleTextItem(typeLabel(edge.type), edge.labelBox);
        edge.label->setFont(labelFont);
        edge.labelBox->setZValue(1);
        const QModelIndex at = model_->index(edge.row, RelationsModel::EvidenceColumn);
        edge.labelBox->setToolTip(at.data(Qt::ToolTipRole).toString());
    }

    std::vector<Link> links;
    for (const Edge& edge : edges_) links.emplace_back(edge.from, edge.to);
    const std::vector<QPointF> positions = layoutGraph(sizes, links, inner);
    for (std::size_t i = 0; i < nodes_.size(); ++i) nodes_[i].box->setPos(positions[i]);

    routeEdges();
    placeLabels();
    // A selection survives a new analysis only if its node or relation still exists.
    if (!findNode(selectedEntity_)) selectedEntity_.clear();
    if (selectedRow_ >= edgeCount()) selectedRow_ = -1;
    restyle();
    scene()->setSceneRect(
        scene()->itemsBoundingRect().adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin));
    fitScene();
}

void RelationGraphView::routeEdges() {
    // Relations between the same two entities bend apart, so each stays clickable.
    std::map<Link, int> pairCount, pairSeen;
    for (const Edge& edge : edges_) ++pairCount[std::minmax(edge.from, edge.to)];
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    for (Edge& edge : edges_) {
        const auto key = std::minmax(edge.from, edge.to);
        const int count = pairCount[key];
        const int nth = pairSeen[key]++;
        const QPointF pa = nodes_[key.first].box->pos(), pb = nodes_[key.second].box->pos();
        const QPointF d = pb - pa;
        const qreal len = std::max<qreal>(std::hypot(d.x(), d.y()), 1);
        const QPointF normal(-d.y() / len, d.x() / len);
        const qreal bend = (nth - (count - 1) / 2.0) * 44;  // the curve's middle moves half of this
        const QPointF control = (pa + pb) / 2 + normal * bend;

        const bool forward = edge.from == key.first;
        const QPointF p0 = forward ? pa : pb, p2 = forward ? pb : pa;
        const QRectF fromBox = nodes_[edge.from].box->sceneBoundingRect();
        const QRectF toBox = nodes_[edge.to].box->sceneBoundingRect();
        const qreal t0 = crossing(p0, control, p2, fromBox.adjusted(-2, -2, 2, 2), true);
        const qreal t1 = crossing(p0, control, p2, toBox.adjusted(-2, -2, 2, 2), false);
        QPainterPath path(curvePoint(p0, control, p2, t0));
        constexpr int kSteps = 24;
        for (int i = 1; i <= kSteps; ++i)
            path.lineTo(curvePoint(p0, control, p2, t0 + (t1 - t0) * i / kSteps));
        edge.line->setPath(path);
        edge.hitArea = stroker.createStroke(path);

        QPainterPath arrow;
        if (edge.directed) {
            const QPointF tip = curvePoint(p0, control, p2, t1);
            const QPointF back = curvePoint(p0, control, p2, std::max(t0, t1 - 0.02));
            const QPointF dir =
                (tip - back) / std::max<qreal>(std::hypot(tip.x() - back.x(), tip.y() - back.y()), 1e-6);
            const QPointF side(-dir.y(), dir.x());
            const QPointF base = tip - dir * 10;
            arrow.moveTo(tip);
            arrow.lineTo(base + side * 4.5);
            arrow.lineTo(base - side * 4.5);
            arrow.closeSubpath();
        }
        edge.arrow->setPath(arrow);
    }
}

void RelationGraphView::placeLabels() {
    // The label goes at the middle of its line unless a box or an earlier label is
    // there; then it slides along the line to the first free place.
    std::vector<QRectF> taken;
    for (const Node& node : nodes_) taken.push_back(node.box->sceneBoundingRect().adjusted(-3, -3, 3, 3));
    for (Edge& edge : edges_) {
        const QRectF textRect = edge.label->boundingRect();
        const QSizeF size(textRect.width() + 6, textRect.height() + 2);
        const QPainterPath& path = edge.line->path();
        QPointF best = path.pointAtPercent(0.5);
        qreal bestScore = -1;
        for (const qreal at : {0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82}) {
            const QPointF centre = path.pointAtPercent(at);
            const QRectF rect = boxAt(centre, size);
            qreal score = 0;
            for (const QRectF& other : taken) {
                const QRectF overlap = rect.intersected(other);
                if (!overlap.isEmpty()) score += overlap.width() * overlap.height();
            }
            if (bestScore < 0 || score < bestScore) {
                best = centre;
                bestScore = score;
            }
            if (score == 0) break;
        }
        QPainterPath background;
        background.addRoundedRect(QRectF(QPointF(-size.width() / 2, -size.height() / 2), size), 4, 4);
        edge.labelBox->setPath(background);
        edge.labelBox->setPos(best);
        edge.label->setPos(-textRect.width() / 2, -textRect.height() / 2);
        taken.push_back(boxAt(best, size));
    }
}

void RelationGraphView::restyle() {
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor highlight = pal.color(QPalette::Highlight);
    const bool dark = base.lightness() < 128;
    const bool anySelection = !selectedEntity_.isEmpty() || selectedRow_ >= 0;

    std::vector<bool> nodeLit(nodes_.size(), !anySelection);
    std::vector<bool> nodeSelected(nodes_.size(), false);
    for (std::size_t i = 0; i < nodes_.size(); ++i)
        if (nodes_[i].id == selectedEntity_) nodeLit[i] = nodeSelected[i] = true;

    for (Edge& edge : edges_) {
        const bool selected = edge.row == selectedRow_ || nodeSelected[edge.from] || nodeSelected[edge.to];
        if (selected) nodeLit[edge.from] = nodeLit[edge.to] = true;
        const QColor colour = selected ? highlight : mix(text, base, 0.55);
        QPen pen(colour, selected ? 2.4 : 1.3);
        pen.setCapStyle(Qt::RoundCap);
        edge.line->setPen(pen);
        edge.arrow->setPen(Qt::NoPen);
        edge.arrow->setBrush(colour);
        const QColor labelBackground(base.red(), base.green(), base.blue(), 225);
        edge.labelBox->setPen(selected ? QPen(highlight, 1) : QPen(Qt::NoPen));
        edge.labelBox->setBrush(labelBackground);
        edge.label->setBrush(selected ? text : mix(text, base, 0.8));
        // The arrow is the line's child and fades with it.
        const qreal opacity = !anySelection || selected ? 1.0 : kDimmed;
        edge.line->setOpacity(opacity);
        edge.labelBox->setOpacity(opacity);
    }
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        Node& node = nodes_[i];
        const QColor colour = typeColor(node.type);
        // A pale tint under dark text in light palettes, a deep one under light text
        // in dark palettes: the name stays readable either way.
        const QColor fill = dark ? mix(colour, base, 0.35) : mix(colour, QColor(Qt::white), 0.16);
        const QColor border = dark ? colour.lighter(130) : colour.darker(115);
        node.box->setBrush(fill);
        node.box->setPen(nodeSelected[i] ? QPen(highlight, 3) : QPen(border, 1.4));
        node.text->setBrush(dark ? QColor(0xf1, 0xf3, 0xf4) : QColor(0x20, 0x21, 0x24));
        node.box->setOpacity(nodeLit[i] ? 1.0 : kDimmed);
    }
}

void RelationGraphView::fitScene() {
    if (nodes_.empty()) return;
    const QRectF rect = sceneRect();
    fitInView(rect, Qt::KeepAspectRatio);
    // Small graphs are not blown up, and large ones not shrunk past reading: then
    // the view scrolls instead.
    const qreal scale = transform().m11();
    const qreal wanted = std::clamp(scale, 0.55, 1.0);
    if (!qFuzzyCompare(scale, wanted)) {
        resetTransform();
        QGraphicsView::scale(wanted, wanted);
        centerOn(rect.center());
    }
}

void RelationGraphView::selectEntity(const QString& entityId) {
    selectedEntity_ = findNode(entityId) ? entityId : QString();
    selectedRow_ = -1;
    restyle();
    if (const Node* node = findNode(selectedEntity_)) ensureVisible(node->box, 20, 20);
}

void RelationGraphView::selectRelation(int row) {
    selectedEntity_.clear();
    selectedRow_ = edgeItem(row) ? row : -1;
    restyle();
    if (QGraphicsItem* label = edgeLabelItem(selectedRow_)) ensureVisible(label, 20, 20);
}

void RelationGraphView::clearSelection() {
    selectedEntity_.clear();
    selectedRow_ = -1;
    restyle();
}

int RelationGraphView::nodeAt(const QPointF& scenePos) const {
    for (std::size_t i = 0; i < nodes_.size(); ++i)
        if (nodes_[i].box->sceneBoundingRect().contains(scenePos)) return static_cast<int>(i);
    return -1;
}

int RelationGraphView::edgeAt(const QPointF& scenePos) const {
    // Labels first: they are the bigger target and say which relation they are.
    for (std::size_t i = 0; i < edges_.size(); ++i)
        if (edges_[i].labelBox->sceneBoundingRect().contains(scenePos)) return static_cast<int>(i);
    for (std::size_t i = 0; i < edges_.size(); ++i)
        if (edges_[i].hitArea.contains(scenePos)) return static_cast<int>(i);
    return -1;
}

void RelationGraphView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QGraphicsView::mousePressEvent(event);
    const QPointF at = mapToScene(event->position().toPoint());
    if (const int node = nodeAt(at); node >= 0) {
        const QString id = nodes_[static_cast<std::size_t>(node)].id;
        selectEntity(id);
        Q_EMIT entityActivated(id);
    } else if (const int edge = edgeAt(at); edge >= 0) {
        const int row = edges_[static_cast<std::size_t>(edge)].row;
        selectRelation(row);
        Q_EMIT relationActivated(row);
    } else {
        clearSelection();
    }
    event->accept();
}

void RelationGraphView::mouseMoveEvent(QMouseEvent* event) {
    const QPointF at = mapToScene(event->position().toPoint());
    const bool over = nodeAt(at) >= 0 || edgeAt(at) >= 0;
    viewport()->setCursor(over ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QGraphicsView::mouseMoveEvent(event);
}

void RelationGraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fitScene();
}

void RelationGraphView::changeEvent(QEvent* event) {
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
    else if (event->type() == QEvent::FontChange)
        rebuild();
}

}  // namespace dossier::ui
