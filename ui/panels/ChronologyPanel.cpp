#include "ui/panels/ChronologyPanel.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "core/model/Analysis.h"
#include "ui/ArticleDocument.h"
#include "ui/panels/ChronologyModel.h"
#include "ui/panels/TimelineView.h"

using namespace Qt::StringLiterals;

namespace dossier::ui {

ChronologyPanel::ChronologyPanel(ArticleDocument* document, QWidget* parent)
    : QWidget(parent),
      document_(document),
      model_(new ChronologyModel(document, ChronologyModel::Events::Dated, this)),
      backgroundModel_(new ChronologyModel(document, ChronologyModel::Events::Background, this)),
      publishedEdit_(new QDateEdit(this)),
      noDate_(new QCheckBox(tr("No date"), this)),
      stack_(new QStackedWidget(this)),
      timeline_(new TimelineView(this)),
      empty_(new QLabel(this)),
      backgroundToggle_(new QToolButton(this)),
      background_(new TimelineView(this)) {
    setObjectName(u"chronologyPanel"_s);

    auto* publishedLabel = new QLabel(tr("&Published:"), this);
    publishedLabel->setBuddy(publishedEdit_);
    publishedEdit_->setObjectName(u"publishedEdit"_s);
    publishedEdit_->setCalendarPopup(true);
    publishedEdit_->setDisplayFormat(u"d MMM yyyy"_s);
    // Each change re-analyses the article and is a step on the undo stack: commit a
    // typed date when it is complete (Return, focus out), not at every keystroke.
    publishedEdit_->setKeyboardTracking(false);
    publishedEdit_->setToolTip(tr("Relative dates such as “on Friday” are resolved against this date"));
    noDate_->setObjectName(u"noDateCheck"_s);
    noDate_->setToolTip(tr("The article has no known publication date; relative dates stay unplaced"));

    auto* top = new QHBoxLayout;
    top->addWidget(publishedLabel);
    top->addWidget(publishedEdit_, 1);
    top->addWidget(noDate_);

    timeline_->setObjectName(u"timeline"_s);
    timeline_->setModel(model_);
    empty_->setObjectName(u"chronologyEmpty"_s);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    empty_->setMargin(16);
    empty_->setForegroundRole(QPalette::PlaceholderText);
    stack_->addWidget(timeline_);
    stack_->addWidget(empty_);

    backgroundToggle_->setObjectName(u"backgroundToggle"_s);
    backgroundToggle_->setCheckable(true);
    backgroundToggle_->setChecked(true);
    backgroundToggle_->setAutoRaise(true);
    backgroundToggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    backgroundToggle_->setArrowType(Qt::DownArrow);
    backgroundToggle_->setToolTip(tr("Sentences that relate people, places or organisations without naming a date"));
    background_->setObjectName(u"backgroundList"_s);
    background_->setShowsAxis(false);
    background_->setModel(backgroundModel_);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(stack_, 3);  // the timeline is the point; the background is a footnote
    layout->addWidget(backgroundToggle_);
    layout->addWidget(background_, 1);

    connect(publishedEdit_, &QDateEdit::dateChanged, this, &ChronologyPanel::commitPublished);
    connect(noDate_, &QCheckBox::toggled, this, [this](bool checked) {
        publishedEdit_->setEnabled(!checked);
        commitPublished();
    });
    connect(backgroundToggle_, &QToolButton::toggled, this, &ChronologyPanel::setBackgroundShown);
    for (TimelineView* view : {timeline_, background_}) {
        connect(view, &TimelineView::evidenceActivated, this, &ChronologyPanel::evidenceActivated);
        connect(view, &TimelineView::entityActivated, this, &ChronologyPanel::entityActivated);
    }
    // The models rebuild on the same signals; connected after them, the panel sees the new rows.
    for (auto signal : {&ArticleDocument::opened, &ArticleDocument::analysisChanged})
        connect(document_, signal, this, [this] {
            showPublished();
            updateState();
        });
    showPublished();
    updateState();
}

void ChronologyPanel::showPublished() {
    const QSignalBlocker blockEdit(publishedEdit_);
    const QSignalBlocker blockCheck(noDate_);
    const bool open = document_->isOpen();
    const auto published = open ? document_->article().meta.published : std::nullopt;
    if (published) publishedEdit_->setDate(QDate(published->year(), static_cast<int>(published->month()),
                                                 static_cast<int>(published->day())));
    else if (!publishedEdit_->date().isValid() || publishedEdit_->date() == publishedEdit_->minimumDate())
        publishedEdit_->setDate(QDate::currentDate());  // a sensible start when the reader adds one
    noDate_->setChecked(open && !published);
    noDate_->setEnabled(open);
    publishedEdit_->setEnabled(open && published.has_value());
}

void ChronologyPanel::commitPublished() {
    if (!document_->isOpen()) return;
    if (noDate_->isChecked()) {
        document_->setPublished(std::nullopt);
        return;
    }
    const QDate d = publishedEdit_->date();
    if (d.isValid()) document_->setPublished(core::Date(d.year(), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day())));
}

void ChronologyPanel::updateState() {
    const bool open = document_->isOpen();
    if (model_->rowCount() > 0) {
        stack_->setCurrentWidget(timeline_);
    } else {
        QString text = tr("This article names no dates.");
        if (!open) {
            text = tr("No article open.");
        } else if (!document_->article().meta.published) {
            const auto& timex = document_->analysis().timex;
            // Without a publication date "on Friday" cannot be placed; say how to fix that.
            if (std::any_of(timex.begin(), timex.end(), [](const core::Timex& t) { return !t.relative.empty(); }))
                text = tr("No dates can be placed yet: give the publication date above and "
                          "expressions like “on Friday” will be resolved.");
        }
        empty_->setText(text);
        stack_->setCurrentWidget(empty_);
    }
    const int background = backgroundModel_->rowCount();
    backgroundToggle_->setText(tr("Undated background (%1)").arg(background));
    backgroundToggle_->setVisible(background > 0);
    background_->setVisible(background > 0 && backgroundToggle_->isChecked());
}

void ChronologyPanel::setBackgroundShown(bool shown) {
    backgroundToggle_->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    background_->setVisible(shown && backgroundModel_->rowCount() > 0);
}

void ChronologyPanel::selectEntity(const QString& id) {
    model_->setHighlightedEntity(id);
    backgroundModel_->setHighlightedEntity(id);
    if (id.isEmpty()) return;
    if (const QModelIndex first = model_->firstInvolving(id); first.isValid()) timeline_->scrollTo(first);
    if (const QModelIndex first = backgroundModel_->firstInvolving(id); first.isValid()) background_->scrollTo(first);
}

}  // namespace dossier::ui
