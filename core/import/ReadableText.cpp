#include "core/import/ReadableText.h"

#include "core/import/HtmlTree.h"

#include <algorithm>
#include <array>

namespace dossier::core {

namespace {

using namespace htmltree;

template <std::size_t N>
bool among(std::string_view word, const std::array<std::string_view, N>& set) {
    return std::find(set.begin(), set.end(), word) != set.end();
}

// Never article text, whatever their class.
constexpr std::array<GumboTag, 21> kDroppedTags{
    GUMBO_TAG_SCRIPT,    GUMBO_TAG_STYLE,    GUMBO_TAG_NOSCRIPT, GUMBO_TAG_IFRAME, GUMBO_TAG_SVG,
    GUMBO_TAG_FORM,      GUMBO_TAG_NAV,      GUMBO_TAG_HEADER,   GUMBO_TAG_FOOTER, GUMBO_TAG_ASIDE,
    GUMBO_TAG_BUTTON,    GUMBO_TAG_TEMPLATE, GUMBO_TAG_OBJECT,   GUMBO_TAG_EMBED,  GUMBO_TAG_CANVAS,
    GUMBO_TAG_SELECT,    GUMBO_TAG_INPUT,    GUMBO_TAG_TEXTAREA, GUMBO_TAG_FIGURE, GUMBO_TAG_MATH,
    GUMBO_TAG_FIGCAPTION};
// Elements gumbo 0.10 does not know by tag (it reports them as unknown).
constexpr std::array<std::string_view, 6> kDroppedNames{"dialog",        "amp-ad",     "amp-embed",
                                                        "amp-analytics", "amp-iframe", "amp-sticky-ad"};

bool isDroppedTag(const GumboNode* node) {
    const GumboTag tag = node->v.element.tag;
    if (std::find(kDroppedTags.begin(), kDroppedTags.end(), tag) != kDroppedTags.end()) return true;
    if (tag != GUMBO_TAG_UNKNOWN) return false;
    GumboStringPiece name = node->v.element.original_tag;
    gumbo_tag_from_original_text(&name);  // "<amp-ad ...>" -> "amp-ad"
    return among(lower(std::string_view(name.data, name.length)), kDroppedNames);
}

// class/id/role words that mark clutter. "Strong" ones are never part of an article;
// "weak" ones also name layout wrappers ("page-with-sidebar") that may hold it.
constexpr std::array<std::string_view, 51> kStrongWords{
    "ad",          "ads",     "adslot",      "adunit",      "advert",      "advertisement",
    "advertising", "sponsor", "sponsored",   "promo",       "promotion",   "cookie",
    "cookies",     "consent", "gdpr",        "newsletter",  "subscribe",   "subscription",
    "signup",      "social",  "share",       "sharing",     "sharebar",    "comment",
    "comments",    "disqus",  "related",     "recommend",   "recommended", "recommendations",
    "outbrain",    "taboola", "breadcrumb",  "breadcrumbs", "tags",        "tag",
    "popup",       "modal",   "paywall",     "trending",    "popular",     "mostread",
    "byline",      "dialog",  "alertdialog", "navigation",  "contentinfo", "complementary",
    "search",      "kicker",  "eyebrow"};
constexpr std::array<std::string_view, 14> kWeakWords{"nav",    "navbar",   "menu",    "menubar", "header",
                                                      "footer", "masthead", "sidebar", "banner",  "toolbar",
                                                      "topbar", "widget",   "rail",    "meta"};

// Lines that sites leave in the text where an ad or a button was.
constexpr std::array<std::string_view, 6> kJunkLines{
    "advertisement",      "story continues below advertisement",
    "skip advertisement", "continue reading",
    "read more",          "share this article"};

// Shorter <p>s are labels and buttons, not prose (Readability's threshold).
constexpr std::size_t kMinParagraph = 25;

bool isBlock(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_BR:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_CENTER:
            return true;
        default:
            return false;
    }
}

bool isHidden(const GumboNode* node) {
    if (gumbo_get_attribute(&node->v.element.attributes, "hidden")) return true;
    if (lower(attr(node, "aria-hidden")) == "true") return true;
    std::string style;
    for (char c : lower(attr(node, "style")))
        if (c != ' ' && c != '\t' && c != '\n') style += c;
    return style.find("display:none") != std::string::npos ||
           style.find("visibility:hidden") != std::string::npos;
}

std::size_t countOf(std::string_view text, char c) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), c));
}

