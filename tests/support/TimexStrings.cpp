#include "tests/support/TimexStrings.h"

#include "core/analysis/SentenceSplitter.h"
#include "core/analysis/TimexTagger.h"
#include "core/analysis/Tokenizer.h"

namespace dossier::test {

std::vector<std::string> timexStrings(std::string_view text, std::optional<core::Date> published) {
    const auto tokens = core::Tokenizer::tokenize(text);
    std::vector<std::string> out;
    for (const core::Timex& t : core::TimexTagger::tag(text, tokens, core::SentenceSplitter::split(text, tokens), published))
        out.push_back(t.text + "=" + (t.value.empty() ? t.relative : t.value));
    return out;
}

}  // namespace dossier::test
