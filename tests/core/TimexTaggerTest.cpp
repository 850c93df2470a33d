#include "core/analysis/TimexTagger.h"

#include <gtest/gtest.h>

#include <random>

#include "core/analysis/SentenceSplitter.h"
#include "core/analysis/TextDocument.h"
#include "core/analysis/Tokenizer.h"
#include "core/text/TextOffsets.h"

using namespace dossier::core;

namespace {

const Date kSunday(2026, 1, 4);  // the publication date of most examples

std::vector<Timex> tag(std::string_view text, std::optional<Date> published = kSunday) {
    const auto tokens = Tokenizer::tokenize(text);
    return TimexTagger::tag(text, tokens, SentenceSplitter::split(text, tokens), published);
}

// "text=value" for every expression found, in order.
std::vector<std::string> found(std::string_view text, std::optional<Date> published = kSunday) {
    std::vector<std::string> out;
    for (const Timex& t : tag(text, published)) out.push_back(t.text + "=" + t.value);
    return out;
}

using Found = std::vector<std::string>;

}  // namespace

TEST(TimexTagger, WeekdayScheduledForIsTheComingOne) {
    EXPECT_EQ(found("The hearings, scheduled for Monday, will review the budget."), Found{"Monday=2026-01-05"});
    EXPECT_EQ(found("The council will vote on Wednesday."), Found{"Wednesday=2026-01-07"});
}

TEST(TimexTagger, WeekdayWithAPastVerbIsTheMostRecentOne) {
    EXPECT_EQ(found("The mayor said on Friday that the bridge would reopen."), Found{"Friday=2026-01-02"});
    EXPECT_EQ(found("Rescue teams reached the village on Tuesday."), Found{"Tuesday=2025-12-30"});
}

TEST(TimexTagger, WeekdayOfThePublicationDayIsThatDay) {
    EXPECT_EQ(found("The envoy landed in Hanoi on Sunday."), Found{"Sunday=2026-01-04"});
}

TEST(TimexTagger, LastAndNextWeekdaysSkipToday) {
    EXPECT_EQ(found("She spoke last Sunday and will speak again next Sunday."),
              (Found{"last Sunday=2025-12-28", "next Sunday=2026-01-11"}));
}

TEST(TimexTagger, MonthAfterSinceIsTheLastOneBeforePublication) {
    EXPECT_EQ(found("It is the third round of talks since November, when the envoys first met."),
              Found{"November=2025-11"});
}

TEST(TimexTagger, MonthWithFutureTenseIsTheNextOne) {
    EXPECT_EQ(found("The committee will meet again in March."), Found{"March=2026-03"});
    EXPECT_EQ(found("The committee met in March."), Found{"March=2025-03"});
}

TEST(TimexTagger, MayIsAMonthOnlyInTemporalContext) {
    EXPECT_EQ(found("The vote is due in May."), Found{"May=2026-05"});
    EXPECT_EQ(found("Officials may delay the vote."), Found{});
    EXPECT_EQ(found("Theresa May met the king."), Found{});
    EXPECT_EQ(found("The deal was signed on May 5, 2019."), Found{"May 5, 2019=2019-05-05"});
}

TEST(TimexTagger, ExplicitDatesInTheirCommonForms) {
    EXPECT_EQ(found("It opened on March 22, 2013, and closed on 9 April 2014."),
              (Found{"March 22, 2013=2013-03-22", "9 April 2014=2014-04-09"}));
    EXPECT_EQ(found("Filed 3/22/2013 and updated 2013-03-25."), (Found{"3/22/2013=2013-03-22", "2013-03-25=2013-03-25"}));
    EXPECT_EQ(found("Sales fell in November 2025."), Found{"November 2025=2025-11"});
    EXPECT_EQ(found("The deadline is Jan. 15."), Found{"Jan. 15=2026-01-15"});
}

TEST(TimexTagger, YearsButNotQuantities) {
    EXPECT_EQ(found("It was the first visit since 2019."), Found{"2019=2019"});
    EXPECT_EQ(found("About 2019 people and 1995 troops were there."), Found{});
    EXPECT_EQ(found("It cost $1998."), Found{});
}

TEST(TimexTagger, DecadesAndCenturiesIncludeThe) {
    EXPECT_EQ(found("Prices soared in the 1990s and the 2000s."), (Found{"the 1990s=199", "the 2000s=200"}));
    EXPECT_EQ(found("They resisted foreign rule during the 20th century."), Found{"the 20th century=19"});
}

TEST(TimexTagger, RelativeDaysWeeksMonthsAndYears) {
    EXPECT_EQ(found("Talks ended yesterday and resume tomorrow."),
              (Found{"yesterday=2026-01-03", "tomorrow=2026-01-05"}));
    EXPECT_EQ(found("Exports rose last week, this month and last year."),
              (Found{"last week=2025-W52", "this month=2026-01", "last year=2025"}));
    EXPECT_EQ(found("The plant closed two years ago."), Found{"two years ago=2024"});
}

TEST(TimexTagger, LaterThisMonthKeepsTheModifierInTheExtent) {
    EXPECT_EQ(found("He is planning a visit to Japan later this month."), Found{"later this month=2026-01"});
    EXPECT_EQ(found("Output dipped earlier this year."), Found{"earlier this year=2026"});
}

