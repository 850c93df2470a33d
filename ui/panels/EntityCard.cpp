#include "ui/panels/EntityCard.h"

#include <QUrl>

#include <algorithm>

#include "core/storage/AnalysisRepository.h"
#include "core/storage/EntityRepository.h"
#include "core/storage/Library.h"
#include "core/text/TextOffsets.h"
#include "ui/ArticleDocument.h"
#include "ui/EntityStyle.h"

namespace dossier::ui {

namespace {
constexpr qint64 kContext = 48;  // code points each side of a mention
constexpr int kOtherArticles = 10;
constexpr std::size_t kTimelineEvents = 12;

QString esc(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

QString spanLink(const core::Span& s) { return QStringLiteral("span:%1:%2").arg(s.start).arg(s.end); }
}  // namespace

EntityCard::EntityCard(ArticleDocument* document, QWidget* parent) : QTextBrowser(parent), document_(document) {
    setObjectName(QStringLiteral("entityCard"));
    setOpenLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        const QStringList parts = url.toString().split(u':');
        if (parts.size() == 3 && parts[0] == u"span") Q_EMIT spanActivated(parts[1].toLongLong(), parts[2].toLongLong());
        else if (parts.size() >= 2 && parts[0] == u"article") Q_EMIT articleActivated(parts[1].toLongLong());
        else if (parts.size() == 2 && parts[0] == u"split") Q_EMIT splitRequested(parts[1].toLongLong());
        else if (parts.size() == 2 && parts[0] == u"merge") Q_EMIT mergeRequested(entity_);
        else if (parts.size() >= 2 && parts[0] == u"entity") Q_EMIT entityActivated(url.toString().mid(7));
    });
    connect(document, &ArticleDocument::opened, this, [this] { showEntity({}); });
    connect(document, &ArticleDocument::analysisChanged, this, &EntityCard::render);
    showEntity({});
}

void EntityCard::showEntity(const QString& entityId) {
    entity_ = entityId;
    render();
}