// Builds paragraphs from a walk of the article element.
class ParagraphWriter {
public:
    ParagraphWriter(const ReadableText& reader, std::string_view title) : reader_(reader), title_(title) {}

    void walk(const GumboNode* node, const GumboNode* scope, int depth, bool isScope) {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
            node->type == GUMBO_NODE_CDATA) {
            current_ += node->v.text.text;
            return;
        }
        if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxWalkDepth) return;
        if (!isScope && reader_.isClutter(node, scope)) return;
        const GumboTag tag = node->v.element.tag;
        if (!isScope && reader_.isLinkList(node)) return;
        const bool block = isBlock(tag);
        if (block) flush();
        const bool heading1 = tag == GUMBO_TAG_H1;
        for (unsigned i = 0; i < node->v.element.children.length; ++i)
            walk(static_cast<const GumboNode*>(node->v.element.children.data[i]), scope, depth + 1, false);
        if (heading1 && collapseWhitespace(current_) == title_) current_.clear();  // the title is metadata
        if (block)
            flush();
        else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)
            current_ += ' ';
    }

    std::vector<std::string> take() {
        flush();
        return std::move(paragraphs_);
    }

private:
    void flush() {
        std::string p = collapseWhitespace(current_);
        current_.clear();
        if (p.empty() || among(lower(p), kJunkLines)) return;
        if (!paragraphs_.empty() && paragraphs_.back() == p) return;
        paragraphs_.push_back(std::move(p));
    }

    const ReadableText& reader_;
    std::string title_;
    std::string current_;
    std::vector<std::string> paragraphs_;
};

}  // namespace

ReadableText::ReadableText(const Node* document) {
    body_ = findBody(document);
    computeStats(body_, 0, false);
    root_ = chooseRoot();
}

ReadableText::Stats ReadableText::computeStats(const Node* node, int depth, bool inLink) {
    Stats s;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
        s.text = collapseWhitespace(node->v.text.text).size();
        if (inLink) s.linkText = s.text;
        return s;
    }
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxWalkDepth) return s;
    const GumboTag tag = node->v.element.tag;
    // Tag clutter counts for nothing, so that page furniture does not skew the shares below.
    if (isDroppedTag(node) || isHidden(node)) {
        stats_[node] = s;
        return s;
    }
    const bool link = inLink || tag == GUMBO_TAG_A;
    for (unsigned i = 0; i < node->v.element.children.length; ++i) {
        const Stats c =
            computeStats(static_cast<const Node*>(node->v.element.children.data[i]), depth + 1, link);
        s.paragraphText += c.paragraphText;
        s.text += c.text;
        s.linkText += c.linkText;
        s.paragraphs += c.paragraphs;
    }
    if (tag == GUMBO_TAG_P) {
        s.paragraphText = s.text;
        s.paragraphs = s.text >= kMinParagraph ? 1 : 0;
    }
    stats_[node] = s;
    return s;
}

const ReadableText::Stats& ReadableText::stats(const Node* node) const {
    static const Stats none;
    const auto it = stats_.find(node);
    return it == stats_.end() ? none : it->second;
}

bool ReadableText::isClutter(const Node* node, const Node* scope) const {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    if (isDroppedTag(node) || isHidden(node)) return true;
    bool strong = false, weak = false;
    for (const std::string& w : classWords(node)) {
        strong = strong || among(w, kStrongWords);
        weak = weak || among(w, kWeakWords);
    }
    if (!strong && !weak) return false;
    // A wrapper holding most of the scope's paragraphs holds the article, whatever its class
    // says; a cookie notice can hold most of a page that has nothing else, so a wrapper has
    // to hold several paragraphs.
    const Stats& own = stats(node);
    const std::size_t all = stats(scope).paragraphText;
    const double share = all == 0 ? 0.0 : static_cast<double>(own.paragraphText) / static_cast<double>(all);
    if (own.paragraphs < 3) return true;
    return strong ? share < 0.8 : share < 0.5;
}

