#include "ui/ArticleRenderer.h"

#include <QStringList>

#include <algorithm>
#include <vector>

#include "core/text/Utf16Offsets.h"

namespace dossier::ui {

namespace {

const QString kParagraph = QStringLiteral("<p style=\"line-height:145%; margin-bottom:10px;\">");

struct Mark {
    core::Span span;
    QString style;
    QString title;
};

QString styleFor(core::EntityType type) {
    using T = core::EntityType;
    switch (type) {
        case T::Person: return QStringLiteral("background-color:rgba(66,133,244,0.18); font-weight:600;");
        case T::Country: return QStringLiteral("background-color:rgba(15,157,88,0.18); text-decoration:underline;");
        case T::Place: return QStringLiteral("background-color:rgba(0,172,193,0.18); text-decoration:underline;");
        case T::Organization: return QStringLiteral("background-color:rgba(171,71,188,0.18);");
        case T::Policy: return QStringLiteral("background-color:rgba(244,160,0,0.22); font-style:italic;");
        case T::Other: break;
    }
    return {};
}

}  // namespace

QString ArticleRenderer::toHtml(const core::Article& article, const core::Analysis& analysis) {
    const QString text = QString::fromStdString(article.text);
    const core::Utf16Offsets offsets(text);

    std::vector<Mark> marks;
    for (const auto& e : analysis.entities) {
        QString title = QString::fromStdString(e.name) + QStringLiteral(" — ") +
                        QString::fromStdString(std::string(core::toString(e.type)));
        if (!e.role.empty()) title += QStringLiteral(", ") + QString::fromStdString(e.role);
        for (const auto& m : e.mentions) marks.push_back({m.span, styleFor(e.type), title});
    }
    for (const auto& t : analysis.timex)
        marks.push_back({t.span, QStringLiteral("color:#8d5524; text-decoration:underline;"),
                         QStringLiteral("time: ") + QString::fromStdString(t.value.empty() ? t.relative : t.value)});
    std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.span.start < b.span.start; });

    QString body;
    qsizetype pos = 0;
    auto appendPlain = [&](qsizetype until) {
        QString chunk = text.mid(pos, until - pos).toHtmlEscaped();
        chunk.replace(QStringLiteral("\n\n"), QStringLiteral("\n"));
        chunk.replace(u'\n', QString(QStringLiteral("</p>") + kParagraph));
        body += chunk;
        pos = until;
    };
    for (const Mark& m : marks) {
        const qsizetype start = offsets.toUtf16(m.span.start), end = offsets.toUtf16(m.span.end);
        if (start < pos) continue;  // overlapping marks: the first one wins
        appendPlain(start);
        body += QStringLiteral("<span style=\"%1\" title=\"%2\">%3</span>")
                    .arg(m.style, m.title.toHtmlEscaped(), text.mid(start, end - start).toHtmlEscaped());
        pos = end;
    }
    appendPlain(text.size());

    QStringList meta;
    if (article.meta.published) meta << QString::fromStdString(article.meta.published->toIso());
    if (!article.meta.source.empty()) meta << QString::fromStdString(article.meta.source).toHtmlEscaped();
    if (!article.meta.author.empty()) meta << QString::fromStdString(article.meta.author).toHtmlEscaped();

    return QStringLiteral(
               "<html><body style=\"font-size:12pt;\"><div style=\"margin:12px 24px;\">"
               "<h2>%1</h2><p style=\"color:gray;\">%2</p>%3%4</p></div></body></html>")
        .arg(QString::fromStdString(article.meta.title).toHtmlEscaped(), meta.join(QStringLiteral(" · ")), kParagraph, body);
}

}  // namespace dossier::ui
