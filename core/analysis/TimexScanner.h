#pragma once

// The matching rules of TimexTagger, over one sentence at a time. Private to the tagger;
// a header of its own only so the rules can live in their own file.

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis/TimeValue.h"
#include "core/analysis/TimexLexicon.h"
#include "core/analysis/Token.h"
#include "core/model/Analysis.h"

namespace dossier::core {

// A recognised expression before it is resolved against the publication date.
struct TimexMatch {
    std::size_t first = 0;  // tokens [first, last)
    std::size_t last = 0;
    TimexType type = TimexType::Date;
    std::string value;                   // when the text alone fixes it ("2019", "P3Y")
    std::optional<RelativeTime> relative;  // when it depends on the publication date
    std::optional<RelativeTime> anchored;  // the meaning once the text has named a date ("the next day")
    std::string suffix;                  // clock time after the resolved day ("T09:30")
    bool takesThe = false;               // "the 1990s", "the past two years": "the" belongs to the extent
    bool coarse = false;                 // a month, year, week...: can take "early", "later"
    bool amount = false;                 // a duration or "ago": can take "more than", "nearly"
    bool comparison = false;             // "a year ago", "year-earlier": does not move the text's reference time
};

// The lower-cased words of the text and their lexicon entries, shared by all sentences.
struct TimexTokens {
    const std::vector<Token>& tokens;
    std::vector<std::string_view> lower;  // ASCII lower case; empty for long or non-word tokens
    std::vector<const TimexWord*> words;  // null when the word plays no part
    bool quarterly = false;                // the text reports a company's results (quarters, interim)
};

// Small helpers shared by the rule files.
namespace timexrules {

template <std::size_t N>
inline bool among(std::string_view w, const std::array<std::string_view, N>& list) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

inline bool allDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

inline int toInt(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

inline bool validDay(int year, int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
           Date(year, static_cast<unsigned>(month), static_cast<unsigned>(day)).isValid();
}

inline std::string dayValue(int year, int month, int day) {
    return Date(year, static_cast<unsigned>(month), static_cast<unsigned>(day)).toIso();
}

inline TimexMatch make(std::size_t first, std::size_t last, TimexType type, std::string value) {
    TimexMatch m;
    m.first = first;
    m.last = last;
    m.type = type;
    m.value = std::move(value);
    return m;
}

inline TimexMatch makeRelative(std::size_t first, std::size_t last, TimexType type, RelativeTime rel) {
    TimexMatch m = make(first, last, type, {});
    m.relative = rel;
    return m;
}

inline RelativeTime offset(TimeUnit unit, int n) {
    RelativeTime r;
    r.kind = RelativeTime::Kind::Shift;
    r.unit = unit;
    r.offset = n;
    return r;
}

inline RelativeTime named(RelativeTime::Kind kind, int which, Direction direction) {
    RelativeTime r;
    r.kind = kind;
    r.which = which;
    r.direction = direction;
    return r;
}

}  // namespace timexrules

class TimexScanner {
public:
    TimexScanner(const TimexTokens& t, std::size_t begin, std::size_t end) : t_(t), begin_(begin), end_(end) {}

    // The expression starting at token `i`, if any.
    std::optional<TimexMatch> matchAt(std::size_t i);

private:
    std::optional<TimexMatch> matchModified(std::size_t j, bool afterThe);
    std::optional<TimexMatch> matchCore(std::size_t j, bool afterThe);
    std::optional<TimexMatch> matchNumeric(std::size_t j);
    std::optional<TimexMatch> matchMonth(std::size_t j);
    std::optional<TimexMatch> matchSecondDay(std::size_t j);
    std::optional<TimexMatch> matchWeekday(std::size_t j);
    std::optional<TimexMatch> matchOrdinal(std::size_t j);
    std::optional<TimexMatch> matchAmount(std::size_t j, bool afterThe);
    std::optional<TimexMatch> matchDeictic(std::size_t j, bool afterThe);
    std::optional<TimexMatch> matchSeason(std::size_t j, bool afterThe);
    std::optional<TimexMatch> matchWord(std::size_t j, bool afterThe);
    std::optional<TimexMatch> matchYear(std::size_t j);
    std::optional<TimexMatch> matchAnaphoric(std::size_t j, bool afterThe);
    TimexMatch midPartOfDay(std::size_t j, std::size_t part);
    // Periods of company results: "the 1988 quarter", "the corresponding period last year".
    std::optional<TimexMatch> matchResultsPeriod(std::size_t j, bool afterThe);
    std::size_t yearBackAt(std::size_t k) const;  // end of "last year", "a year ago/earlier", or k
    // A holiday at j; Nearest reads the direction from the sentence, others come from "last"/"next".
    std::optional<TimexMatch> matchHoliday(std::size_t j, Direction direction);
    static constexpr std::size_t kHolidayReach = 6;

    // A cardinal amount at k: its value (-2 unspecified) and the token after it.
    struct Amount {
        int value = 0;
        std::size_t next = 0;
        bool article = false;  // "a"/"an"
        bool half = false;     // "2 1/2", "two and a half", "half a"
    };
    std::optional<Amount> amountAt(std::size_t k) const;
    std::optional<Amount> wholeAmountAt(std::size_t k) const;
    std::optional<Amount> yearInWordsAt(std::size_t k) const;  // "nineteen ninety-six": the year

    // The tense of the sentence around tokens [first, last): the nearest cue within `reach`
    // tokens decides, else `fallback`.
    // A clock time followed by the day it is on: "9 a.m. Tuesday", "noon tomorrow".
    TimexMatch withDay(TimexMatch time);
    Direction tense(std::size_t first, std::size_t last, std::size_t reach = 20,
                    Direction fallback = Direction::Past) const;
    bool quarterContext();

    std::string_view w(std::size_t k) const { return k < end_ ? t_.lower[k] : std::string_view{}; }
    const TimexWord* lex(std::size_t k) const { return k < end_ ? t_.words[k] : nullptr; }
    bool glued(std::size_t k) const { return k < end_ && !t_.tokens[k].spaceBefore; }
    bool capitalized(std::size_t k) const { return k < end_ && t_.tokens[k].capitalized; }
    bool isNumber(std::size_t k) const { return k < end_ && t_.tokens[k].kind == TokenKind::Number; }
    int digitsAt(std::size_t k) const;   // a token of digits only, or -1
    int ordinalAt(std::size_t k) const;  // "third", "3rd", or 0
    int yearAt(std::size_t k) const;     // a plausible four-digit year, or -1
    // "this year" 0, "last year" -1, "next year" 1 at k, else kNoYearWord
    int yearWordAt(std::size_t k) const;
    static constexpr int kNoYearWord = 99;

    const TimexTokens& t_;
    std::size_t begin_;
    std::size_t end_;
    int quarterContext_ = -1;  // unknown until asked
};

}  // namespace dossier::core