const ReadableText::Node* ReadableText::chooseRoot() const {
    // Markup that says where the article is wins; failing that, the best <article>.
    const Node* marked = nullptr;
    const Node* article = nullptr;
    forEachElement(body_, [&](const Node* n) {
        if (lower(attr(n, "itemprop")) == "articlebody" &&
            (!marked ||
             stats(n).paragraphText + stats(n).text > stats(marked).paragraphText + stats(marked).text))
            marked = n;
        if (isElement(n, GUMBO_TAG_ARTICLE) &&
            (!article || stats(n).paragraphText > stats(article).paragraphText))
            article = n;
        return true;
    });
    if (marked && stats(marked).text > 0) return marked;
    // An <article> that is only a teaser card holds little of the page's prose.
    if (article && stats(article).paragraphText > 0 &&
        static_cast<double>(stats(article).paragraphText) >=
            0.3 * static_cast<double>(stats(body_).paragraphText))
        return article;
    const Node* scored = bestScored();
    return scored ? scored : body_;
}

const ReadableText::Node* ReadableText::bestScored() const {
    // Readability's scoring: each paragraph outside clutter gives its parent
    // 1 + commas + up to 3 for length, and half of that to the grandparent.
    std::unordered_map<const Node*, double> score;
    std::vector<const Node*> order;
    // Walk with the clutter verdict inherited from ancestors.
    std::function<void(const Node*, int, bool)> visit = [&](const Node* n, int depth, bool clutter) {
        if (n->type != GUMBO_NODE_ELEMENT || depth > kMaxWalkDepth) return;
        clutter = clutter || (n != body_ && isClutter(n, body_));
        if (clutter) return;
        if (isElement(n, GUMBO_TAG_P) || isElement(n, GUMBO_TAG_PRE)) {
            const std::string text = textOf(n);
            if (text.size() >= kMinParagraph && n->parent && n->parent->type == GUMBO_NODE_ELEMENT) {
                const double s = 1.0 + static_cast<double>(countOf(text, ',')) +
                                 std::min(3.0, static_cast<double>(text.size()) / 100.0);
                const Node* parent = n->parent;
                if (!score.count(parent)) order.push_back(parent);
                score[parent] += s;
                const Node* grand = parent->parent;
                if (grand && grand->type == GUMBO_NODE_ELEMENT) {
                    if (!score.count(grand)) order.push_back(grand);
                    score[grand] += s / 2.0;
                }
            }
            return;
        }
        for (unsigned i = 0; i < n->v.element.children.length; ++i)
            visit(static_cast<const Node*>(n->v.element.children.data[i]), depth + 1, clutter);
    };
    visit(body_, 0, false);
    const Node* best = nullptr;
    double bestScore = 0.0;
    for (const Node* n : order) {
        const Stats& s = stats(n);
        const double density =
            s.text == 0 ? 0.0 : static_cast<double>(s.linkText) / static_cast<double>(s.text);
        const double final = score[n] * (1.0 - density);
        if (final > bestScore) {
            bestScore = final;
            best = n;
        }
    }
    return best;
}

bool ReadableText::isLinkList(const Node* node) const {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    switch (node->v.element.tag) {
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
            break;
        default:
            return false;
    }
    const Stats& s = stats(node);
    return s.text > 0 && s.linkText * 2 >= s.text;
}

std::vector<std::string> ReadableText::paragraphs(std::string_view title) const {
    ParagraphWriter writer(*this, title);
    writer.walk(root_, root_, 0, true);
    std::vector<std::string> out = writer.take();
    return out;
}

}  // namespace dossier::core
