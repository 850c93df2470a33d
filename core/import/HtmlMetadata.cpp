#include "core/import/HtmlMetadata.h"

#include "core/import/HtmlTree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

namespace dossier::core {

namespace {

using namespace htmltree;

constexpr std::size_t kMaxTitle = 200;
constexpr std::size_t kMaxAuthor = 120;
constexpr int kMaxJsonDepth = 32;

// What one pass over the page finds; first occurrence wins everywhere.
struct Found {
    std::map<std::string, std::string> meta;  // lower-case property/name/itemprop -> content
    std::string title, canonical, h1, h1InArticle, timeInArticle, timePubdate;
    std::string relAuthor, itempropAuthor, byline;
    std::vector<std::string> jsonLd;
};

struct LdArticle {
    std::string headline, author, published, publisher, url;
};

void setOnce(std::string& field, std::string value) {
    if (field.empty()) field = std::move(value);
}

bool isInside(const GumboNode* node, const GumboNode* ancestor) {
    for (int depth = 0; node && depth <= kMaxWalkDepth; ++depth, node = node->parent)
        if (node == ancestor) return true;
    return false;
}

bool isAbsoluteHttp(std::string_view url) {
    return url.starts_with("http://") || url.starts_with("https://");
}

std::string trimmed(std::string_view s) { return collapseWhitespace(s); }

std::string shorten(std::string s, std::size_t max) {
    if (s.size() <= max) return s;
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + "…";
}

// "By Jane Doe | 4 March" -> "Jane Doe"; URLs (article:author often is one) are no names.
std::string cleanAuthor(std::string_view raw) {
    std::string a = trimmed(raw);
    if (isAbsoluteHttp(a)) return {};
    if (lower(a.substr(0, 3)) == "by ") a = a.substr(3);
    for (std::string_view sep : {" | ", " · ", " - ", ", updated", ", published"}) {
        const std::size_t p = lower(a).find(sep);
        if (p != std::string::npos) a = a.substr(0, p);
    }
    return a.size() > kMaxAuthor ? std::string{} : trimmed(a);
}

Found scan(const GumboNode* document, const GumboNode* article) {
    Found f;
    forEachElement(document, [&](const GumboNode* n) {
        if (n->type != GUMBO_NODE_ELEMENT) return true;
        const GumboTag tag = n->v.element.tag;
        const bool inArticle = article && isInside(n, article);
        if (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) return false;  // their <title>s are not the page's
        if (tag == GUMBO_TAG_TITLE) setOnce(f.title, textOf(n));
        if (tag == GUMBO_TAG_META) {
            const std::string content = trimmed(attr(n, "content"));
            for (const char* key : {"property", "name", "itemprop"}) {
                const std::string k = lower(trimmed(attr(n, key)));
                if (!k.empty() && !content.empty()) f.meta.emplace(k, content);
            }
        }
        if (tag == GUMBO_TAG_LINK) {
            const std::string rel = lower(attr(n, "rel"));
            if (rel.find("canonical") != std::string::npos) setOnce(f.canonical, trimmed(attr(n, "href")));
        }
        if (tag == GUMBO_TAG_SCRIPT) {
            if (lower(trimmed(attr(n, "type"))) == "application/ld+json") {
                std::string json;  // appendText leaves scripts out: read the text children directly
                for (unsigned i = 0; i < n->v.element.children.length; ++i) {
                    const auto* c = static_cast<const GumboNode*>(n->v.element.children.data[i]);
                    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE)
                        json += c->v.text.text;
                }
                f.jsonLd.push_back(std::move(json));
            }
            return false;
        }
        if (tag == GUMBO_TAG_H1) {
            setOnce(f.h1, textOf(n));
            if (inArticle) setOnce(f.h1InArticle, textOf(n));
        }
        if (tag == GUMBO_TAG_TIME) {
            const std::string dt = trimmed(attr(n, "datetime"));
            if (!dt.empty() && inArticle) setOnce(f.timeInArticle, dt);
            if (!dt.empty() && gumbo_get_attribute(&n->v.element.attributes, "pubdate"))
                setOnce(f.timePubdate, dt);
        }
        const std::string itemprop = lower(attr(n, "itemprop"));
        if (itemprop == "datepublished" && tag != GUMBO_TAG_META) {
            const std::string_view dt = attr(n, "datetime");
            setOnce(f.meta["itemprop:datepublished"], trimmed(dt.empty() ? attr(n, "content") : dt));
        }
        if (itemprop == "author" && tag != GUMBO_TAG_META) {
            // <span itemprop="author"><span itemprop="name">...</span></span> or plain text.
            std::string name;
            forEachElement(n, [&](const GumboNode* c) {
                if (name.empty() && lower(attr(c, "itemprop")) == "name") name = textOf(c);
                return name.empty();
            });
            setOnce(f.itempropAuthor, cleanAuthor(name.empty() ? textOf(n) : name));
        }
        if (lower(attr(n, "rel")).find("author") != std::string::npos)
            setOnce(f.relAuthor, cleanAuthor(textOf(n)));
        if (f.byline.empty()) {
            for (const std::string& w : classWords(n))
                if (w == "byline" || w == "author") {
                    setOnce(f.byline, cleanAuthor(textOf(n)));
                    break;
                }
        }
        return true;
    });
    return f;
}

// JSON-LD: objects from arrays and @graph, flattened.
void collectObjects(const QJsonValue& v, std::vector<QJsonObject>& out, int depth) {
    if (depth > kMaxJsonDepth) return;
    if (v.isArray()) {
        for (const QJsonValue& e : v.toArray()) collectObjects(e, out, depth + 1);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        out.push_back(o);
        if (o.contains(QStringLiteral("@graph")))
            collectObjects(o.value(QStringLiteral("@graph")), out, depth + 1);
    }
}

bool isArticleType(const QJsonValue& type) {
    if (type.isArray()) {
        for (const QJsonValue& t : type.toArray())
            if (isArticleType(t)) return true;
        return false;
    }
    const QString t = type.toString();
    return t.endsWith(QStringLiteral("Article")) || t.endsWith(QStringLiteral("Posting")) ||
           t == QStringLiteral("Report");
}

class LdReader {
public:
    explicit LdReader(std::vector<QJsonObject> objects) : objects_(std::move(objects)) {
        for (const QJsonObject& o : objects_) {
            const QString id = o.value(QStringLiteral("@id")).toString();
            if (!id.isEmpty() && o.size() > 1) byId_.emplace(id.toStdString(), o);
        }
    }

