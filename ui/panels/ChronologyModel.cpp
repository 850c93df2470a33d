#include "ui/panels/ChronologyModel.h"

#include <QLocale>

#include <algorithm>
#include <charconv>

#include "core/analysis/TimexTagger.h"
#include "core/model/Analysis.h"
#include "ui/ArticleDocument.h"

using namespace Qt::StringLiterals;

namespace dossier::ui {

namespace {

QDate toQDate(const core::Date& d) { return QDate(d.year(), static_cast<int>(d.month()), static_cast<int>(d.day())); }

bool allDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
    int n = 0;
    std::from_chars(s.data(), s.data() + s.size(), n);
    return n;
}

// "199X" and "19XX" are the decade and the century, as dayRangeOf reads them.
std::string_view withoutPlaceholders(std::string_view v) {
    if (v.size() == 4 && v.ends_with('X')) return v.substr(0, v.find('X'));
    return v;
}

// Month names in English whatever the system locale: the whole reader is in English.
QString monthShort(int month) { return QLocale::c().monthName(month, QLocale::ShortFormat); }

QString dayText(const QDate& d) { return u"%1 %2 %3"_s.arg(d.day()).arg(monthShort(d.month())).arg(d.year()); }

QString ordinal(int n) {
    const int tens = n % 100;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    return QString::number(n) + QLatin1StringView(suffix);
}

QString timeOfDay(std::string_view t) {
    if (t == "MO") return u"morning"_s;
    if (t == "MI") return u"midday"_s;
    if (t == "AF") return u"afternoon"_s;
    if (t == "EV") return u"evening"_s;
    if (t == "NI") return u"night"_s;
    if (t == "DT") return u"daytime"_s;
    return QString::fromUtf8(t.data(), static_cast<qsizetype>(t.size())).left(5);  // "15:00"
}

// "1957" needs no "← 1957", nor "2000s" a "← the 2000s".
bool saysTheSame(QString expression, const QString& label) {
    if (expression.startsWith(u"the "_s, Qt::CaseInsensitive)) expression.remove(0, 4);
    return expression.isEmpty() || expression.compare(label, Qt::CaseInsensitive) == 0;
}

}  // namespace

ChronologyModel::ChronologyModel(ArticleDocument* document, Events events, QObject* parent)
    : QAbstractListModel(parent), document_(document), events_(events) {
    connect(document, &ArticleDocument::opened, this, &ChronologyModel::rebuild);
    connect(document, &ArticleDocument::analysisChanged, this, &ChronologyModel::rebuild);
    rebuild();
}

