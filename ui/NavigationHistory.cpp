#include "ui/NavigationHistory.h"

namespace dossier::ui {

void NavigationHistory::visit(const Place& place) {
    if (!places_.empty() && places_[current_] == place) return;
    if (!places_.empty()) places_.resize(current_ + 1);
    places_.push_back(place);
    current_ = places_.size() - 1;
}

NavigationHistory::Place NavigationHistory::back() {
    if (canGoBack()) --current_;
    return places_.empty() ? Place{} : places_[current_];
}

NavigationHistory::Place NavigationHistory::forward() {
    if (canGoForward()) ++current_;
    return places_.empty() ? Place{} : places_[current_];
}

}  // namespace dossier::ui