    std::optional<LdArticle> article() const {
        for (const QJsonObject& o : objects_) {
            if (!isArticleType(o.value(QStringLiteral("@type")))) continue;
            LdArticle a;
            a.headline = trimmed(o.value(QStringLiteral("headline")).toString().toStdString());
            a.author = names(o.value(QStringLiteral("author")), 0);
            a.published = trimmed(o.value(QStringLiteral("datePublished")).toString().toStdString());
            a.publisher = names(o.value(QStringLiteral("publisher")), 0);
            a.url = trimmed(o.value(QStringLiteral("url")).toString().toStdString());
            if (a.url.empty())
                a.url = trimmed(resolve(o.value(QStringLiteral("mainEntityOfPage")))
                                    .toObject()
                                    .value(QStringLiteral("@id"))
                                    .toString()
                                    .toStdString());
            if (a.url.empty())
                a.url = trimmed(o.value(QStringLiteral("mainEntityOfPage")).toString().toStdString());
            return a;
        }
        return std::nullopt;
    }

private:
    QJsonValue resolve(const QJsonValue& v) const {
        if (!v.isObject()) return v;
        const QJsonObject o = v.toObject();
        if (o.size() != 1 || !o.contains(QStringLiteral("@id"))) return v;
        const auto it = byId_.find(o.value(QStringLiteral("@id")).toString().toStdString());
        return it == byId_.end() ? v : QJsonValue(it->second);
    }

    // "Jane Doe", {"name": "Jane Doe"}, a reference to a Person, or a list of them.
    std::string names(const QJsonValue& raw, int depth) const {
        if (depth > 2) return {};
        const QJsonValue v = resolve(raw);
        if (v.isString()) return cleanAuthor(v.toString().toStdString());
        if (v.isObject()) return trimmed(v.toObject().value(QStringLiteral("name")).toString().toStdString());
        std::string out;
        if (v.isArray())
            for (const QJsonValue& e : v.toArray()) {
                const std::string n = names(e, depth + 1);
                if (n.empty() || out.find(n) != std::string::npos) continue;
                out += (out.empty() ? "" : ", ") + n;
            }
        return out;
    }

