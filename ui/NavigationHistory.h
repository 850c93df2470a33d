#pragma once

#include <QString>

#include <vector>

#include "core/model/Article.h"

namespace dossier::ui {

// Back and forward through the articles and entities the reader looked at.
class NavigationHistory {
public:
    struct Place {
        core::ArticleId article = 0;
        QString entity;
        friend bool operator==(const Place&, const Place&) = default;
    };

    void visit(const Place& place);  // drops the forward entries, as browsers do
    bool canGoBack() const { return current_ > 0; }
    bool canGoForward() const { return current_ + 1 < places_.size(); }
    Place back();
    Place forward();

private:
    std::vector<Place> places_;
    std::size_t current_ = 0;
};

}  // namespace dossier::ui
