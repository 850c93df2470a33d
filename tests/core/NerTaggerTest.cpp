#include "core/ner/NerTagger.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>

#include <string>
#include <vector>

#include "core/analysis/KnowledgeBase.h"
#include "core/analysis/TextDocument.h"
#include "core/ner/NerModel.h"

using namespace dossier::core;

namespace {

const NerTagger& bundledTagger() {
    return NerTagger::bundled();
}

// "PER Angela Merkel" for each name the bundled tagger finds.
std::vector<std::string> namesIn(std::string_view text) {
    const NerTagger& tagger = bundledTagger();
    const TextDocument doc(text);
    std::vector<std::string> out;
    for (const NerName& n : tagger.tag(doc)) out.push_back(std::string(toString(n.cls)) + " " + std::string(doc.span(n.first, n.last)));
    return out;
}

// The sample articles bundled with the program (resources/samples).
std::vector<std::string> sampleArticles() {
    std::vector<std::string> out;
    const QDir samples(QStringLiteral(":/dossier/samples"));
    for (const QString& name : samples.entryList({QStringLiteral("*.txt")})) {
        QFile file(samples.filePath(name));
        if (file.open(QIODevice::ReadOnly)) out.push_back(file.readAll().toStdString());
    }
    return out;
}

bool has(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

constexpr NerLabel B(NerClass c) { return nerLabel(c, NerPart::Begin); }
constexpr NerLabel I(NerClass c) { return nerLabel(c, NerPart::Inside); }
constexpr NerLabel L(NerClass c) { return nerLabel(c, NerPart::Last); }
constexpr NerLabel U(NerClass c) { return nerLabel(c, NerPart::Unit); }

}  // namespace

TEST(NerLabel, OnlyWellFormedSequencesAreAllowed) {
    EXPECT_TRUE(nerAllowed(kNerOutside, B(NerClass::Per)));
    EXPECT_TRUE(nerAllowed(kNerOutside, U(NerClass::Loc)));
    EXPECT_FALSE(nerAllowed(kNerOutside, I(NerClass::Per)));  // nothing to continue
    EXPECT_FALSE(nerAllowed(kNerOutside, L(NerClass::Per)));
    EXPECT_TRUE(nerAllowed(B(NerClass::Org), I(NerClass::Org)));
    EXPECT_TRUE(nerAllowed(I(NerClass::Org), L(NerClass::Org)));
    EXPECT_FALSE(nerAllowed(B(NerClass::Org), L(NerClass::Per)));  // a name keeps its class
    EXPECT_FALSE(nerAllowed(B(NerClass::Org), kNerOutside));        // an open name must close
    EXPECT_TRUE(nerAllowed(L(NerClass::Org), B(NerClass::Per)));
    EXPECT_TRUE(nerAllowed(U(NerClass::Misc), kNerOutside));
}

TEST(NerLabel, BestLabelClosesNamesAtTheEndOfASentence) {
    std::array<int, kNerLabelCount> scores{};
    scores[I(NerClass::Per)] = 10;  // best, but must not be left open
    scores[L(NerClass::Per)] = 5;
    EXPECT_EQ(bestNerLabel(scores.data(), B(NerClass::Per), false), I(NerClass::Per));
    EXPECT_EQ(bestNerLabel(scores.data(), B(NerClass::Per), true), L(NerClass::Per));
    EXPECT_EQ(bestNerLabel(scores.data(), kNerOutside, false), kNerOutside);  // I and L cannot start a name
}

TEST(NerTagger, LabelsSpellNames) {
    const std::vector<NerLabel> labels{kNerOutside, B(NerClass::Per), L(NerClass::Per), kNerOutside,
                                       U(NerClass::Loc), B(NerClass::Org), I(NerClass::Org), L(NerClass::Org)};
    const auto names = NerTagger::names(labels);
    ASSERT_EQ(names.size(), 3u);
    EXPECT_EQ(names[0], (NerName{1, 3, NerClass::Per}));
    EXPECT_EQ(names[1], (NerName{4, 5, NerClass::Loc}));
    EXPECT_EQ(names[2], (NerName{5, 8, NerClass::Org}));
}

// Sentences written for this test, not taken from any corpus.
TEST(NerTagger, BundledModelFindsPeoplePlacesAndOrganisations) {
    const auto names = namesIn(
        "Finance Minister Olaf Brandt met Marta Kowalczyk in Warsaw on Tuesday.\n"
        "The European Central Bank left rates unchanged, a spokesman for Deutsche Bank said.\n"
        "Kowalczyk later flew to Nairobi for talks with the World Health Organization.");
    EXPECT_TRUE(has(names, "PER Olaf Brandt")) << testing::PrintToString(names);
    EXPECT_TRUE(has(names, "PER Marta Kowalczyk")) << testing::PrintToString(names);
    EXPECT_TRUE(has(names, "PER Kowalczyk")) << testing::PrintToString(names);
    EXPECT_TRUE(has(names, "LOC Warsaw")) << testing::PrintToString(names);
    EXPECT_TRUE(has(names, "LOC Nairobi")) << testing::PrintToString(names);
    EXPECT_TRUE(has(names, "ORG European Central Bank")) << testing::PrintToString(names);
    EXPECT_TRUE(has(names, "ORG Deutsche Bank")) << testing::PrintToString(names);
    EXPECT_TRUE(has(names, "ORG World Health Organization")) << testing::PrintToString(names);
    EXPECT_FALSE(has(names, "PER Tuesday")) << testing::PrintToString(names);
}

TEST(NerTagger, HeadlinesInCapitalsAreTaggedToo) {
    const auto names = namesIn("SOCCER - PORTUGAL BEAT NORWAY 2-0 IN LISBON .\nPortugal beat Norway in Lisbon on Sunday .");
    EXPECT_TRUE(has(names, "LOC LISBON")) << testing::PrintToString(names);
    EXPECT_TRUE(has(names, "LOC Lisbon")) << testing::PrintToString(names);
}

TEST(NerTagger, EveryLabelSequenceIsWellFormedAndInsideItsSentence) {
    const NerTagger tagger(NerModel::bundled(), KnowledgeBase::bundled());
    const TextDocument doc(
        "New York Governor Hal Price said . The United Nations Security Council met in Geneva , "
        "Switzerland , with Ms. Lee Soo-min of South Korea . \"We will see,\" said Price.");
    const auto labels = tagger.labels(doc);
    ASSERT_EQ(labels.size(), doc.tokens.size());
    NerLabel prev = kNerOutside;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const bool starts = i == doc.sentences[doc.sentenceOf[i]].first;
        EXPECT_TRUE(nerAllowed(starts ? kNerOutside : prev, labels[i])) << "token " << i;
        if (starts && i > 0) {
            EXPECT_TRUE(nerAllowed(prev, kNerOutside)) << "name open across sentences at " << i;
        }
        prev = labels[i];
    }
}