ChronologyModel::Granularity ChronologyModel::granularityOf(std::string_view value) {
    const std::string_view v = withoutPlaceholders(value);
    if (v.size() == 2 && allDigits(v)) return Granularity::Century;
    if (v.size() == 3 && allDigits(v)) return Granularity::Decade;
    if (v.size() < 4 || !allDigits(v.substr(0, 4))) return Granularity::Unknown;
    if (v.size() == 4) return Granularity::Year;
    if (v[4] != '-') return Granularity::Unknown;
    const std::string_view rest = v.substr(5);
    if (rest.size() == 2 && allDigits(rest)) return Granularity::Month;
    if (rest.size() >= 5 && allDigits(rest.substr(0, 2)) && rest[2] == '-' && allDigits(rest.substr(3, 2)))
        return Granularity::Day;  // with or without a time of day
    if (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI") return Granularity::Season;  // before weeks: "WI"
    if (rest.starts_with('W')) return rest.ends_with("-WE") ? Granularity::Weekend : Granularity::Week;
    if (rest == "Q1" || rest == "Q2" || rest == "Q3" || rest == "Q4") return Granularity::Quarter;
    if (rest == "H1" || rest == "H2") return Granularity::Half;
    return Granularity::Unknown;
}

QString ChronologyModel::granularityName(Granularity granularity) {
    switch (granularity) {
    case Granularity::Day: return tr("day");
    case Granularity::Week: return tr("week");
    case Granularity::Weekend: return tr("weekend");
    case Granularity::Month: return tr("month");
    case Granularity::Season: return tr("season");
    case Granularity::Quarter: return tr("quarter");
    case Granularity::Half: return tr("half year");
    case Granularity::Year: return tr("year");
    case Granularity::Decade: return tr("decade");
    case Granularity::Century: return tr("century");
    case Granularity::Unknown: break;
    }
    return tr("period");
}

QString ChronologyModel::dateLabel(std::string_view value) {
    const std::string_view v = withoutPlaceholders(value);
    const auto range = core::dayRangeOf(value);
    const QString raw = QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
    if (!range) return raw;
    const QDate first = toQDate(range->first);
    const QDate last = toQDate(range->last);
    switch (granularityOf(value)) {
    case Granularity::Century: return tr("%1 century").arg(ordinal(number(v) + 1));
    case Granularity::Decade: return u"%1s"_s.arg(number(v) * 10);
    case Granularity::Year: return QString::number(first.year());
    case Granularity::Month: return u"%1 %2"_s.arg(monthShort(first.month())).arg(first.year());
    case Granularity::Day: {
        const QString day = dayText(first);
        const std::size_t t = v.find('T');
        return t == std::string_view::npos ? day : day + u", "_s + timeOfDay(v.substr(t + 1));
    }
    case Granularity::Week: return tr("week of %1").arg(dayText(first));
    case Granularity::Weekend:
        return first.month() == last.month() ? u"%1–%2"_s.arg(first.day()).arg(dayText(last))
                                             : u"%1 – %2"_s.arg(dayText(first), dayText(last));
    case Granularity::Quarter: return u"%1 %2"_s.arg(raw.mid(5), raw.left(4));
    case Granularity::Half: return (v.ends_with('1') ? tr("first half of %1") : tr("second half of %1")).arg(first.year());
    case Granularity::Season: {
        const std::string_view s = v.substr(5);
        if (s == "WI") return tr("winter %1–%2").arg(first.year()).arg(last.year() % 100, 2, 10, QLatin1Char('0'));
        return (s == "SP" ? tr("spring %1") : s == "SU" ? tr("summer %1") : tr("autumn %1")).arg(first.year());
    }
    case Granularity::Unknown: break;
    }
    return raw;
}

void ChronologyModel::rebuild() {
    beginResetModel();
    rows_.clear();
    if (document_->isOpen()) {
        const auto& list = events_ == Events::Dated ? document_->analysis().chronology : document_->analysis().background;
        for (const core::ChronologyEvent& e : list) {
            Row r;
            r.when = QString::fromStdString(e.when);
            r.expression = QString::fromStdString(e.timexText);
            r.text = QString::fromStdString(e.text);
            r.start = e.evidence.start;
            r.end = e.evidence.end;
            for (const std::string& id : e.entities) {
                r.entities << QString::fromStdString(id);
                const core::Entity* entity = document_->entity(id);
                r.names << QString::fromStdString(entity ? entity->name : id);
            }
            if (events_ == Events::Dated) {
                r.granularity = granularityOf(e.when);
                r.dateLabel = dateLabel(e.when);
                // The arrow reads "resolved from": "7 Mar 2025 ← Friday".
                r.label = saysTheSame(r.expression, r.dateLabel) ? r.dateLabel : r.dateLabel + u" ← "_s + r.expression;
                if (const auto range = core::dayRangeOf(e.when)) {
                    r.first = toQDate(range->first);
                    r.last = toQDate(range->last);
                }
            }
            rows_.push_back(std::move(r));
        }
        if (events_ == Events::Dated) placeOnAxis();
    }
    endResetModel();
}

// Year headings, empty stretches and the publication date, from the rows in order.
void ChronologyModel::placeOnAxis() {
    const std::optional<core::Date> published = document_->article().meta.published;
    const qint64 publishedKey = published ? 2 * toQDate(*published).toJulianDay() : 0;
    // Years from the end of everything before to each row; only the unusual ones are worth a
    // mark, or a council meeting every four years would put "4 years later" on every row.
    std::vector<int> gaps(rows_.size(), 0);
    QDate coveredUntil;  // the latest day of everything so far
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (!rows_[i].first.isValid()) continue;
        if (coveredUntil.isValid()) gaps[i] = std::max(0, rows_[i].first.year() - coveredUntil.year());
        if (!coveredUntil.isValid() || rows_[i].last > coveredUntil) coveredUntil = rows_[i].last;
    }
    std::vector<int> sorted = gaps;
    std::sort(sorted.begin(), sorted.end());
    const int usualGap = sorted.empty() ? 0 : sorted[sorted.size() / 2];

    int previousYear = 0;
    bool markerPlaced = false;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        Row& r = rows_[i];
        if (!r.first.isValid()) continue;
        const int year = r.first.year();
        const bool finerThanYear = r.granularity < Granularity::Year;
        if (i == 0 || year > previousYear) {
            r.newYear = i > 0;
            if (finerThanYear) r.heading = QString::number(year);
        }
        if (gaps[i] >= 2 && (gaps[i] >= 10 || gaps[i] > 2 * usualGap)) r.gapYears = gaps[i];
        previousYear = std::max(previousYear, year);
        if (published) {
            r.afterPublished = r.first > toQDate(*published);
            if (!markerPlaced && r.first.toJulianDay() + r.last.toJulianDay() > publishedKey) {
                r.marker = MarkerAbove;
                markerPlaced = true;
            }
        }
    }
    if (published && !markerPlaced && !rows_.empty()) rows_.back().marker = MarkerBelow;
}

int ChronologyModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant ChronologyModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole: return events_ == Events::Dated ? r.label : r.text;
    case Qt::ToolTipRole:
        if (events_ == Events::Background) return r.text;
        return tr("“%1” → %2 (a %3)\n%4")
            .arg(r.expression, r.dateLabel, granularityName(r.granularity), r.text);
    case WhenRole: return r.when;
    case DateLabelRole: return r.dateLabel;
    case ExpressionRole: return r.expression;
    case LabelRole: return r.label;
    case TextRole: return r.text;
    case EntitiesRole: return r.entities;
    case EntityNamesRole: return r.names;
    case EvidenceStartRole: return r.start;
    case EvidenceEndRole: return r.end;
    case FirstDayRole: return r.first;
    case LastDayRole: return r.last;
    case SortKeyRole: return r.first.isValid() ? r.first.toJulianDay() + r.last.toJulianDay() : QVariant();
    case GranularityRole: return static_cast<int>(r.granularity);
    case HeadingRole: return r.heading;
    case NewYearRole: return r.newYear;
    case GapYearsRole: return r.gapYears;
    case AfterPublishedRole: return r.afterPublished;
    case PublishedMarkerRole: return static_cast<int>(r.marker);
    case HighlightedRole: return !highlighted_.isEmpty() && r.entities.contains(highlighted_);
    default: return {};
    }
}

QHash<int, QByteArray> ChronologyModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names.insert({{WhenRole, "when"}, {DateLabelRole, "dateLabel"}, {ExpressionRole, "expression"},
                  {LabelRole, "label"}, {TextRole, "text"}, {EntitiesRole, "entities"},
                  {EntityNamesRole, "entityNames"}, {EvidenceStartRole, "evidenceStart"},
                  {EvidenceEndRole, "evidenceEnd"}, {FirstDayRole, "firstDay"}, {LastDayRole, "lastDay"},
                  {SortKeyRole, "sortKey"}, {GranularityRole, "granularity"}, {HeadingRole, "heading"},
                  {NewYearRole, "newYear"}, {GapYearsRole, "gapYears"}, {AfterPublishedRole, "afterPublished"},
                  {PublishedMarkerRole, "publishedMarker"}, {HighlightedRole, "highlighted"}});
    return names;
}

void ChronologyModel::setHighlightedEntity(const QString& entityId) {
    if (entityId == highlighted_) return;
    highlighted_ = entityId;
    if (!rows_.empty()) Q_EMIT dataChanged(index(0), index(rowCount() - 1), {HighlightedRole});
}

QModelIndex ChronologyModel::firstInvolving(const QString& entityId) const {
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].entities.contains(entityId)) return index(static_cast<int>(i));
    return {};
}

}  // namespace dossier::ui
