#include "core/export/AnalysisJson.h"

#include <QJsonArray>

namespace dossier::core {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
QJsonValue orNull(const std::string& s) { return s.empty() ? QJsonValue() : QJsonValue(q(s)); }
QJsonObject span(const Span& s) {
    return {{QStringLiteral("start"), static_cast<qint64>(s.start)}, {QStringLiteral("end"), static_cast<qint64>(s.end)}};
}

QJsonObject eventJson(const ChronologyEvent& ev) {
    QJsonArray ids;
    for (const auto& id : ev.entities) ids.append(q(id));
    return {{QStringLiteral("when"), orNull(ev.when)},
            {QStringLiteral("text"), q(ev.text)},
            {QStringLiteral("expression"), orNull(ev.timexText)},
            {QStringLiteral("entities"), ids},
            {QStringLiteral("evidence"), span(ev.evidence)}};
}
}  // namespace

QJsonObject analysisToJson(const ArticleMeta& meta, const Analysis& analysis) {
    QJsonObject article{{QStringLiteral("title"), q(meta.title)},
                        {QStringLiteral("published"),
                         meta.published ? QJsonValue(q(meta.published->toIso())) : QJsonValue()}};
    if (!meta.source.empty()) article.insert(QStringLiteral("source"), q(meta.source));
    if (!meta.url.empty()) article.insert(QStringLiteral("url"), q(meta.url));
    if (!meta.author.empty()) article.insert(QStringLiteral("author"), q(meta.author));

    QJsonArray entities;
    for (const Entity& e : analysis.entities) {
        QJsonArray mentions;
        for (const Mention& m : e.mentions) {
            QJsonObject mj = span(m.span);
            mj.insert(QStringLiteral("text"), q(m.text));
            mentions.append(mj);
        }
        QJsonObject ej{{QStringLiteral("id"), q(e.id)},
                       {QStringLiteral("name"), q(e.name)},
                       {QStringLiteral("type"), q(std::string(toString(e.type)))},
                       {QStringLiteral("role"), orNull(e.role)},
                       {QStringLiteral("country"), orNull(e.country)},
                       {QStringLiteral("mentions"), mentions}};
        if (!e.standsFor.empty()) ej.insert(QStringLiteral("stands_for"), q(e.standsFor));
        entities.append(ej);
    }

    QJsonArray timex;
    for (const Timex& t : analysis.timex) {
        QJsonObject tj = span(t.span);
        tj.insert(QStringLiteral("text"), q(t.text));
        tj.insert(QStringLiteral("type"), q(std::string(toString(t.type))));
        tj.insert(QStringLiteral("value"), orNull(t.value));
        if (!t.relative.empty()) tj.insert(QStringLiteral("relative"), q(t.relative));
        timex.append(tj);
    }

    QJsonArray relations;
    for (const Relation& r : analysis.relations)
        relations.append(QJsonObject{{QStringLiteral("source"), q(r.source)},
                                     {QStringLiteral("target"), q(r.target)},
                                     {QStringLiteral("type"), q(r.type)},
                                     {QStringLiteral("when"), orNull(r.when)},
                                     {QStringLiteral("evidence"), span(r.evidence)}});

    QJsonArray chronology, background;
    for (const auto& ev : analysis.chronology) chronology.append(eventJson(ev));
    for (const auto& ev : analysis.background) background.append(eventJson(ev));

    QJsonArray sentences;
    for (const Span& s : analysis.sentences) sentences.append(span(s));

    return {{QStringLiteral("article"), article},       {QStringLiteral("entities"), entities},
            {QStringLiteral("timex"), timex},           {QStringLiteral("relations"), relations},
            {QStringLiteral("chronology"), chronology}, {QStringLiteral("background"), background},
            {QStringLiteral("sentences"), sentences}};
}

}  // namespace dossier::core