TEST(NerTagger, EmptyAndNamelessTextsHaveNoNames) {
    EXPECT_TRUE(namesIn("").empty());
    EXPECT_TRUE(namesIn("   \n\n ").empty());
    EXPECT_TRUE(namesIn("it rained all day and the river rose by two metres.").empty());
}

TEST(NerTagger, WordTableSumsEqualEveryFeatureTheTrainerSees) {
    // The tagger adds the word-alone features from sums made ahead, per word; the
    // trainer adds every feature one by one. Both must give every token the same scores,
    // or the model would be used on features it was not trained on. Texts with what
    // changes features: sentence edges, a headline in capitals, words beyond the word
    // table, non-ASCII letters, glued punctuation, numbers, names the knowledge base lists.
    const std::vector<std::string> texts = {
        "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .\nNadim Ladki\n",
        "AL-AIN , United Arab Emirates 1996-12-06\nJapan began the defence of their Asian Cup title.",
        "Zyqwv Brokkelund met Ms. Ørsted-Ådalen in Tromsø on Monday. \"Plutôt non,\" she said.",
        "The U.S. Federal Reserve's chair, Jerome Powell, spoke; rates rose 0.25% to 5.5%.",
        "x", ""};
    const NerTagger& tagger = bundledTagger();
    const NerFeatures features(KnowledgeBase::bundled());
    for (const std::string& text : texts) {
        const TextDocument doc(text);
        NerFeatureTable context;
        const auto fast = tagger.localScores(doc, context);
        const NerFeatureTable all = features.extract(doc);
        ASSERT_EQ(fast.size(), all.size()) << text;
        for (std::size_t i = 0; i < all.size(); ++i) {
            NerTagger::Scores reference{};
            NerModel::bundled().addTo(all.of(i), reference.data());
            EXPECT_EQ(fast[i], reference) << "token " << i << " '" << doc.word(i) << "' of: " << text;
            EXPECT_EQ(context.word[i], all.word[i]);
            EXPECT_EQ(context.shape[i], all.shape[i]);
            EXPECT_EQ(context.capitalized[i], all.capitalized[i]);
        }
    }
}

