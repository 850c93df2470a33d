#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct GumboInternalNode;

namespace dossier::core {

// Finds the article in a parsed page and reads its text, in the manner of
// Mozilla's Readability: the element holding the article ([itemprop=articleBody],
// else the main <article>, else the element whose paragraphs score highest) is
// read block by block, leaving out navigation, ads, related links, cookie banners,
// share buttons, comments and everything a browser would not show.
class ReadableText {
public:
    using Node = GumboInternalNode;

    explicit ReadableText(const Node* document);

    // The element the article text comes from (the <body> when nothing better is found).
    const Node* root() const { return root_; }

    // Paragraphs in order, headings as their own; a heading repeating `title` is left out.
    std::vector<std::string> paragraphs(std::string_view title) const;

    // True for elements a reader never wants in the text (by tag, class, id, role, or hidden),
    // judged within `scope`: a wrapper holding most of the scope's paragraphs is never clutter.
    bool isClutter(const Node* node, const Node* scope) const;
    // Lists and boxes mostly made of links ("Read next", tag clouds, link farms).
    bool isLinkList(const Node* node) const;

private:
    struct Stats {
        std::size_t paragraphText = 0;  // bytes of text inside <p> elements
        std::size_t text = 0;
        std::size_t linkText = 0;
        std::size_t paragraphs = 0;  // <p> of a sentence or more
    };
    Stats computeStats(const Node* node, int depth, bool inLink);
    const Stats& stats(const Node* node) const;
    const Node* chooseRoot() const;
    const Node* bestScored() const;

    const Node* body_ = nullptr;
    const Node* root_ = nullptr;
    std::unordered_map<const Node*, Stats> stats_;
};

}  // namespace dossier::core
