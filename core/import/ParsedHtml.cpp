#include "core/import/ParsedHtml.h"

#include <cstdlib>

namespace dossier::core {

ParsedHtml::ParsedHtml(std::string_view html, int maxErrors) : options_(kGumboDefaultOptions) {
    options_.max_errors = maxErrors;
    options_.allocator = &ParsedHtml::allocate;
    options_.deallocator = &ParsedHtml::deallocate;
    options_.userdata = this;
    output_ = gumbo_parse_with_options(&options_, html.data(), html.size());
}

ParsedHtml::~ParsedHtml() { release(); }

std::size_t ParsedHtml::release() {
    if (output_) gumbo_destroy_output(&options_, output_);
    output_ = nullptr;
    const std::size_t leftover = live_.size();
    for (void* block : live_) std::free(block);
    live_.clear();
    return leftover;
}

void* ParsedHtml::allocate(void* self, std::size_t size) {
    void* block = std::malloc(size);
    if (!block) return nullptr;
    try {
        static_cast<ParsedHtml*>(self)->live_.insert(block);
    } catch (...) {
        // Out of memory for the bookkeeping: the block is still gumbo's to free.
    }
    return block;
}

void ParsedHtml::deallocate(void* self, void* block) {
    static_cast<ParsedHtml*>(self)->live_.erase(block);
    std::free(block);
}

}  // namespace dossier::core