TEST(NerTagger, WordsBeyondTheTableScoreTheSameWhenMetAgain) {
    // Entries for words beyond the word table are kept by the thread from article to
    // article. Met again, a word must score as it did; and a tagger with another model
    // must not take the entries this thread made for the bundled one.
    const TextDocument doc("Zyqwv Brokkelund met Ørsted-Ådalen in Tromsø and Qqxv Brokkelund on Monday.");
    NerFeatureTable table;
    const auto first = bundledTagger().localScores(doc, table);
    const auto again = bundledTagger().localScores(doc, table);
    EXPECT_EQ(first, again);
    EXPECT_NE(first[0], NerTagger::Scores{}) << "the bundled model gives an unknown capitalised word some score";

    const NerModel empty(10);  // no weights: every score is 0
    const NerTagger other(empty, KnowledgeBase::bundled());
    for (const auto& scores : other.localScores(doc, table)) EXPECT_EQ(scores, NerTagger::Scores{});
    EXPECT_EQ(bundledTagger().localScores(doc, table), first) << "and back to the bundled model";
}

TEST(NerTagger, ScoringOnlyNearCapitalsChangesOnlyNamesThatRunIntoPlainWords) {
    // The tagger leaves unscored the words far from any capital, digit or non-ASCII
    // letter, as outside every name. Scoring every token must give the same labels,
    // except in a name that runs on into such words ("Euroclear, the depository"): the
    // shortcut ends it at its last word with a capital. The bundled sample articles, and texts where names run
    // through lower-case words: hyphenated given names, "-le-", "for the".
    std::vector<std::string> texts = {
        "Kim Young-hoon met Lee Jae-myung and Ata-ur-Rahman in Chester-le-Street on Monday; "
        "the London-based Organisation for the Prohibition of Chemical Weapons said nothing.",
        "the minister of state for foreign affairs said that the talks would go on for some time.",
        "prime minister narendra modi met president xi jinping in new delhi on tuesday."};
    for (const std::string& article : sampleArticles()) texts.push_back(article);
    ASSERT_GE(texts.size(), 7u) << "the bundled sample articles are missing";
    const NerTagger& tagger = bundledTagger();
    for (const std::string& text : texts) {
        const TextDocument doc(text);
        const auto scored = NerTagger::scoredTokens(doc);
        const auto near = tagger.labels(doc, NerTagger::Reach::NearCapitals);
        const auto every = tagger.labels(doc, NerTagger::Reach::EveryToken);
        ASSERT_EQ(near.size(), every.size());
        for (const NerName& name : NerTagger::names(every)) {
            const bool runsOn = std::count(scored.begin() + static_cast<long>(name.first),
                                           scored.begin() + static_cast<long>(name.last), 0) > 0;
            for (std::size_t i = name.first; i < name.last && !runsOn; ++i)
                EXPECT_EQ(int(near[i]), int(every[i])) << "token " << i << " '" << doc.word(i) << "'";
        }
        // Where they differ, the shortcut's name ends at a word with a capital.
        const auto everyNames = NerTagger::names(every);
        for (const NerName& name : NerTagger::names(near)) {
            const bool same = std::any_of(everyNames.begin(), everyNames.end(), [&](const NerName& e) {
                return e.first == name.first && e.last == name.last && e.cls == name.cls;
            });
            if (!same) {
                EXPECT_TRUE(scored[name.last - 1] & NerTagger::kCapitalLike)
                    << "'" << doc.span(name.first, name.last) << "' ends in a plain word";
            }
        }
        for (std::size_t i = 0; i < near.size(); ++i) {
            if (every[i] == kNerOutside) {
                EXPECT_EQ(int(near[i]), 0) << "token " << i << " '" << doc.word(i) << "'";
            }
        }
    }
    // The lower-case texts are scored everywhere: their capitals say nothing.
    const auto caseless = NerTagger::scoredTokens(TextDocument(texts[2]));
    EXPECT_TRUE(std::all_of(caseless.begin(), caseless.end(), [](std::uint8_t s) { return s & NerTagger::kScored; }));
    const auto plain = NerTagger::scoredTokens(TextDocument("Ms Lee said the talks would go on for some time."));
    EXPECT_EQ(std::count(plain.begin(), plain.end(), 0), 9) << "'the' to the full stop";
}

