#pragma once

#include <QAbstractListModel>
#include <QDate>
#include <QString>
#include <QStringList>

#include <string_view>
#include <vector>

namespace dossier::ui {

class ArticleDocument;

// The chronology of the open article as list rows: either its dated events, in date
// order, or its undated background (sentences relating entities but naming no date).
// Besides the event itself each dated row carries what a time axis needs, worked out
// here once per analysis so the painting code stays free of date arithmetic: the day
// range, its granularity, where a new year starts, how many empty years were skipped
// and where the publication date falls.
class ChronologyModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum class Events { Dated, Background };

    enum class Granularity { Day, Week, Weekend, Month, Season, Quarter, Half, Year, Decade, Century, Unknown };
    Q_ENUM(Granularity)

    // Where the publication date sits relative to a row.
    enum PublishedMarker { NoMarker, MarkerAbove, MarkerBelow };

    enum Role {
        WhenRole = Qt::UserRole + 1,  // TimeML value, "2025-03-07"; empty for background
        DateLabelRole,                // the resolved date in words, "7 Mar 2025"
        ExpressionRole,               // as the text says it, "Friday"
        LabelRole,                    // "7 Mar 2025 ← Friday" (just "1957" when both say the same)
        TextRole,                     // the sentence
        EntitiesRole,                 // QStringList of entity ids
        EntityNamesRole,              // QStringList of their names, same order
        EvidenceStartRole,            // qint64 code points of the sentence
        EvidenceEndRole,
        FirstDayRole,     // QDate: the day range the value covers (dayRangeOf)
        LastDayRole,      // QDate
        SortKeyRole,      // qint64: first + last Julian day, the order of the chronology
        GranularityRole,  // int, Granularity
        HeadingRole,      // the year, on the first row of a year finer than a year; else empty
        NewYearRole,      // bool: this row starts a later year than the rows before it
        GapYearsRole,     // int: years since the end of everything before, when whole years are empty and that is unusual here
        AfterPublishedRole,  // bool: the whole range lies after the publication date
        PublishedMarkerRole,  // int, PublishedMarker
        HighlightedRole,      // bool: involves the highlighted entity
    };

    explicit ChronologyModel(ArticleDocument* document, Events events = Events::Dated, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Events events() const { return events_; }
    // Marks the rows that involve the entity (empty: none).
    void setHighlightedEntity(const QString& entityId);
    QString highlightedEntity() const { return highlighted_; }
    QModelIndex firstInvolving(const QString& entityId) const;

    // "7 Mar 2025", "Nov 2025", "spring 2025", "2010s", "20th century"; the value itself when unknown.
    static QString dateLabel(std::string_view timemlValue);
    static Granularity granularityOf(std::string_view timemlValue);
    static QString granularityName(Granularity granularity);  // "day", "month", ...

private:
    struct Row {
        QString when, dateLabel, expression, label, text;
        QStringList entities, names;
        qint64 start = 0, end = 0;
        QDate first, last;
        Granularity granularity = Granularity::Unknown;
        QString heading;
        bool newYear = false;
        int gapYears = 0;
        bool afterPublished = false;
        PublishedMarker marker = NoMarker;
    };

    void rebuild();
    void placeOnAxis();

    ArticleDocument* document_;
    Events events_;
    std::vector<Row> rows_;
    QString highlighted_;
};

}  // namespace dossier::ui
