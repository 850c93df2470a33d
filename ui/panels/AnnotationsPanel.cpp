#include "ui/panels/AnnotationsPanel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/ArticleDocument.h"
#include "ui/panels/AnnotationDialog.h"
#include "ui/panels/AnnotationsModel.h"

namespace dossier::ui {

AnnotationsPanel::AnnotationsPanel(ArticleDocument* document, QWidget* parent)
    : QWidget(parent),
      document_(document),
      model_(new AnnotationsModel(document, this)),
      list_(new QListView),
      empty_(new QLabel(tr("Select a passage and press Ctrl+M to annotate it"))),
      edit_(new QPushButton(tr("&Edit…"))),
      delete_(new QPushButton(tr("&Delete"))) {
    list_->setObjectName(QStringLiteral("annotationList"));
    list_->setAccessibleName(tr("Annotations"));
    list_->setModel(model_);
    list_->setWordWrap(true);
    list_->setUniformItemSizes(false);
    list_->setResizeMode(QListView::Adjust);
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list_->setSpacing(2);
    list_->setIconSize(QSize(14, 14));
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    empty_->setObjectName(QStringLiteral("annotationsEmpty"));
    empty_->setWordWrap(true);
    empty_->setAlignment(Qt::AlignCenter);
    QPalette hint = empty_->palette();  // greyed: a hint, not content
    hint.setColor(QPalette::WindowText, hint.color(QPalette::PlaceholderText));
    empty_->setPalette(hint);
    empty_->setMargin(12);
    edit_->setObjectName(QStringLiteral("editAnnotation"));
    delete_->setObjectName(QStringLiteral("deleteAnnotation"));
    delete_->setToolTip(tr("Delete the annotation (Delete); Undo brings it back"));

    // Delete while the list has the focus; elsewhere the key belongs to others.
    auto* deleteAction = new QAction(tr("Delete annotation"), list_);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    list_->addAction(deleteAction);
    connect(deleteAction, &QAction::triggered, this, &AnnotationsPanel::deleteCurrent);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(edit_);
    buttons->addWidget(delete_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(list_, 1);
    layout->addWidget(empty_, 1);
    layout->addLayout(buttons);

    connect(edit_, &QPushButton::clicked, this, &AnnotationsPanel::editCurrent);
    connect(delete_, &QPushButton::clicked, this, &AnnotationsPanel::deleteCurrent);
    connect(list_, &QListView::clicked, this, &AnnotationsPanel::activate);
    connect(list_, &QListView::activated, this, &AnnotationsPanel::activate);
    connect(list_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &AnnotationsPanel::updateState);
    connect(model_, &QAbstractItemModel::modelAboutToBeReset, this, &AnnotationsPanel::rememberSelection);
    connect(model_, &QAbstractItemModel::modelReset, this, &AnnotationsPanel::restoreSelection);
    article_ = document_->articleId();
    updateState();
}

core::AnnotationId AnnotationsPanel::currentAnnotation() const {
    return list_->currentIndex().data(AnnotationsModel::IdRole).toLongLong();
}

QString AnnotationsPanel::emptyText() const { return empty_->text(); }

AnnotationDialog* AnnotationsPanel::editCurrent() {
    const core::Annotation* a = model_->annotationAt(list_->currentIndex().row());
    if (!a) return nullptr;
    AnnotationDialog::Result initial;
    initial.color = QString::fromStdString(a->color);
    initial.note = QString::fromStdString(a->note);
    for (const std::string& t : a->tags) initial.tags << QString::fromStdString(t);
    auto* dialog = new AnnotationDialog(QString::fromStdString(a->quote), initial, this);
    dialog->setWindowTitle(tr("Edit Annotation"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // By id, not pointer: the annotation may be undone away while the dialog is open,
    // and the document ignores an id it no longer has.
    const core::AnnotationId id = a->id;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        const AnnotationDialog::Result r = dialog->values();
        document_->editAnnotation(id, r.color, r.note, r.tags);
    });
    dialog->open();
    return dialog;
}

void AnnotationsPanel::deleteCurrent() {
    if (const core::AnnotationId id = currentAnnotation()) document_->removeAnnotation(id);
}

void AnnotationsPanel::selectAnnotation(qint64 id) {
    const QModelIndex index = model_->indexOf(id);
    list_->setCurrentIndex(index);
    if (index.isValid()) list_->scrollTo(index);
}

void AnnotationsPanel::activate(const QModelIndex& index) {
    if (!index.isValid()) return;
    Q_EMIT evidenceActivated(index.data(AnnotationsModel::StartRole).toLongLong(),
                             index.data(AnnotationsModel::EndRole).toLongLong());
}

void AnnotationsPanel::rememberSelection() {
    selectedId_ = currentAnnotation();
    selectedRow_ = list_->currentIndex().row();
}

void AnnotationsPanel::restoreSelection() {
    // After an edit the same annotation stays selected; after a deletion its
    // neighbour, so that Delete can be pressed again; a new article starts afresh.
    const bool sameArticle = document_->articleId() == article_;
    article_ = document_->articleId();
    QModelIndex index = model_->indexOf(selectedId_);
    if (!index.isValid() && sameArticle && selectedRow_ >= 0 && model_->rowCount() > 0)
        index = model_->index(std::min(selectedRow_, model_->rowCount() - 1));
    if (!sameArticle) index = {};
    list_->setCurrentIndex(index);
    updateState();
}

void AnnotationsPanel::updateState() {
    const bool any = model_->rowCount() > 0;
    list_->setVisible(any);
    empty_->setVisible(!any);
    const bool selected = list_->currentIndex().isValid();
    edit_->setEnabled(selected);
    delete_->setEnabled(selected);
}

}  // namespace dossier::ui
