#include "ui/panels/MergeEntityDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

#include "core/storage/Library.h"
#include "ui/EntityStyle.h"

namespace dossier::ui {

namespace {
constexpr int kShown = 60;
}

MergeEntityDialog::MergeEntityDialog(core::Library& library, const core::EntityRef& from, QWidget* parent)
    : QDialog(parent),
      library_(library),
      from_(library.entities().canonical(from)),
      filter_(new QLineEdit),
      list_(new QListWidget),
      hint_(new QLabel) {
    setObjectName(QStringLiteral("mergeEntityDialog"));
    setWindowTitle(tr("Merge “%1” into…").arg(QString::fromStdString(from_.name)));
    auto* intro = new QLabel(tr("“%1” is the same as (in every article of the library):")
                                 .arg(QString::fromStdString(from_.name)));
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    filter_->setObjectName(QStringLiteral("mergeFilter"));
    filter_->setPlaceholderText(tr("Find an entity by name…"));
    filter_->setClearButtonEnabled(true);
    filter_->setAccessibleName(tr("Find the entity to merge into"));
    list_->setObjectName(QStringLiteral("mergeCandidates"));
    list_->setAccessibleName(tr("Entities to merge into"));
    list_->setUniformItemSizes(true);
    hint_->setWordWrap(true);
    hint_->setStyleSheet(QStringLiteral("color: gray"));
    hint_->setText(tr("Nothing is lost: Ctrl+Z, or “split off” on the Context card later, undoes it."));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(tr("Merge"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(filter_, &QLineEdit::textChanged, this, &MergeEntityDialog::refresh);
    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) { ok_->setEnabled(row >= 0); });
    connect(list_, &QListWidget::itemActivated, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(filter_);
    layout->addWidget(list_, 1);
    layout->addWidget(hint_);
    layout->addWidget(buttons);
    resize(440, 420);
    refresh();
}

std::optional<core::EntityRef> MergeEntityDialog::ask(QWidget* parent, core::Library& library, const core::EntityRef& from) {
    MergeEntityDialog dialog(library, from, parent);
    if (dialog.exec() != QDialog::Accepted) return std::nullopt;
    return dialog.chosen();
}

void MergeEntityDialog::setFilter(const QString& text) { filter_->setText(text); }

std::optional<core::EntityRef> MergeEntityDialog::chosen() const {
    const int row = list_->currentRow();
    if (row < 0 || row >= static_cast<int>(candidates_.size())) return std::nullopt;
    return candidates_[static_cast<std::size_t>(row)].entity;
}

void MergeEntityDialog::choose(int row) { list_->setCurrentRow(row); }

void MergeEntityDialog::refresh() {
    candidates_ = library_.entities().search(filter_->text().trimmed().toStdString(), kShown + 1);
    std::erase_if(candidates_, [this](const core::EntityMatch& m) { return m.entity.id == from_.id; });
    if (candidates_.size() > static_cast<std::size_t>(kShown)) candidates_.resize(kShown);
    // Usually a name of the same kind: those first, otherwise in the library's order.
    std::stable_partition(candidates_.begin(), candidates_.end(),
                          [this](const core::EntityMatch& m) { return m.entity.type == from_.type; });
    list_->clear();
    for (const core::EntityMatch& m : candidates_) {
        const QString articles = m.articles == 1 ? tr("1 article") : tr("%1 articles").arg(m.articles);
        auto* item = new QListWidgetItem(QStringLiteral("%1 — %2 · %3")
                                             .arg(QString::fromStdString(m.entity.name), EntityStyle::typeName(m.entity.type), articles));
        item->setIcon([&] {
            QPixmap swatch(12, 12);
            swatch.fill(EntityStyle::colour(m.entity.type));
            return QIcon(swatch);
        }());
        list_->addItem(item);
    }
    // Only once the reader has typed: a merge should not happen by pressing Enter on an open dialog.
    if (!candidates_.empty() && !filter_->text().trimmed().isEmpty()) list_->setCurrentRow(0);
    ok_->setEnabled(list_->currentRow() >= 0);
}

}  // namespace dossier::ui
