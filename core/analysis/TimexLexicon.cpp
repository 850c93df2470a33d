#include "core/analysis/TimexLexicon.h"

#include <algorithm>
#include <array>

#include "core/text/StringKeyMap.h"

namespace dossier::core {

namespace {

using Map = StringKeyMap<TimexWord>;

struct Named {
    std::string_view word;
    int value;
};

constexpr std::array<Named, 24> kMonths{{
    {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3}, {"april", 4}, {"apr", 4},
    {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7}, {"august", 8}, {"aug", 8}, {"september", 9},
    {"sep", 9}, {"sept", 9}, {"october", 10}, {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12},
    {"dec", 12},
}};

constexpr std::array<std::string_view, 7> kWeekdays{"monday", "tuesday", "wednesday", "thursday",
                                                    "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 7> kWeekdaysPlural{"mondays", "tuesdays", "wednesdays", "thursdays",
                                                          "fridays", "saturdays", "sundays"};

constexpr std::array<Named, 35> kNumbers{{
    {"a", 1}, {"an", 1}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6},
    {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13},
    {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60}, {"seventy", 70}, {"eighty", 80},
    {"ninety", 90}, {"hundred", 100}, {"thousand", 1000}, {"dozen", 12}, {"several", -2}, {"many", -2}, {"few", -2},
}};

constexpr std::array<Named, 22> kOrdinals{{
    {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"fifth", 5}, {"sixth", 6}, {"seventh", 7},
    {"eighth", 8}, {"ninth", 9}, {"tenth", 10}, {"eleventh", 11}, {"twelfth", 12}, {"thirteenth", 13},
    {"fourteenth", 14}, {"fifteenth", 15}, {"sixteenth", 16}, {"seventeenth", 17}, {"eighteenth", 18},
    {"nineteenth", 19}, {"twentieth", 20}, {"twenty-first", 21}, {"last", 0},
}};

struct UnitWord {
    std::string_view word;
    TimeUnit unit;
    bool plural;
};
constexpr std::array<UnitWord, 22> kUnits{{
    {"second", TimeUnit::Second, false}, {"seconds", TimeUnit::Second, true}, {"minute", TimeUnit::Minute, false},
    {"minutes", TimeUnit::Minute, true}, {"hour", TimeUnit::Hour, false},     {"hours", TimeUnit::Hour, true},
    {"day", TimeUnit::Day, false},       {"days", TimeUnit::Day, true},       {"week", TimeUnit::Week, false},
    {"weeks", TimeUnit::Week, true},     {"fortnight", TimeUnit::Week, false}, {"month", TimeUnit::Month, false},
    {"months", TimeUnit::Month, true},   {"quarter", TimeUnit::Quarter, false}, {"quarters", TimeUnit::Quarter, true},
    {"year", TimeUnit::Year, false},     {"years", TimeUnit::Year, true},     {"decade", TimeUnit::Decade, false},
    {"decades", TimeUnit::Decade, true}, {"century", TimeUnit::Century, false}, {"centuries", TimeUnit::Century, true},
    {"yr", TimeUnit::Year, false},
}};

constexpr std::array<Named, 8> kDecades{{{"twenties", 2}, {"thirties", 3}, {"forties", 4}, {"fifties", 5},
                                         {"sixties", 6}, {"seventies", 7}, {"eighties", 8}, {"nineties", 9}}};
constexpr std::array<Named, 5> kSeasons{{{"spring", 1}, {"summer", 2}, {"fall", 3}, {"autumn", 3}, {"winter", 4}}};
constexpr std::array<Named, 8> kPartsOfDay{{{"morning", 1}, {"afternoon", 2}, {"evening", 3}, {"night", 4},
                                            {"mornings", 1}, {"afternoons", 2}, {"evenings", 3}, {"nights", 4}}};

// Verbs and markers that set the tense of a sentence; regular past forms in -ed are
// recognised by their ending in the tagger.
constexpr std::array<std::string_view, 16> kFutureCues{
    "would",
    "will", "shall", "scheduled", "expected", "due", "planned", "plans", "planning", "next",
    "upcoming", "coming", "going", "tomorrow", "intends", "later"};
constexpr std::array<std::string_view, 62> kPastCues{
    "said", "told", "was", "were", "had", "did", "ago", "last", "yesterday", "earlier", "since", "went", "came",
    "met", "made", "took", "gave", "left", "began", "held", "spoke", "saw", "got", "became", "brought", "sent",
    "won", "lost", "fell", "rose", "struck", "paid", "found", "knew", "thought", "wrote", "led", "ran", "sold",
    "bought", "heard", "felt", "kept", "stood", "meant", "built", "spent", "fled", "fought", "flew", "drove",
    "threw", "broke", "chose", "grew", "shot", "sought", "taught", "caught", "withdrew", "previously", "recently"};

// Words that only introduce an expression: determiners, modifiers, adverbs of time.
constexpr std::array<std::string_view, 68> kTriggers{"half", "same", "following", "preceding", "prior", 
    "the", "this", "that", "last", "next", "past", "coming", "previous", "recent", "early", "late", "mid",
    "earlier", "later", "today", "yesterday", "tomorrow", "tonight", "now", "currently", "recently", "formerly",
    "previously", "soon", "nowadays", "future", "every", "each", "per", "annually", "yearly", "daily", "weekly",
    "monthly", "quarterly", "hourly", "fiscal", "more", "less", "nearly", "almost", "about", "roughly",
    "approximately", "noon", "midday", "midnight", "few", "couple", "at", "near", "current", "latest", "lately", "weekend", "full", "around", "then", "these", "once", "twice", "weekends", "interim"};

// First words of the holidays TimexHolidays knows.
constexpr std::array<std::string_view, 11> kHolidayStarts{"christmas", "new", "thanksgiving", "easter", "good", "labor",
                                                          "memorial", "election", "halloween", "valentine", "boxing"};

Map build() {
    Map m;
    for (const auto& [w, v] : kMonths) {
        m[w].month = static_cast<std::uint8_t>(v);
        m[w].monthAbbreviation = w.size() <= 4 && w != "may" && w != "june" && w != "july";
    }
    for (std::size_t i = 0; i < kWeekdays.size(); ++i) {
        m[kWeekdays[i]].weekday = static_cast<std::uint8_t>(i + 1);
        m[kWeekdaysPlural[i]].weekday = static_cast<std::uint8_t>(i + 1);
        m[kWeekdaysPlural[i]].weekdayPlural = true;
    }
    for (const auto& [w, v] : kNumbers) m[w].number = static_cast<std::int16_t>(v);
    for (const auto& [w, v] : kOrdinals) m[w].ordinal = static_cast<std::uint8_t>(v);
    for (const auto& u : kUnits) {
        m[u.word].unit = u.unit;
        m[u.word].plural = u.plural;
    }
    for (const auto& [w, v] : kDecades) m[w].decade = static_cast<std::uint8_t>(v);
    for (const auto& [w, v] : kSeasons) m[w].season = static_cast<std::uint8_t>(v);
    for (const auto& [w, v] : kPartsOfDay) m[w].partOfDay = static_cast<std::uint8_t>(v);
    m.forEachValue([](TimexWord& entry) { entry.trigger = true; });  // everything so far is part of an expression
    for (std::string_view w : kTriggers) m[w].trigger = true;
    for (std::string_view w : kHolidayStarts) m[w].holiday = m[w].trigger = true;
    for (std::string_view w : kFutureCues) m[w].tense = 1;
    for (std::string_view w : kPastCues) m[w].tense = -1;
    return m;
}

const Map& lexicon() {
    // Most words of a text play no part: the map turns them away by first byte and length.
    static const Map map = build();
    return map;
}

}  // namespace

const TimexWord* lookupTimexWord(std::string_view lower) { return lexicon().find(lower); }

const TimexWord* lookupTimexWord(std::string_view lower, std::uint64_t hash) {
    return lexicon().find(lower, hash);
}

std::string_view partOfDayCode(int partOfDay) {
    constexpr std::array<std::string_view, 5> kCodes{"", "MO", "AF", "EV", "NI"};
    return partOfDay >= 0 && partOfDay < 5 ? kCodes[static_cast<std::size_t>(partOfDay)] : std::string_view{};
}

}  // namespace dossier::core
