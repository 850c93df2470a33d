#include "ui/ArticleView.h"

#include <QContextMenuEvent>
#include <QDate>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolTip>

#include "ui/ArticleDocument.h"
#include "ui/EntityMenu.h"
#include "ui/EntityStyle.h"

namespace dossier::ui {

namespace {
constexpr int kColumnWidth = 760;  // about 80 characters: a comfortable line
}

ArticleView::ArticleView(ArticleDocument* document, QWidget* parent) : QTextBrowser(parent), document_(document) {
    setObjectName(QStringLiteral("articleView"));
    setAccessibleName(tr("Article"));
    setOpenLinks(false);
    setMouseTracking(true);
    QFont f = font();
    f.setPointSizeF(std::max(11.5, f.pointSizeF() * 1.15));
    setFont(f);
    connect(document, &ArticleDocument::opened, this, [this] {
        entity_.clear();
        rebuild();
    });
    connect(document, &ArticleDocument::analysisChanged, this, &ArticleView::rebuild);
    connect(document, &ArticleDocument::annotationsChanged, this, &ArticleView::refreshHighlights);
    if (document->isOpen()) rebuild();
}

int ArticleView::docPos(qint64 codePoint) const {
    return bodyStart_ + static_cast<int>(document_->offsets().toUtf16(codePoint));
}

void ArticleView::rebuild() {
    // Built off screen and swapped in whole: formatting a document that is on
    // screen lays it out again after every change, which made opening slow.
    auto* doc = new QTextDocument(this);
    doc->setUndoRedoEnabled(false);
    doc->setDefaultFont(font());
    // The first document belongs to the text control, which deletes it on replacement; ours we delete.
    QTextDocument* old = document()->parent() == this ? document() : nullptr;
    // Highlights hold cursors into the old document: drop them before it goes (a shown
    // entity whose analysis changed, e.g. by a merge, crashed here).
    setExtraSelections({});
    if (!document_->isOpen()) {
        setDocument(doc);
        delete old;
        return;
    }
    const core::Article& a = document_->article();
    QTextCursor c(doc);
    c.beginEditBlock();
    QTextBlockFormat block;
    block.setBottomMargin(6);
    QTextCharFormat title;
    title.setFontPointSize(font().pointSizeF() * 1.6);
    title.setFontWeight(QFont::Bold);
    c.setBlockFormat(block);
    c.insertText(QString::fromStdString(a.meta.title), title);

    QStringList meta;
    if (a.meta.published) meta << QLocale().toString(QDate(a.meta.published->year(), static_cast<int>(a.meta.published->month()), static_cast<int>(a.meta.published->day())), QLocale::LongFormat);
    else meta << tr("no publication date");
    if (!a.meta.source.empty()) meta << QString::fromStdString(a.meta.source);
    if (!a.meta.author.empty()) meta << QString::fromStdString(a.meta.author);
    QTextCharFormat metaFormat;
    metaFormat.setForeground(palette().color(QPalette::PlaceholderText));
    QTextBlockFormat metaBlock;
    metaBlock.setBottomMargin(14);
    c.insertBlock(metaBlock);
    c.insertText(meta.join(QStringLiteral(" · ")), metaFormat);

    QTextBlockFormat body;
    body.setLineHeight(145, QTextBlockFormat::ProportionalHeight);
    body.setBottomMargin(10);
    c.insertBlock(body, QTextCharFormat());
    bodyStart_ = c.position();
    c.insertText(document_->text());
    // A blank line between paragraphs stays in the text (positions must match the
    // article's offsets) but is drawn as a small gap, not a full empty line.
    QTextBlockFormat gap;
    gap.setLineHeight(30, QTextBlockFormat::ProportionalHeight);
    for (QTextBlock b = doc->findBlock(bodyStart_); b.isValid(); b = b.next()) {
        if (!b.text().isEmpty()) continue;
        QTextCursor g(b);
        g.setBlockFormat(gap);
        QTextCharFormat tiny;
        tiny.setFontPointSize(2);
        g.setBlockCharFormat(tiny);
    }

    // Mentions, then dates on top of them.
    for (const core::Entity& e : document_->analysis().entities) {
        const QTextCharFormat f = EntityStyle::mentionFormat(e, palette());
        for (const core::Mention& m : e.mentions) {
            c.setPosition(docPos(m.span.start));
            c.setPosition(docPos(m.span.end), QTextCursor::KeepAnchor);
            c.mergeCharFormat(f);
        }
    }
    for (const core::Timex& t : document_->analysis().timex) {
        c.setPosition(docPos(t.span.start));
        c.setPosition(docPos(t.span.end), QTextCursor::KeepAnchor);
        c.mergeCharFormat(EntityStyle::timexFormat(t, palette()));
    }
    c.endEditBlock();
    setDocument(doc);
    delete old;
    refreshHighlights();
}

void ArticleView::refreshHighlights() {
    QList<ExtraSelection> extra;
    if (document_->isOpen()) {
        for (const core::Annotation& a : document_->annotations()) {
            ExtraSelection s;
            s.cursor = QTextCursor(document());
            s.cursor.setPosition(docPos(a.span.start));
            s.cursor.setPosition(docPos(a.span.end), QTextCursor::KeepAnchor);
            QColor colour(QString::fromStdString(a.color));
            colour.setAlpha(150);
            s.format.setBackground(colour);
            extra << s;
        }
        if (const core::Entity* e = document_->entity(entity_.toStdString())) {
            for (const core::Mention& m : e->mentions) {
                ExtraSelection s;
                s.cursor = QTextCursor(document());
                s.cursor.setPosition(docPos(m.span.start));
                s.cursor.setPosition(docPos(m.span.end), QTextCursor::KeepAnchor);
                s.format = EntityStyle::selectedFormat(palette());
                extra << s;
            }
        }
    }
    setExtraSelections(extra);
}

void ArticleView::showEntity(const QString& entityId) {
    entity_ = entityId;
    refreshHighlights();
    const core::Entity* e = document_->entity(entityId.toStdString());
    if (!e || e->mentions.empty()) return;
    QTextCursor c(document());
    c.setPosition(docPos(e->mentions.front().span.start));
    setTextCursor(c);
    ensureCursorVisible();
}

void ArticleView::showSpan(qint64 start, qint64 end) {
    if (!document_->isOpen()) return;
    const auto length = static_cast<qint64>(core::codePointCount(document_->article().text));
    start = std::clamp<qint64>(start, 0, length);
    end = std::clamp<qint64>(end, start, length);
    QTextCursor c(document());
    c.setPosition(docPos(end));
    ensureCursorVisible();
    c.setPosition(docPos(start));
    c.setPosition(docPos(end), QTextCursor::KeepAnchor);
    setTextCursor(c);
    ensureCursorVisible();
}

core::Span ArticleView::selectedSpan() const {
    const QTextCursor c = textCursor();
    if (!c.hasSelection() || !document_->isOpen()) return {};
    const int s = std::max(c.selectionStart(), bodyStart_) - bodyStart_;
    const int e = std::max(c.selectionEnd(), bodyStart_) - bodyStart_;
    if (e <= s) return {};
    return {document_->offsets().toCodePoint(s), document_->offsets().toCodePoint(e)};
}

QStringList ArticleView::highlightedTexts() const {
    QStringList out;
    const auto extra = extraSelections();
    for (const ExtraSelection& s : extra)
        if (s.format.hasProperty(EntityStyle::kSelectedProperty)) out << s.cursor.selectedText();
    return out;
}

qint64 ArticleView::codePointAt(const QPoint& viewportPos) const {
    const int pos = cursorForPosition(viewportPos).position() - bodyStart_;
    if (pos < 0 || !document_->isOpen() || pos >= document_->text().size()) return -1;
    return document_->offsets().toCodePoint(pos);
}

void ArticleView::mouseReleaseEvent(QMouseEvent* event) {
    QTextBrowser::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || textCursor().hasSelection()) return;
    const qint64 cp = codePointAt(event->position().toPoint());
    if (cp < 0) return;
    if (const core::Entity* e = document_->entityAt(cp)) Q_EMIT entityActivated(QString::fromStdString(e->id));
}

