#pragma once

// Helpers over gumbo's parse tree, shared by HtmlMetadata and ReadableText.
// Internal to core/import: gumbo is a private dependency of dossier_core, so only
// its .cpp files include this header.

#include <functional>
#include <gumbo.h>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::core::htmltree {

// Walks stop descending here. HtmlGuard keeps parsed trees far shallower; this
// only makes the bound local and obvious.
constexpr int kMaxWalkDepth = 1024;

bool isElement(const GumboNode* node, GumboTag tag);
// The attribute's value, or empty when absent.
std::string_view attr(const GumboNode* node, const char* name);
std::string lower(std::string_view s);

// Text of the node and its descendants (scripts, styles and templates left out), raw.
void appendText(const GumboNode* node, std::string& out);
// Same, with whitespace (including no-break spaces) collapsed and trimmed.
std::string textOf(const GumboNode* node);
std::string collapseWhitespace(std::string_view text);

// The words of class, id and role: lower case, split at anything not a letter or
// digit and at camelCase humps ("relatedLinks__item" -> related, links, item).
std::vector<std::string> classWords(const GumboNode* node);

// Visits elements below root (root included) in document order, iteratively;
// visit returns false to skip the element's children.
void forEachElement(const GumboNode* root, const std::function<bool(const GumboNode*)>& visit);

const GumboNode* findBody(const GumboNode* document);

}  // namespace dossier::core::htmltree