TEST(TimexTagger, SeasonsQuartersAndPartsOfDay) {
    EXPECT_EQ(found("The games open this summer."), Found{"this summer=2026-SU"});
    EXPECT_EQ(found("Profits rose in the first quarter."), Found{"the first quarter=2026-Q1"});
    const auto night = tag("The fire started on Friday night.");
    ASSERT_EQ(night.size(), 1u);
    EXPECT_EQ(night[0].text, "Friday night");
    EXPECT_EQ(night[0].type, TimexType::Time);
    EXPECT_EQ(night[0].value, "2026-01-02TNI");
}

TEST(TimexTagger, DurationsWithNumbersWordsAndHyphens) {
    EXPECT_EQ(found("The war lasted three years."), Found{"three years=P3Y"});
    EXPECT_EQ(found("He began a two-week tour."), Found{"two-week=P2W"});
    EXPECT_EQ(found("Power was out for 24 hours."), Found{"24 hours=PT24H"});
    EXPECT_EQ(found("It took a decade."), Found{"a decade=P10Y"});
    EXPECT_EQ(found("The siege lasted more than three years."), Found{"more than three years=P3Y"});
    EXPECT_EQ(tag("The war lasted three years.")[0].type, TimexType::Duration);
}

TEST(TimexTagger, SetsAndReferences) {
    EXPECT_EQ(found("The fair is held every year and the report is published weekly."),
              (Found{"every year=P1Y", "weekly=P1W"}));
    EXPECT_EQ(tag("It is held annually.")[0].type, TimexType::Set);
    EXPECT_EQ(found("Prices are now higher than in the past, and will fall in the future."),
              (Found{"now=PRESENT_REF", "the past=PAST_REF", "the future=FUTURE_REF"}));
}

TEST(TimexTagger, WithoutADateRelativeExpressionsAreDescribedNotResolved) {
    const auto out = tag("The minister said on Friday that the 2019 accord stands.", std::nullopt);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].text, "Friday");
    EXPECT_EQ(out[0].value, "");
    EXPECT_EQ(out[0].relative, "weekday:5:past");
    EXPECT_EQ(out[1].value, "2019");  // explicit: needs no date
    EXPECT_EQ(out[1].relative, "");
}

TEST(TimexTagger, OffsetsAreCodePointsAfterCurlyQuotesAndAccents) {
    const std::string text = "“Café de l’Opéra” — Seoul’s envoy arrived on Sunday, “finally”.";
    const auto out = tag(text);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].text, "Sunday");
    EXPECT_EQ(sliceCodePoints(text, out[0].span.start, out[0].span.end), "Sunday");
    EXPECT_EQ(out[0].span.start, 45u);
}

TEST(TimexTagger, NeverFailsOnOddInput) {
    EXPECT_TRUE(tag("").empty());
    EXPECT_TRUE(tag("the the the last next 0/0/0 00-00-00 99:99 a.m.", Date(0, 1, 1)).size() < 10);
    EXPECT_NO_THROW(tag("On Monday in 1999 since May", Date(0, 1, 1)));
    EXPECT_NO_THROW(tag("yesterday", Date(2026, 2, 30)));  // an invalid date is no date
    // Tokens that do not belong to the text, and sentences out of range.
    std::vector<Token> tokens(3);
    tokens[1].byteStart = 50;
    tokens[1].byteEnd = 40;
    tokens[2].byteEnd = 1000;
    tokens[2].kind = TokenKind::Number;
    EXPECT_NO_THROW(TimexTagger::tag("short", tokens, {{2, 9}, {0, 1}}, kSunday));
    // Random bytes and random words.
    std::mt19937 rng(7);
    const std::vector<std::string> words{"the", "last", "Monday", "May", "1990s", "-", "year", "ago", "a", "20th",
                                         "century", "/", "12", "2019", ",", "every", "more", "than", "night", "."};
    for (int round = 0; round < 300; ++round) {
        std::string text;
        for (int i = 0; i < 30; ++i) {
            if (round % 2) text += static_cast<char>(rng() % 256);
            else text += words[rng() % words.size()] + (rng() % 3 ? " " : "");
        }
        for (const Timex& t : tag(text)) EXPECT_LE(t.span.start, t.span.end);
    }
}

TEST(TimexTagger, AnAnalysedDocumentGivesWhatItsTokensGive) {
    // The analyser passes its document, whose hashes of the lower-case words spare the
    // tagger hashing them again; capitals, accents and words next to them must not change
    // what is found.
    for (const std::string_view text :
         {std::string_view("On MONDAY the Élysée said that last year’s talks, held in Août 2024, resume next week."),
          std::string_view("Three days later, on 19 November 2025, Ms Ørsted spoke; the summit ends in two weeks.")}) {
        const TextDocument doc(text);
        const auto viaDocument = TimexTagger::tag(doc, kSunday);
        const auto viaTokens = tag(text);
        ASSERT_EQ(viaDocument.size(), viaTokens.size()) << text;
        ASSERT_FALSE(viaTokens.empty()) << text;
        for (std::size_t k = 0; k < viaTokens.size(); ++k) {
            EXPECT_EQ(viaDocument[k].text, viaTokens[k].text);
            EXPECT_EQ(viaDocument[k].value, viaTokens[k].value);
        }
    }
}