bool ArticleView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QTextCursor c = cursorForPosition(help->pos());
        const QString tip = c.charFormat().toolTip();
        if (tip.isEmpty()) QToolTip::hideText();
        else QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QTextBrowser::viewportEvent(event);
}

void ArticleView::resizeEvent(QResizeEvent* event) {
    // Keep the text in a readable column, centred, however wide the window.
    const int side = std::max(12, (event->size().width() - kColumnWidth) / 2);
    setViewportMargins(side, 8, side, 8);
    QTextBrowser::resizeEvent(event);
}

void ArticleView::contextMenuEvent(QContextMenuEvent* event) {
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    menu->addSeparator();
    const core::Span sel = selectedSpan();
    QAction* annotate = menu->addAction(tr("Annotate selection…"), this, &ArticleView::annotateRequested);
    annotate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    annotate->setEnabled(sel.end > sel.start);
    QMenu* mark = menu->addMenu(tr("Mark selection as"));
    mark->setEnabled(sel.end > sel.start);
    for (auto type : {core::EntityType::Person, core::EntityType::Country, core::EntityType::Place,
                      core::EntityType::Organization, core::EntityType::Policy})
        mark->addAction(EntityStyle::typeName(type), this, [this, type] { Q_EMIT markRequested(type); });

    const qint64 cp = codePointAt(event->pos());
    if (const core::Entity* e = cp >= 0 ? document_->entityAt(cp) : nullptr) {
        const QString id = QString::fromStdString(e->id), name = QString::fromStdString(e->name);
        menu->addSeparator();
        menu->addAction(tr("Show “%1”").arg(name), this, [this, id] { Q_EMIT entityActivated(id); });
        menu->addAction(tr("Not an entity: remove this mention"), this, [this, cp] { Q_EMIT removeMentionRequested(cp); });
        QMenu* type = menu->addMenu(tr("Change type of “%1”").arg(name));
        for (auto t : {core::EntityType::Person, core::EntityType::Country, core::EntityType::Place,
                       core::EntityType::Organization, core::EntityType::Policy})
            if (t != e->type)
                type->addAction(EntityStyle::typeName(t), this, [this, id, t] { Q_EMIT changeTypeRequested(id, t); });
        QMenu* merge = menu->addMenu(tr("Merge “%1” in this article into").arg(name));
        for (const core::Entity& other : document_->analysis().entities)
            if (other.type == e->type && other.id != e->id)
                merge->addAction(QString::fromStdString(other.name), this,
                                 [this, id, into = QString::fromStdString(other.id)] { Q_EMIT mergeRequested(id, into); });
        merge->setEnabled(!merge->isEmpty());
        EntityMenu::addLibraryActions(
            menu.get(), document_, id, [this](const QString& entityId) { Q_EMIT mergeInLibraryRequested(entityId); },
            [this](qint64 alias) { Q_EMIT splitRequested(alias); });
    }
    menu->exec(event->globalPos());
}

}  // namespace dossier::ui