TEST(NerTagger, NamesNeverTakeInTheFullStopThatEndsTheirSentence) {
    // A sentence that ends on a name: the model may open the name on the last word and
    // then have to close it on the full stop ("with Novatech."). 71 mentions of 148 BBC
    // articles ended so before the decoder closed names ahead of the stop.
    std::vector<std::string> texts = {
        "Crucial shared the award for Online Vendor of the year with Novatech.\n",
        "The winger joined from Fulham. He had scored against Southampton! Was it Newcastle?",
        "Talks resumed in Geneva. Officials from the Netherlands and Kashmir attended."};
    for (const std::string& article : sampleArticles()) texts.push_back(article);
    for (const std::string& text : texts) {
        const TextDocument doc(text);
        for (const NerName& name : bundledTagger().tag(doc)) {
            const std::string_view last = doc.word(name.last - 1);
            EXPECT_TRUE(last != "." && last != "!" && last != "?") << "'" << doc.span(name.first, name.last) << "'";
        }
    }
    EXPECT_TRUE(has(namesIn(texts[0]), "ORG Novatech") || has(namesIn(texts[0]), "LOC Novatech"))
        << testing::PrintToString(namesIn(texts[0]));
}

TEST(NerTagger, BestLabelFromTheAllowedMaskIsThePlainRule) {
    // The plain rule: every label in turn, O first, a label only where it may follow,
    // the higher score wins and ties go to the earlier label.
    const auto plain = [](const std::array<int, kNerLabelCount>& s, NerLabel prev, bool ends) {
        NerLabel best = kNerOutside;
        for (NerLabel l = 1; l < kNerLabelCount; ++l) {
            if (!nerAllowed(prev, l)) continue;
            if (ends && (nerPartOf(l) == NerPart::Begin || nerPartOf(l) == NerPart::Inside)) continue;
            if (s[l] > s[best] || !nerAllowed(prev, best)) best = l;
        }
        return best;
    };
    std::uint32_t x = 12345;
    for (int round = 0; round < 20000; ++round) {
        std::array<int, kNerLabelCount> s{};
        for (int& v : s) {
            x ^= x << 13, x ^= x >> 17, x ^= x << 5;
            v = static_cast<int>(x % 7) - 3;  // few values: many ties
        }
        const auto prev = static_cast<NerLabel>(round % kNerLabelCount);
        const bool ends = (round / kNerLabelCount) % 2 == 1;
        ASSERT_EQ(bestNerLabel(s.data(), prev, ends), plain(s, prev, ends)) << "prev " << int(prev) << " ends " << ends;
    }
}
