#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/Date.h"

namespace dossier::test {

// What the temporal tagger finds in one text, as "text=value" per expression ("text=relative"
// when it could not be resolved): the form the Timex tests compare.
std::vector<std::string> timexStrings(std::string_view text, std::optional<core::Date> published);

}  // namespace dossier::test
