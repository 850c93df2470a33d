#include "ui/panels/RelationsPanel.h"

#include "ui/ArticleDocument.h"
#include "ui/panels/RelationGraphView.h"
#include "ui/panels/RelationsModel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedLayout>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace dossier::ui {
namespace {
constexpr int kMaxNameColumnWidth = 220;  // long names elide; the evidence keeps the room
}

RelationsPanel::RelationsPanel(ArticleDocument* document, QWidget* parent)
    : QWidget(parent),
      model_(new RelationsModel(document, this)),
      proxy_(new QSortFilterProxyModel(this)),
      graph_(new RelationGraphView),
      table_(new QTableView),
      splitter_(new QSplitter(Qt::Vertical)),
      emptyLabel_(new QLabel),
      stack_(new QStackedLayout(this)) {
    setObjectName(u"relationsPanel"_s);
    graph_->setObjectName(u"relationsGraph"_s);
    table_->setObjectName(u"relationsTable"_s);
    splitter_->setObjectName(u"relationsSplitter"_s);
    emptyLabel_->setObjectName(u"relationsEmpty"_s);

    proxy_->setSourceModel(model_);
    proxy_->setSortRole(RelationsModel::SortRole);
    proxy_->setSortCaseSensitivity(Qt::CaseInsensitive);

    table_->setModel(proxy_);
    // Text order (the analysis's) until the reader clicks a header.
    table_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    table_->setSortingEnabled(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setWordWrap(false);
    table_->setTextElideMode(Qt::ElideRight);
    table_->setShowGrid(false);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);  // Evidence, the last column
    table_->horizontalHeader()->setHighlightSections(false);

    graph_->setModel(model_);

    splitter_->addWidget(graph_);
    splitter_->addWidget(table_);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);
    splitter_->setChildrenCollapsible(false);

    emptyLabel_->setAlignment(Qt::AlignCenter);
    emptyLabel_->setWordWrap(true);
    emptyLabel_->setForegroundRole(QPalette::PlaceholderText);
    emptyLabel_->setMargin(16);

    stack_->setContentsMargins(0, 0, 0, 0);
    stack_->addWidget(emptyLabel_);
    stack_->addWidget(splitter_);

    connect(model_, &QAbstractItemModel::modelReset, this, &RelationsPanel::modelReset);
    connect(table_, &QAbstractItemView::clicked, this, &RelationsPanel::cellClicked);
    connect(table_, &QAbstractItemView::activated, this, &RelationsPanel::rowActivated);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RelationsPanel::currentRowChanged);
    connect(graph_, &RelationGraphView::entityActivated, this, &RelationsPanel::graphEntityActivated);
    connect(graph_, &RelationGraphView::relationActivated, this, &RelationsPanel::graphRelationActivated);
    modelReset();
}

bool RelationsPanel::isEmpty() const { return stack_->currentWidget() == emptyLabel_; }

void RelationsPanel::modelReset() {
    const bool empty = model_->rowCount() == 0;
    emptyLabel_->setText(model_->document()->isOpen() ? tr("No relations found in this article")
                                                      : tr("No article open"));
    stack_->setCurrentWidget(empty ? static_cast<QWidget*>(emptyLabel_) : splitter_);
    if (empty) return;
    table_->resizeColumnsToContents();
    for (int column = 0; column < RelationsModel::EvidenceColumn; ++column)
        table_->setColumnWidth(column, std::min(table_->columnWidth(column), kMaxNameColumnWidth));
}

void RelationsPanel::cellClicked(const QModelIndex& index) {
    const int column = index.column();
    if (column == RelationsModel::SourceColumn)
        Q_EMIT entityActivated(index.data(RelationsModel::SourceIdRole).toString());
    else if (column == RelationsModel::TargetColumn)
        Q_EMIT entityActivated(index.data(RelationsModel::TargetIdRole).toString());
}

void RelationsPanel::rowActivated(const QModelIndex& index) {
    if (!index.isValid()) return;
    Q_EMIT evidenceActivated(index.data(RelationsModel::EvidenceStartRole).toLongLong(),
                             index.data(RelationsModel::EvidenceEndRole).toLongLong());
}

void RelationsPanel::currentRowChanged(const QModelIndex& current) {
    if (syncing_) return;
    const QModelIndex source = proxy_->mapToSource(current);
    if (source.isValid())
        graph_->selectRelation(source.row());
    else
        graph_->clearSelection();
}

void RelationsPanel::graphEntityActivated(const QString& entityId) {
    if (const int row = firstRowWith(entityId); row >= 0) selectTableRow(row);
    Q_EMIT entityActivated(entityId);
}

void RelationsPanel::graphRelationActivated(int row) {
    selectTableRow(row);
    rowActivated(model_->index(row, 0));
}

void RelationsPanel::selectEntity(const QString& entityId) {
    graph_->selectEntity(entityId);
    const QModelIndex current = proxy_->mapToSource(table_->currentIndex());
    if (current.isValid() && rowInvolves(current.row(), entityId)) return;
    if (const int row = firstRowWith(entityId); row >= 0) {
        selectTableRow(row);
    } else {
        // A stale row about someone else would mislead; show no row instead.
        QScopedValueRollback guard(syncing_, true);
        table_->selectionModel()->clear();
    }
}

void RelationsPanel::selectTableRow(int modelRow) {
    const QModelIndex index = proxy_->mapFromSource(model_->index(modelRow, 0));
    if (!index.isValid()) return;
    QScopedValueRollback guard(syncing_, true);
    table_->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->scrollTo(index);
}

int RelationsPanel::firstRowWith(const QString& entityId) const {
    for (int row = 0; row < proxy_->rowCount(); ++row) {
        const int modelRow = proxy_->mapToSource(proxy_->index(row, 0)).row();
        if (rowInvolves(modelRow, entityId)) return modelRow;
    }
    return -1;
}

bool RelationsPanel::rowInvolves(int modelRow, const QString& entityId) const {
    const QModelIndex index = model_->index(modelRow, 0);
    return index.data(RelationsModel::SourceIdRole).toString() == entityId ||
           index.data(RelationsModel::TargetIdRole).toString() == entityId;
}

}  // namespace dossier::ui