void EntityCard::render() {
    const core::Entity* e = document_->isOpen() ? document_->entity(entity_.toStdString()) : nullptr;
    if (!e) {
        setHtml(tr("<p style='color:gray'>Click a name in the text or in a panel to see its context.</p>"));
        return;
    }
    const std::string& text = document_->article().text;
    const auto length = static_cast<qint64>(core::codePointCount(text));
    QString html = QStringLiteral("<h3 style='margin-bottom:2px'>%1</h3><p style='margin-top:0'><span style='color:%2'>■</span> %3")
                       .arg(esc(e->name), EntityStyle::colour(e->type).name(), EntityStyle::typeName(e->type));
    if (!e->role.empty()) html += QStringLiteral(" · ") + esc(e->role);
    if (!e->country.empty() && e->type != core::EntityType::Country) html += QStringLiteral(" · ") + esc(e->country);
    html += QStringLiteral("</p>");
    if (!e->standsFor.empty())
        html += tr("<p>Also stands for the government of %1.</p>").arg(esc(e->standsFor));
    // Identity across the library: the names merged into it, and merging it into another.
    QStringList aliases;
    for (const core::EntityRef& a : document_->aliasesOf(e->id))
        aliases << QStringLiteral("<b>%1</b>%2 <a href='split:%3'>%4</a>")
                       .arg(esc(a.name), a.type == e->type ? QString() : QStringLiteral(" (%1)").arg(EntityStyle::typeName(a.type)),
                            QString::number(a.id), tr("split off"));
    if (!aliases.isEmpty()) html += tr("<p>Also called %1.</p>").arg(aliases.join(QStringLiteral(", ")));
    html += QStringLiteral("<p style='margin-top:0'><a href='merge:'>%1</a></p>").arg(tr("Same as another entity? Merge… (whole library)"));

    html += tr("<h4>Mentions (%1)</h4>").arg(e->mentions.size());
    for (const core::Mention& m : e->mentions) {
        const qint64 from = std::max<qint64>(0, m.span.start - kContext), to = std::min(length, m.span.end + kContext);
        QString before = QString::fromStdString(core::sliceCodePoints(text, from, m.span.start)).simplified();
        QString after = QString::fromStdString(core::sliceCodePoints(text, m.span.end, to)).simplified();
        html += QStringLiteral("<p style='margin:2px 0'><a href='%1' style='text-decoration:none;color:palette(text)'>…%2 <b>%3</b> %4…</a></p>")
                    .arg(spanLink(m.span), before.toHtmlEscaped(), esc(m.text), after.toHtmlEscaped());
    }

    QString relations;
    for (const core::Relation& r : document_->analysis().relations) {
        if (r.source != e->id && r.target != e->id) continue;
        const core::Entity* s = document_->entity(r.source);
        const core::Entity* t = document_->entity(r.target);
        if (!s || !t) continue;
        auto name = [&](const core::Entity* x) {
            return x == e ? QStringLiteral("<b>%1</b>").arg(esc(x->name))
                          : QStringLiteral("<a href='entity:%1'>%2</a>").arg(QString::fromStdString(x->id).toHtmlEscaped(), esc(x->name));
        };
        relations += QStringLiteral("<li>%1 <i>%2</i> %3%4 <a href='%5'>¶</a></li>")
                         .arg(name(s), esc(r.type), name(t), r.when.empty() ? QString() : QStringLiteral(" (%1)").arg(esc(r.when)),
                              spanLink(r.evidence));
    }
    if (!relations.isEmpty()) html += tr("<h4>Relations</h4>") + QStringLiteral("<ul style='margin-left:-20px'>") + relations + QStringLiteral("</ul>");

    QString events;
    for (const core::ChronologyEvent& ev : document_->analysis().chronology)
        if (std::find(ev.entities.begin(), ev.entities.end(), e->id) != ev.entities.end())
            events += QStringLiteral("<li><a href='%1'>%2</a> — %3</li>")
                          .arg(spanLink(ev.evidence), esc(ev.when), QString::fromStdString(ev.text).left(120).toHtmlEscaped());
    if (!events.isEmpty()) html += tr("<h4>Chronology</h4>") + QStringLiteral("<ul style='margin-left:-20px'>") + events + QStringLiteral("</ul>");

    // One profile query for both parts: it is bounded (newest articles, a window for
    // the rest), so the card stays instant for a country in tens of thousands of articles.
    const auto ref = document_->library().entities().find(e->name, e->type);
    const core::EntityProfile profile = ref ? document_->library().entities().profile(*ref, kOtherArticles + 1)
                                            : core::EntityProfile{};
    QString others;
    int shown = 0;
    for (const auto& a : profile.articles) {
        if (a.article.id == document_->articleId() || shown == kOtherArticles) continue;
        ++shown;
        others += QStringLiteral("<li><a href='article:%1'>%2</a> <span style='color:gray'>%3 · %4×</span></li>")
                      .arg(a.article.id)
                      .arg(esc(a.article.meta.title),
                           a.article.meta.published ? QString::fromStdString(a.article.meta.published->toIso()) : tr("undated"))
                      .arg(a.mentions);
    }
    const qint64 otherCount = std::max<qint64>(0, profile.articleCount - 1);
    html += otherCount > shown ? tr("<h4>Other articles (%1, newest %2)</h4>").arg(otherCount).arg(shown)
                               : tr("<h4>Other articles</h4>");
    html += others.isEmpty() ? tr("<p style='color:gray'>No other article in the library mentions it.</p>")
                             : QStringLiteral("<ul style='margin-left:-20px'>") + others + QStringLiteral("</ul>");

    // Across the library: whom it appears with, and one chronology from every article.
    if (profile.articles.size() > 1) {
        const bool windowed = profile.articleCount > profile.window;
        QStringList with;
        for (std::size_t i = 0; i < profile.cooccurring.size() && i < 8; ++i)
            with << QStringLiteral("%1 (%2)").arg(esc(profile.cooccurring[i].entity.name)).arg(profile.cooccurring[i].articles);
        html += tr("<h4>Across the library</h4><p>Appears most with %1%2.</p>")
                    .arg(with.join(QStringLiteral(", ")),
                         windowed ? tr(" in its %1 newest articles").arg(profile.window) : QString());
        // The latest events: a reader following a story wants where it stands now.
        QString timeline;
        const std::size_t from = profile.chronology.size() > kTimelineEvents ? profile.chronology.size() - kTimelineEvents : 0;
        for (std::size_t i = from; i < profile.chronology.size(); ++i) {
            const auto& ev = profile.chronology[i];
            timeline += QStringLiteral("<li>%1 — <a href='article:%2'>%3</a></li>")
                            .arg(esc(ev.when))
                            .arg(ev.article.id)
                            .arg(QString::fromStdString(ev.text).left(90).toHtmlEscaped());
        }
        if (!timeline.isEmpty())
            html += (from > 0 ? tr("<p>Its latest dated events (%1 of %2):</p>").arg(kTimelineEvents).arg(profile.chronology.size())
                              : tr("<p>Its chronology in every article:</p>")) +
                    QStringLiteral("<ul style='margin-left:-20px'>") + timeline + QStringLiteral("</ul>");
    }
    setHtml(html);
}

}  // namespace dossier::ui
