#pragma once

// Scores the analyzer's time expressions against TimeML (.tml) files the TempEval-3
// way: extents relaxed (any overlap) and strict (same extent), then type and value
// judged on the relaxed matches; the headline is value F1 = value accuracy × relaxed F1.

#include "core/model/Analysis.h"
#include "core/model/Date.h"

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::core {

class Analyzer;

struct TimemlTimex {
    Span span;  // code points in the document's text
    std::string text;
    std::string type;  // DATE, TIME, DURATION, SET
    std::string value;
};

// The text inside <TEXT> with every tag stripped, exactly as the analyzer will see it.
struct TimemlDocument {
    std::string name;
    std::string text;
    std::string dct;                // the DCT TIMEX3's value, e.g. 1998-01-08
    std::optional<Date> published;  // its day, given to the analyzer
    std::vector<TimemlTimex> gold;
};

// TempEval-3 counts each side separately: precision is the share of predictions that
// match some gold expression, recall the share of gold expressions some prediction matches.
struct TimemlScore {
    std::size_t gold = 0;
    std::size_t predicted = 0;
    std::size_t relaxedGold = 0;  // gold overlapped by a prediction
    std::size_t relaxedPredicted = 0;
    std::size_t strictGold = 0;  // gold with a prediction of identical extent
    std::size_t strictPredicted = 0;
    std::size_t typeCorrect = 0;  // among relaxed-matched gold, against the best-matching prediction
    std::size_t valueCorrect = 0;

    double relaxedPrecision() const;
    double relaxedRecall() const;
    double relaxedF1() const;
    double strictPrecision() const;
    double strictRecall() const;
    double strictF1() const;
    double typeAccuracy() const;
    double valueAccuracy() const;
    double valueF1() const { return valueAccuracy() * relaxedF1(); }
    TimemlScore& operator+=(const TimemlScore& other);
};

// One mistake, for --errors.
struct TimemlError {
    enum class Kind { Missed, Spurious, WrongValue };
    Kind kind = Kind::Missed;
    std::size_t document = 0;
    std::optional<TimemlTimex> gold;
    std::optional<TimemlTimex> predicted;
};

struct TimemlReport {
    TimemlScore score;
    std::size_t documents = 0;
    double seconds = 0;
    std::vector<TimemlError> errors;
};

class TimemlEvaluation {
public:
    // Throws std::runtime_error naming the document when the XML is malformed or has no <TEXT>.
    static TimemlDocument parse(std::string_view xml, const std::string& name);
    // Every *.tml under dir, recursively, in path order; names are relative to dir.
    static std::vector<TimemlDocument> readFolder(const std::string& dir);

    static std::vector<TimemlTimex> predictions(const Analysis& analysis);

    static TimemlScore score(const TimemlDocument& doc, const std::vector<TimemlTimex>& predicted,
                             std::vector<TimemlError>* errors = nullptr, std::size_t documentIndex = 0);

    static TimemlReport evaluate(const std::vector<TimemlDocument>& documents, const Analyzer& analyzer);

    static void print(std::ostream& out, const TimemlReport& report,
                      const std::vector<TimemlDocument>& documents, std::size_t errorSamples);
};

}  // namespace dossier::core