    std::vector<QJsonObject> objects_;
    std::map<std::string, QJsonObject> byId_;
};

std::optional<LdArticle> readJsonLd(const std::vector<std::string>& scripts) {
    std::vector<QJsonObject> objects;
    for (const std::string& s : scripts) {
        const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray::fromStdString(s));  // nesting is bounded by Qt
        if (doc.isObject())
            collectObjects(doc.object(), objects, 0);
        else if (doc.isArray())
            collectObjects(doc.array(), objects, 0);
    }
    return LdReader(std::move(objects)).article();
}

std::string metaValue(const Found& f, std::initializer_list<const char*> keys) {
    for (const char* k : keys) {
        const auto it = f.meta.find(k);
        if (it != f.meta.end() && !it->second.empty()) return it->second;
    }
    return {};
}

}  // namespace

std::string HtmlMetadata::shortTitle(std::string_view title) { return shorten(trimmed(title), kMaxTitle); }

std::string HtmlMetadata::hostOf(std::string_view url) {
    if (!isAbsoluteHttp(url)) return {};
    std::string host =
        QUrl(QString::fromUtf8(url.data(), static_cast<qsizetype>(url.size()))).host().toStdString();
    if (host.starts_with("www.")) host = host.substr(4);
    return host;
}

std::string HtmlMetadata::cleanTitle(std::string_view title, std::string_view site) {
    std::string t = trimmed(title);
    const std::string siteLower = lower(trimmed(site));
    auto words = [](std::string_view s) { return std::count(s.begin(), s.end(), ' ') + 1; };
    for (std::string_view sep : {" | ", " — ", " – ", " - ", " :: ", " · "}) {
        const std::size_t p = t.rfind(sep);
        if (p == std::string::npos || p == 0) continue;
        const std::string head = t.substr(0, p), tail = t.substr(p + sep.size());
        if (!siteLower.empty() && lower(tail) == siteLower) return head;
        if (!siteLower.empty() && lower(head) == siteLower) return tail;
        // Headlines use dashes ("Talks fail - again"), rarely bars: only a bar marks an unknown site.
        if (sep == " | " && words(tail) <= 4 && words(head) >= 3) return head;
    }
    return t;
}

ArticleMeta HtmlMetadata::extract(const GumboInternalNode* document, const GumboInternalNode* article) {
    const Found f = scan(document, article);
    const std::optional<LdArticle> ld = readJsonLd(f.jsonLd);
    ArticleMeta m;

    for (const std::string& u : {f.canonical, metaValue(f, {"og:url"}), ld ? ld->url : std::string{}})
        if (isAbsoluteHttp(u)) {
            m.url = u;
            break;
        }
    m.source = metaValue(f, {"og:site_name"});
    if (m.source.empty() && ld) m.source = ld->publisher;
    if (m.source.empty()) m.source = metaValue(f, {"application-name", "publisher"});
    if (m.source.empty()) m.source = hostOf(m.url);

    for (const std::string& t : {metaValue(f, {"og:title", "twitter:title"}),
                                 ld ? ld->headline : std::string{}, f.h1InArticle, f.title, f.h1}) {
        const std::string clean = cleanTitle(t, m.source);
        if (!clean.empty()) {
            m.title = shorten(clean, kMaxTitle);
            break;
        }
    }

    // "Headline — Site" in <title> names the site when nothing else does.
    if (m.source.empty() && !m.title.empty() && f.title.starts_with(m.title)) {
        std::string rest = trimmed(std::string_view(f.title).substr(m.title.size()));
        for (std::string_view sep : {"|", "—", "–", "-", "::", "·"})
            if (rest.starts_with(sep)) {
                m.source = trimmed(std::string_view(rest).substr(sep.size()));
                break;
            }
    }

    for (const std::string& a : {cleanAuthor(metaValue(f, {"author", "article:author", "dc.creator", "byl"})),
                                 ld ? ld->author : std::string{}, f.relAuthor, f.itempropAuthor, f.byline})
        if (!a.empty()) {
            m.author = a;
            break;
        }

    for (const std::string& d :
         {metaValue(f, {"article:published_time"}), ld ? ld->published : std::string{}, f.timeInArticle,
          metaValue(f, {"datepublished", "itemprop:datepublished"}),
          metaValue(f, {"date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued",
                        "dcterms.created", "parsely-pub-date", "sailthru.date"}),
          f.timePubdate}) {
        if (auto date = Date::parseIso(d)) {
            m.published = date;
            break;
        }
    }
    return m;
}

}  // namespace dossier::core
