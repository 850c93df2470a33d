#pragma once

// A page parsed by gumbo, with every allocation of the parse tracked. Internal to
// core/import (and its tests): gumbo is a private dependency of dossier_core.

#include <gumbo.h>

#include <cstddef>
#include <string_view>

namespace dossier::core {

// gumbo 0.10 (Debian 12) does not free the strings of some tokens it drops, such as a
// DOCTYPE inside the body (HtmlImporterFuzzer found it). Every allocation of the parse
// goes through this object, and what gumbo forgot is freed with the rest. A parse makes
// an allocation for every node, attribute and string: each block carries its own links,
// so tracking it costs no allocation and no look-up.
class ParsedHtml {
public:
    // gumbo records parse errors; past maxErrors it stops (a broken page has thousands).
    ParsedHtml(std::string_view html, int maxErrors);
    ~ParsedHtml();
    ParsedHtml(const ParsedHtml&) = delete;
    ParsedHtml& operator=(const ParsedHtml&) = delete;

    // The document node; null when gumbo could not parse at all.
    const GumboNode* document() const { return output_ ? output_->document : nullptr; }

    // Destroys the tree and frees what gumbo left allocated; returns how many blocks
    // that was (0 when gumbo freed everything). The destructor does this too.
    std::size_t release();

private:
    static void* allocate(void* self, std::size_t size);
    static void deallocate(void* self, void* block);

    // Sits before each block gumbo gets; 16 bytes, so the block keeps malloc's alignment.
    struct Header {
        Header* prev;
        Header* next;
    };
    static_assert(sizeof(Header) % alignof(std::max_align_t) == 0);

    GumboOptions options_;
    Header* live_ = nullptr;  // the blocks gumbo holds, newest first
    std::size_t liveCount_ = 0;
    GumboOutput* output_ = nullptr;
};

}  // namespace dossier::core
