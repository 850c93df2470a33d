#include "core/import/ParsedHtml.h"

#include <cstdint>
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
    const std::size_t leftover = liveCount_;
    while (live_) {
        Header* next = live_->next;
        std::free(live_);
        live_ = next;
    }
    liveCount_ = 0;
    return leftover;
}

void* ParsedHtml::allocate(void* self, std::size_t size) {
    if (size > SIZE_MAX - sizeof(Header)) return nullptr;
    auto* header = static_cast<Header*>(std::malloc(sizeof(Header) + size));
    if (!header) return nullptr;
    auto* parsed = static_cast<ParsedHtml*>(self);
    header->prev = nullptr;
    header->next = parsed->live_;
    if (parsed->live_) parsed->live_->prev = header;
    parsed->live_ = header;
    ++parsed->liveCount_;
    return header + 1;
}

void ParsedHtml::deallocate(void* self, void* block) {
    if (!block) return;
    Header* header = static_cast<Header*>(block) - 1;
    auto* parsed = static_cast<ParsedHtml*>(self);
    if (header->prev)
        header->prev->next = header->next;
    else
        parsed->live_ = header->next;
    if (header->next) header->next->prev = header->prev;
    --parsed->liveCount_;
    std::free(header);
}

}  // namespace dossier::core
