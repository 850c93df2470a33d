#include "ui/panels/LibraryPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScopedValueRollback>
#include <QTimer>
#include <QVBoxLayout>

#include "core/storage/ArticleRepository.h"
#include "core/storage/Library.h"
#include "core/storage/StorageError.h"
#include "ui/ArticleListModel.h"
#include "ui/panels/LibraryItemDelegate.h"
#include "ui/panels/SearchResultsModel.h"

namespace dossier::ui {

namespace {

constexpr int kDebounceMs = 200;  // a pause in typing, not every keystroke, runs the query
constexpr int kMaxHits = 200;

core::Date toCore(const QDate& d) {
    return {d.year(), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day())};
}

QDate toQt(const core::Date& d) { return {d.year(), static_cast<int>(d.month()), static_cast<int>(d.day())}; }

QString sentence(const std::string& text) {
    QString s = QString::fromStdString(text);
    if (!s.isEmpty()) s[0] = s[0].toUpper();
    return s;
}

QDateEdit* makeDateEdit(const QString& name, const QString& accessible) {
    auto* edit = new QDateEdit;
    edit->setObjectName(name);
    edit->setAccessibleName(accessible);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setCalendarPopup(true);
    edit->setEnabled(false);
    return edit;
}

}  // namespace

LibraryPanel::LibraryPanel(core::Library& library, QWidget* parent)
    : QWidget(parent),
      library_(library),
      search_(new QLineEdit),
      entity_(new QLineEdit),
      dateEnabled_(new QCheckBox(tr("From"))),
      from_(makeDateEdit(QStringLiteral("dateFrom"), tr("Published from"))),
      to_(makeDateEdit(QStringLiteral("dateTo"), tr("Published until"))),
      message_(new QLabel),
      list_(new QListView),
      articles_(new ArticleListModel(this)),
      results_(new SearchResultsModel(this)),
      debounce_(new QTimer(this)),
      findAction_(new QAction(tr("Find in Library"), this)) {
    search_->setObjectName(QStringLiteral("searchField"));
    search_->setPlaceholderText(tr("Search articles (words, \"phrases\", prefix*)"));
    search_->setClearButtonEnabled(true);
    search_->setAccessibleName(tr("Search articles"));
    entity_->setObjectName(QStringLiteral("entityFilter"));
    entity_->setPlaceholderText(tr("Entity… (a name, e.g. Brazil)"));
    entity_->setClearButtonEnabled(true);
    entity_->setAccessibleName(tr("Only articles mentioning"));
    dateEnabled_->setObjectName(QStringLiteral("dateFilter"));
    dateEnabled_->setToolTip(tr("Only articles published in this range"));
    message_->setObjectName(QStringLiteral("searchMessage"));
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::PlainText);
    message_->hide();

    list_->setObjectName(QStringLiteral("articleList"));
    list_->setAccessibleName(tr("Articles"));
    list_->setItemDelegate(new LibraryItemDelegate(list_));
    list_->setUniformItemSizes(false);
    list_->setWordWrap(true);
    list_->setResizeMode(QListView::Adjust);  // rows re-wrap when the panel is resized
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);

    auto* dates = new QHBoxLayout;
    dates->addWidget(dateEnabled_);
    dates->addWidget(from_, 1);
    dates->addWidget(new QLabel(tr("to")));
    dates->addWidget(to_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 4, 6);
    layout->addWidget(search_);
    layout->addWidget(entity_);
    layout->addLayout(dates);
    layout->addWidget(message_);
    layout->addWidget(list_, 1);

    debounce_->setSingleShot(true);
    debounce_->setInterval(kDebounceMs);
    connect(debounce_, &QTimer::timeout, this, &LibraryPanel::runSearch);
    const auto later = [this] { debounce_->start(); };
    connect(search_, &QLineEdit::textChanged, this, later);
    connect(entity_, &QLineEdit::textChanged, this, later);
    connect(search_, &QLineEdit::returnPressed, this, &LibraryPanel::runSearch);
    connect(entity_, &QLineEdit::returnPressed, this, &LibraryPanel::runSearch);
    connect(from_, &QDateEdit::dateChanged, this, later);
    connect(to_, &QDateEdit::dateChanged, this, later);
    connect(dateEnabled_, &QCheckBox::toggled, this, [this](bool on) {
        from_->setEnabled(on);
        to_->setEnabled(on);
        runSearch();
    });
    connect(list_, &QListView::clicked, this, &LibraryPanel::activate);
    connect(list_, &QListView::activated, this, &LibraryPanel::activate);
    search_->installEventFilter(this);
    entity_->installEventFilter(this);

    findAction_->setShortcut(QKeySequence::Find);
    findAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction_, &QAction::triggered, this, &LibraryPanel::focusSearch);
    addAction(findAction_);

    setFocusProxy(search_);
    reload();
}

QString LibraryPanel::query() const { return search_->text(); }

QString LibraryPanel::searchMessage() const { return message_->text(); }

bool LibraryPanel::isShowingSearchResults() const { return list_->model() == results_; }

void LibraryPanel::reload() {
    updateDateRange();
    // Read as many rows as were listed, so the reader keeps the place scrolled to.
    refresh(isShowingSearchResults() ? 0 : articles_->rowCount());
}

