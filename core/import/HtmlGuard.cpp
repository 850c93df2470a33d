#include "core/import/HtmlGuard.h"

#include "core/import/ImportError.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <vector>

namespace dossier::core {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

template <std::size_t N>
bool among(std::string_view name, const std::array<std::string_view, N>& set) {
    return std::find(set.begin(), set.end(), name) != set.end();
}

constexpr std::array<std::string_view, 19> kVoid{
    "area",  "base",   "br",    "col", "embed",  "hr",       "img",     "input", "link", "meta",
    "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image"};
// Their content is text up to the matching end tag, never markup.
constexpr std::array<std::string_view, 8> kRawText{"script", "style",  "textarea", "title",
                                                   "xmp",    "iframe", "noembed",  "noframes"};
constexpr std::array<std::string_view, 14> kFormatting{"a",    "b", "big",   "code",   "em",     "font", "i",
                                                       "nobr", "s", "small", "strike", "strong", "tt",   "u"};
// Start tags that close an open <p>, as the HTML parser does.
constexpr std::array<std::string_view, 37> kClosesP{
    "address",  "article",    "aside",  "blockquote", "center", "details", "dialog", "dir", "div", "dl",
    "fieldset", "figcaption", "figure", "footer",     "form",   "h1",      "h2",     "h3",  "h4",  "h5",
    "h6",       "header",     "hgroup", "hr",         "main",   "menu",    "nav",    "ol",  "p",   "pre",
    "section",  "summary",    "table",  "ul",         "li",     "dd",      "dt"};

// An approximation of the parser's stack of open elements: exact enough to bound
// depth, cheap enough (O(depth) per tag, depth bounded) for any input.
class OpenElements {
public:
    std::size_t depth() const { return stack_.size(); }
    bool isOpen(const std::string& name) const {
        const auto it = open_.find(name);
        return it != open_.end() && it->second > 0;
    }
    void push(const std::string& name) {
        stack_.push_back(name);
        ++open_[name];
    }
    // Pops up to and including the nearest `name`, unless a boundary comes first.
    void closeNearest(const std::string& name, const std::string& alt,
                      std::initializer_list<std::string_view> boundaries) {
        if (!isOpen(name) && (alt.empty() || !isOpen(alt))) return;  // the common case, in O(1)
        for (std::size_t i = stack_.size(); i-- > 0;) {
            const std::string& s = stack_[i];
            if (s == name || (!alt.empty() && s == alt)) {
                popTo(i);
                return;
            }
            if (std::find(boundaries.begin(), boundaries.end(), s) != boundaries.end()) return;
        }
    }
    void endTag(const std::string& name) {
        if (!isOpen(name)) return;
        for (std::size_t i = stack_.size(); i-- > 0;)
            if (stack_[i] == name) return popTo(i);
    }

private:
    void popTo(std::size_t index) {
        while (stack_.size() > index) {
            --open_[stack_.back()];
            stack_.pop_back();
        }
    }
    std::vector<std::string> stack_;
    std::unordered_map<std::string, int> open_;
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Position of the case-insensitive "</name" at or after from, or npos.
std::size_t findEndTag(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t p = html.find("</", from); p != std::string_view::npos; p = html.find("</", p + 2)) {
        if (p + 2 + name.size() > html.size()) return std::string_view::npos;
        if (lower(html.substr(p + 2, name.size())) == name) return p;
    }
    return std::string_view::npos;
}

// gumbo adds up the digits of a numeric character reference in an int without a
// bound, so "&#xD80CCCCC0;" overflows (undefined behaviour in gumbo) into a negative
// "code point" that it writes out as bytes that are not UTF-8, and the whole page was
// refused. A reference with more significant digits than U+10FFFF has names no
// character: the parser would make it U+FFFD, so it becomes "&#xFFFD;" before parsing.
// The semicolon ends the new reference: "&#11141555bbbb" must not read on as hex digits.
void boundNumericReferences(std::string& html) {
    std::string out;
    std::size_t copied = 0;
    for (std::size_t amp = html.find("&#"); amp != std::string::npos; amp = html.find("&#", amp + 2)) {
        std::size_t p = amp + 2;
        const bool hex = p < html.size() && (html[p] == 'x' || html[p] == 'X');
        if (hex) ++p;
        while (p < html.size() && html[p] == '0') ++p;
        const std::size_t digits = p;
        const auto isDigit = [&](char c) {
            return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
        };
        while (p < html.size() && isDigit(html[p])) ++p;
        if (p - digits <= (hex ? 6u : 7u)) continue;
        out.append(html, copied, amp - copied);
        out += "&#xFFFD;";
        if (p < html.size() && html[p] == ';') ++p;
        copied = p;
    }
    if (copied == 0) return;
    out.append(html, copied);
    html = std::move(out);
}

}  // namespace

