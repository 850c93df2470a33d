#include "core/import/HtmlTree.h"

#include <utility>

namespace dossier::core::htmltree {

namespace {

const GumboVector* childrenOf(const GumboNode* node) {
    if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
        return &node->v.element.children;
    return nullptr;
}

bool isSkippedForText(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEMPLATE) return true;
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    const GumboTag t = node->v.element.tag;
    return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT ||
           t == GUMBO_TAG_TEMPLATE;
}

void appendTextAt(const GumboNode* node, std::string& out, int depth) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
        out += node->v.text.text;
        return;
    }
    if (depth > kMaxWalkDepth || isSkippedForText(node)) return;
    const GumboVector* children = childrenOf(node);
    if (!children) return;
    for (unsigned i = 0; i < children->length; ++i)
        appendTextAt(static_cast<const GumboNode*>(children->data[i]), out, depth + 1);
}

}  // namespace

bool isElement(const GumboNode* node, GumboTag tag) {
    return node && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

std::string_view attr(const GumboNode* node, const char* name) {
    if (!node || (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)) return {};
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? std::string_view(a->value) : std::string_view{};
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

void appendText(const GumboNode* node, std::string& out) { appendTextAt(node, out, 0); }

std::string collapseWhitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
            space = true;
            if (nbsp) ++i;
            continue;
        }
        if (static_cast<unsigned char>(c) < 0x20) continue;  // other control characters carry no text
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string textOf(const GumboNode* node) {
    std::string raw;
    appendText(node, raw);
    return collapseWhitespace(raw);
}

std::vector<std::string> classWords(const GumboNode* node) {
    std::vector<std::string> words;
    for (const char* name : {"class", "id", "role"}) {
        const std::string_view v = attr(node, name);
        std::string word;
        auto flush = [&] {
            if (!word.empty()) words.push_back(std::exchange(word, {}));
        };
        for (std::size_t i = 0; i < v.size(); ++i) {
            const char c = v[i];
            const bool upper = c >= 'A' && c <= 'Z';
            const bool alnum = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum) {
                flush();
                continue;
            }
            if (upper && i > 0 && v[i - 1] >= 'a' && v[i - 1] <= 'z') flush();
            word += upper ? static_cast<char>(c - 'A' + 'a') : c;
        }
        flush();
    }
    return words;
}

void forEachElement(const GumboNode* root, const std::function<bool(const GumboNode*)>& visit) {
    // Explicit stack of (node, depth), children pushed in reverse for document order.
    std::vector<std::pair<const GumboNode*, int>> stack{{root, 0}};
    while (!stack.empty()) {
        const auto [node, depth] = stack.back();
        stack.pop_back();
        if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
            if (!visit(node)) continue;
        } else if (node->type != GUMBO_NODE_DOCUMENT) {
            continue;
        }
        const GumboVector* children = childrenOf(node);
        if (!children || depth >= kMaxWalkDepth) continue;
        for (unsigned i = children->length; i-- > 0;)
            stack.emplace_back(static_cast<const GumboNode*>(children->data[i]), depth + 1);
    }
}

const GumboNode* findBody(const GumboNode* document) {
    const GumboNode* body = nullptr;
    forEachElement(document, [&](const GumboNode* n) {
        if (body) return false;
        if (isElement(n, GUMBO_TAG_BODY)) body = n;
        return isElement(n, GUMBO_TAG_HTML);
    });
    return body ? body : document;
}

}  // namespace dossier::core::htmltree
