#include "ui/panels/AnnotationDialog.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPolygonF>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/panels/AnnotationsModel.h"

namespace dossier::ui {

namespace {

constexpr int kQuoteChars = 320;
constexpr int kSwatchPx = 18;

QPixmap swatchPixmap(const QColor& color, const QColor& border, bool chosen) {
    QPixmap pixmap(kSwatchPx, kSwatchPx);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(border, chosen ? 2.0 : 1.0));
    p.setBrush(color);
    const qreal inset = chosen ? 1.0 : 0.5;
    p.drawRoundedRect(QRectF(inset, inset, kSwatchPx - 2 * inset, kSwatchPx - 2 * inset), 4, 4);
    if (chosen) {
        // A tick, not only a sunken button: some styles barely show the checked state.
        // Dark on every swatch, as the swatches are all light.
        p.setPen(QPen(QColor(0x21, 0x21, 0x21), 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF{{4.5, 9.5}, {7.5, 12.5}, {13.5, 5.5}});
    }
    return pixmap;
}

QIcon swatchIcon(const QColor& color, const QColor& border) {
    QIcon icon;
    icon.addPixmap(swatchPixmap(color, border, false), QIcon::Normal, QIcon::Off);
    icon.addPixmap(swatchPixmap(color, border, true), QIcon::Normal, QIcon::On);
    return icon;
}

}  // namespace

const QList<AnnotationDialog::Swatch>& AnnotationDialog::swatches() {
    static const QList<Swatch> all{
        {QStringLiteral("#ffd54f"), tr("Yellow")}, {QStringLiteral("#aed581"), tr("Green")},
        {QStringLiteral("#81d4fa"), tr("Blue")},   {QStringLiteral("#f48fb1"), tr("Pink")},
        {QStringLiteral("#ce93d8"), tr("Purple")}, {QStringLiteral("#ffb74d"), tr("Orange")},
    };
    return all;
}

QString AnnotationDialog::defaultColor() { return QStringLiteral("#ffd54f"); }

QStringList AnnotationDialog::parseTags(const QString& text) {
    QStringList tags;
    for (const QString& part : text.split(u',')) {
        QString tag = part.trimmed();
        while (tag.startsWith(u'#')) tag.remove(0, 1);
        tag = tag.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag)) tags << tag;
    }
    return tags;
}

AnnotationDialog::AnnotationDialog(const QString& quote, const Result& initial, QWidget* parent)
    : QDialog(parent),
      colors_(new QButtonGroup(this)),
      swatchRow_(new QHBoxLayout),
      note_(new QPlainTextEdit),
      tags_(new QLineEdit) {
    setWindowTitle(tr("Annotation"));
    setObjectName(QStringLiteral("annotationDialog"));

    auto* quoteLabel = new QLabel(u'“' + AnnotationsModel::elided(quote, kQuoteChars) + u'”');
    quoteLabel->setObjectName(QStringLiteral("quote"));
    quoteLabel->setWordWrap(true);
    quoteLabel->setTextFormat(Qt::PlainText);
    QFont italic = quoteLabel->font();
    italic.setItalic(true);
    quoteLabel->setFont(italic);

    colors_->setExclusive(true);
    swatchRow_->setSpacing(4);
    for (const Swatch& s : swatches()) addSwatch(s.color, s.name);
    swatchRow_->addStretch(1);

    note_->setObjectName(QStringLiteral("note"));
    note_->setAccessibleName(tr("Note"));
    note_->setTabChangesFocus(true);
    note_->setPlaceholderText(tr("Why this passage matters"));
    tags_->setObjectName(QStringLiteral("tags"));
    tags_->setAccessibleName(tr("Tags"));
    tags_->setPlaceholderText(tr("comma-separated, e.g. sanctions, follow up"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->setObjectName(QStringLiteral("buttons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter in the note is a new line; Ctrl+Enter is OK from anywhere.
    auto* okShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(okShortcut, &QShortcut::activated, this, &QDialog::accept);

    auto* form = new QFormLayout;
    form->addRow(tr("Colour"), swatchRow_);
    form->addRow(tr("Note"), note_);
    form->addRow(tr("Tags"), tags_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(quoteLabel);
    layout->addLayout(form, 1);
    layout->addWidget(buttons);
    setMinimumWidth(440);

    setValues(initial);
    note_->setFocus();
}

int AnnotationDialog::addSwatch(const QString& color, const QString& name) {
    auto* button = new QToolButton;
    const int id = static_cast<int>(colorOfButton_.size());
    button->setObjectName(QStringLiteral("color_") + QString(color).remove(u'#'));
    button->setCheckable(true);
    button->setIcon(swatchIcon(QColor(color), palette().color(QPalette::WindowText)));
    button->setIconSize(QSize(kSwatchPx, kSwatchPx));
    button->setToolTip(name);
    button->setAccessibleName(name);
    colors_->addButton(button, id);
    colorOfButton_ << color;
    swatchRow_->insertWidget(id, button);
    return id;
}

std::optional<AnnotationDialog::Result> AnnotationDialog::ask(QWidget* parent, const QString& quote,
                                                              const Result& initial, const QString& title) {
    AnnotationDialog dialog(quote, initial, parent);
    if (!title.isEmpty()) dialog.setWindowTitle(title);
    if (dialog.exec() != QDialog::Accepted) return std::nullopt;
    return dialog.values();
}

AnnotationDialog::Result AnnotationDialog::values() const {
    return {color(), note_->toPlainText().trimmed(), parseTags(tags_->text())};
}

void AnnotationDialog::setValues(const Result& values) {
    setColor(values.color);
    note_->setPlainText(values.note);
    tags_->setText(values.tags.join(QStringLiteral(", ")));
}

QString AnnotationDialog::color() const {
    const int id = colors_->checkedId();
    return id >= 0 ? colorOfButton_[id] : defaultColor();
}

void AnnotationDialog::setColor(const QString& color) {
    const QString wanted = color.isEmpty() ? defaultColor() : color.toLower();
    int id = static_cast<int>(colorOfButton_.indexOf(wanted));
    if (id < 0) id = addSwatch(wanted, wanted);
    colors_->button(id)->setChecked(true);
}

}  // namespace dossier::ui
