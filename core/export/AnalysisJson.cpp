#include "core/export/AnalysisJson.h"

#include "core/export/JsonWriter.h"

namespace dossier::core {

namespace {

void span(JsonWriter& w, const Span& s) {
    w.key("start").value(static_cast<std::int64_t>(s.start));
    w.key("end").value(static_cast<std::int64_t>(s.end));
}

void events(JsonWriter& w, const char* name, const std::vector<ChronologyEvent>& list) {
    w.key(name).beginArray();
    for (const ChronologyEvent& ev : list) {
        w.beginObject();
        w.key("when").valueOrNull(ev.when);
        w.key("text").value(ev.text);
        w.key("expression").valueOrNull(ev.timexText);
        w.key("entities").beginArray();
        for (const std::string& id : ev.entities) w.value(id);
        w.endArray();
        w.key("evidence").beginObject();
        span(w, ev.evidence);
        w.endObject();
        w.endObject();
    }
    w.endArray();
}

}  // namespace

std::string analysisToJson(const ArticleMeta& meta, const Analysis& analysis) {
    JsonWriter w;
    w.beginObject();
    w.key("article").beginObject();
    w.key("title").value(meta.title);
    if (meta.published)
        w.key("published").value(meta.published->toIso());
    else
        w.key("published").null();
    if (!meta.source.empty()) w.key("source").value(meta.source);
    if (!meta.url.empty()) w.key("url").value(meta.url);
    if (!meta.author.empty()) w.key("author").value(meta.author);
    w.endObject();

    w.key("entities").beginArray();
    for (const Entity& e : analysis.entities) {
        w.beginObject();
        w.key("id").value(e.id);
        w.key("name").value(e.name);
        w.key("type").value(toString(e.type));
        w.key("role").valueOrNull(e.role);
        w.key("country").valueOrNull(e.country);
        if (!e.standsFor.empty()) w.key("stands_for").value(e.standsFor);
        w.key("mentions").beginArray();
        for (const Mention& m : e.mentions) {
            w.beginObject();
            span(w, m.span);
            w.key("text").value(m.text);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();

    w.key("timex").beginArray();
    for (const Timex& t : analysis.timex) {
        w.beginObject();
        span(w, t.span);
        w.key("text").value(t.text);
        w.key("type").value(toString(t.type));
        w.key("value").valueOrNull(t.value);
        if (!t.relative.empty()) w.key("relative").value(t.relative);
        w.endObject();
    }
    w.endArray();

    w.key("relations").beginArray();
    for (const Relation& r : analysis.relations) {
        w.beginObject();
        w.key("source").value(r.source);
        w.key("target").value(r.target);
        w.key("type").value(r.type);
        w.key("when").valueOrNull(r.when);
        w.key("evidence").beginObject();
        span(w, r.evidence);
        w.endObject();
        w.endObject();
    }
    w.endArray();

    events(w, "chronology", analysis.chronology);
    events(w, "background", analysis.background);

    w.key("sentences").beginArray();
    for (const Span& s : analysis.sentences) {
        w.beginObject();
        span(w, s);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.take();
}

}  // namespace dossier::core