HtmlGuard::Result HtmlGuard::limit(std::string_view html, const std::string& fileName) {
    Result r;
    r.html.reserve(html.size());
    OpenElements open;
    std::vector<std::string> formatting;  // unclosed formatting elements, as the parser would re-open them
    std::size_t nodes = 0, attributesTotal = 0;
    const std::size_t n = html.size();
    auto budget = [&](std::size_t count, std::size_t max, const char* what) {
        if (count > max)
            throw ImportError(ImportError::Reason::TooLarge, fileName,
                              "the page has more than " + std::to_string(max) + " " + what +
                                  "; this is not a saved article");
    };

    std::size_t i = 0;
    while (i < n) {
        const std::size_t lt = html.find('<', i);
        if (lt == std::string_view::npos) {
            r.html.append(html.substr(i));
            break;
        }
        r.html.append(html.substr(i, lt - i));
        i = lt;
        // Comments, doctypes, processing instructions: copied; they do not nest.
        if (html.substr(i, 4) == "<!--") {
            const std::size_t e = html.find("-->", i + 4);
            const std::size_t stop = e == std::string_view::npos ? n : e + 3;
            r.html.append(html.substr(i, stop - i));
            budget(++nodes, kMaxNodes, "elements");
            i = stop;
            continue;
        }
        if (i + 1 < n && (html[i + 1] == '!' || html[i + 1] == '?')) {
            const std::size_t e = html.find('>', i);
            const std::size_t stop = e == std::string_view::npos ? n : e + 1;
            r.html.append(html.substr(i, stop - i));
            budget(++nodes, kMaxNodes, "elements");
            i = stop;
            continue;
        }
        const bool isEnd = i + 1 < n && html[i + 1] == '/';
        const std::size_t nameStart = i + (isEnd ? 2 : 1);
        if (nameStart >= n || !isAlpha(html[nameStart])) {  // a lone '<' is text
            r.html += '<';
            ++i;
            continue;
        }
        std::size_t p = nameStart;
        while (p < n && !isSpace(html[p]) && html[p] != '/' && html[p] != '>') ++p;
        const std::string name = lower(html.substr(nameStart, p - nameStart));

        // Attributes, honouring quotes, remembering where the one past the limit starts.
        std::size_t attributes = 0, cut = std::string_view::npos;
        while (p < n && html[p] != '>') {
            if (isSpace(html[p]) || html[p] == '/') {
                ++p;
                continue;
            }
            if (++attributes == kMaxAttributes + 1) cut = p;
            std::size_t q = p + 1;
            while (q < n && !isSpace(html[q]) && html[q] != '/' && html[q] != '>' && html[q] != '=') ++q;
            while (q < n && isSpace(html[q])) ++q;
            if (q < n && html[q] == '=') {
                ++q;
                while (q < n && isSpace(html[q])) ++q;
                if (q < n && (html[q] == '"' || html[q] == '\'')) {
                    const std::size_t close = html.find(html[q], q + 1);
                    q = close == std::string_view::npos ? n : close + 1;
                } else {
                    while (q < n && !isSpace(html[q]) && html[q] != '>') ++q;
                }
            }
            p = q;
        }
        const bool selfClosing = p < n && p > nameStart && html[p - 1] == '/';
        const std::size_t tagEnd = p < n ? p + 1 : n;  // a tag cut by the end of the file runs to it

        if (isEnd) {
            open.endTag(name);
            if (among(name, kFormatting)) {
                const auto it = std::find(formatting.rbegin(), formatting.rend(), name);
                if (it != formatting.rend()) formatting.erase(std::next(it).base());
            }
            r.html.append(html.substr(i, tagEnd - i));
            i = tagEnd;
            continue;
        }

        const bool isFormatting = among(name, kFormatting);
        const bool foreign = open.isOpen("svg") || open.isOpen("math");  // where "/>" really closes
        const bool pushes = !among(name, kVoid) && !among(name, kRawText) && name != "html" &&
                            name != "head" && name != "body" && !(selfClosing && foreign);
        if (pushes) {
            // Implied end tags, so that a list of a million <li> is not a million deep.
            if (among(name, kClosesP))
                open.closeNearest("p", {}, {"button", "table", "td", "th", "svg", "math"});
            if (name == "li") open.closeNearest("li", {}, {"ul", "ol", "table"});
            if (name == "dd" || name == "dt") open.closeNearest("dd", "dt", {"dl", "table"});
            if (name == "td" || name == "th") open.closeNearest("td", "th", {"table", "tr"});
            if (name == "tr") open.closeNearest("tr", {}, {"table"});
            if (name == "option") open.closeNearest("option", {}, {"select"});
        }
        const bool drop =
            (pushes && open.depth() >= kMaxDepth) || (isFormatting && formatting.size() >= kMaxFormatting);
        if (drop) {
            ++r.droppedTags;
            i = tagEnd;
            continue;
        }
        budget(++nodes, kMaxNodes, "elements");
        const std::size_t kept = std::min(attributes, kMaxAttributes);
        budget(attributesTotal += kept, kMaxAttributesTotal, "attributes");
        if (cut != std::string_view::npos && p < n) {
            r.droppedAttributes += attributes - kMaxAttributes;
            r.html.append(html.substr(i, cut - i));
            r.html += selfClosing ? "/>" : ">";
        } else {
            r.html.append(html.substr(i, tagEnd - i));
        }
        i = tagEnd;
        if (pushes) open.push(name);
        if (isFormatting) formatting.push_back(name);
        if (name == "plaintext") {
            r.html.append(html.substr(i));
            break;
        }
        if (among(name, kRawText) && i < n) {
            const std::size_t e = findEndTag(html, i, name);
            const std::size_t stop = e == std::string_view::npos ? n : e;
            r.html.append(html.substr(i, stop - i));
            i = stop;
        }
    }
    boundNumericReferences(r.html);
    return r;
}

}  // namespace dossier::core