void LibraryPanel::updateDateRange() {
    // Until the reader sets a range, it spans the library, so ticking the box
    // keeps every dated article and the reader narrows from there.
    if (dateEnabled_->isChecked()) return;
    const auto range = library_.articles().dateRange();
    const QSignalBlocker blockFrom(from_), blockTo(to_);
    from_->setDate(range ? toQt(range->oldest) : QDate::currentDate().addYears(-1));
    to_->setDate(range ? toQt(range->newest) : QDate::currentDate());
}

core::SearchFilter LibraryPanel::currentFilter() const {
    core::SearchFilter f;
    f.entity = entity_->text().trimmed().toStdString();
    if (dateEnabled_->isChecked()) {
        f.from = toCore(from_->date());
        f.to = toCore(to_->date());
    }
    return f;
}

void LibraryPanel::runSearch() { refresh(0); }

void LibraryPanel::refresh(int keepRows) {
    debounce_->stop();
    const QScopedValueRollback quiet(quiet_, true);
    const QString text = search_->text().trimmed();
    const core::SearchFilter filter = currentFilter();
    try {
        if (text.isEmpty()) {
            articles_->setSource(
                [&repo = library_.articles(), filter](const std::optional<core::ListPosition>& after, int limit) {
                    return repo.page(filter, limit, after);
                },
                keepRows);
            showModel(articles_);
        } else {
            results_->setHits(library_.articles().search(text.toStdString(), filter, kMaxHits,
                                                         SearchResultsModel::snippetMarks()));
            showModel(results_);
        }
    } catch (const core::StorageError& e) {
        // A malformed query is ordinary while typing (an unclosed "phrase): say what
        // is wrong and leave the list as it was until the query reads again.
        setMessage(sentence(e.what()), true);
        return;
    }
    setMessage(list_->model()->rowCount() > 0 ? QString() : emptyReason(filter, text), false);
    selectCurrent();
}

QString LibraryPanel::emptyReason(const core::SearchFilter& filter, const QString& query) {
    core::SearchFilter entityOnly;
    entityOnly.entity = filter.entity;
    if (!filter.entity.empty() && library_.articles().page(entityOnly, 1).empty())
        return tr("No article mentions “%1”. Names are matched as written, e.g. “Brazil”.")
            .arg(entity_->text().trimmed());
    if (!query.isEmpty()) return tr("No article matches “%1”.").arg(query);
    if (library_.articles().count() == 0) return tr("The library has no articles yet.");
    return tr("No article matches the filters.");
}

void LibraryPanel::showModel(QAbstractItemModel* model) {
    if (list_->model() == model) return;
    // setModel replaces the selection model and leaves the old one to us.
    QItemSelectionModel* old = list_->selectionModel();
    list_->setModel(model);
    delete old;
    connect(list_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &LibraryPanel::onCurrentChanged);
}

void LibraryPanel::setMessage(const QString& text, bool error) {
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
    if (error == messageIsError_) return;
    messageIsError_ = error;
    QPalette p = palette();
    if (error) {
        // A red that reads on light and dark window backgrounds alike.
        const bool dark = p.color(QPalette::Window).lightness() < 128;
        p.setColor(QPalette::WindowText, dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28));
    }
    message_->setPalette(p);
}

void LibraryPanel::selectCurrent() {
    const QScopedValueRollback quiet(quiet_, true);
    // Only among the rows read so far: finding an article further down would mean
    // reading the library down to it.
    int row = -1;
    if (list_->model() == articles_) {
        row = articles_->rowOf(current_);
    } else {
        for (int r = 0; r < results_->rowCount() && row < 0; ++r)
            if (results_->hitAt(r)->article.id == current_) row = r;
    }
    if (row < 0) {
        list_->selectionModel()->clear();
        return;
    }
    const QModelIndex index = list_->model()->index(row, 0);
    list_->setCurrentIndex(index);
    list_->scrollTo(index);
}

void LibraryPanel::setCurrentArticle(qint64 id) {
    current_ = id;
    selectCurrent();
}

void LibraryPanel::focusSearch() {
    search_->setFocus(Qt::ShortcutFocusReason);
    search_->selectAll();
}

void LibraryPanel::setQuery(const QString& query) {
    search_->setText(query);
    runSearch();
}

void LibraryPanel::onCurrentChanged(const QModelIndex& index) {
    if (!quiet_) activate(index);  // arrow keys in the list open as they go
}

void LibraryPanel::activate(const QModelIndex& index) {
    const qint64 id = index.data(ArticleListModel::IdRole).toLongLong();
    if (id == 0 || id == current_) return;
    current_ = id;
    Q_EMIT articleActivated(id);
}

bool LibraryPanel::eventFilter(QObject* watched, QEvent* event) {
    // Down from the search or entity field goes into the list, onto the open
    // article or else the first row, without opening anything until Enter.
    if ((watched == search_ || watched == entity_) && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Down && list_->model()->rowCount() > 0) {
        if (!list_->currentIndex().isValid()) {
            const QScopedValueRollback quiet(quiet_, true);
            list_->setCurrentIndex(list_->model()->index(0, 0));
        }
        list_->setFocus(Qt::TabFocusReason);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace dossier::ui
