#include "ui/panels/RelationsModel.h"

#include "core/model/Analysis.h"
#include "ui/ArticleDocument.h"

#include <QRegularExpression>

#include <array>

using namespace Qt::StringLiterals;

namespace dossier::ui {
namespace {

QString ordinal(int n) {
    const int lastTwo = n % 100;
    const int last = n % 10;
    const char16_t* suffix = u"th";
    if (lastTwo < 11 || lastTwo > 13) {
        if (last == 1)
            suffix = u"st";
        else if (last == 2)
            suffix = u"nd";
        else if (last == 3)
            suffix = u"rd";
    }
    return QString::number(n) + QStringView(suffix);
}

// English abbreviations rather than the system locale's: the rest of the window is
// English, and a fixed form keeps tables comparable between machines.
QString monthName(int month) {
    static const std::array<QString, 12> names = {u"Jan"_s, u"Feb"_s, u"Mar"_s, u"Apr"_s, u"May"_s, u"Jun"_s,
                                                  u"Jul"_s, u"Aug"_s, u"Sep"_s, u"Oct"_s, u"Nov"_s, u"Dec"_s};
    return month >= 1 && month <= 12 ? names[static_cast<std::size_t>(month - 1)] : QString::number(month);
}

QString partName(QStringView code) {
    if (code == u"MO") return u"morning"_s;
    if (code == u"AF") return u"afternoon"_s;
    if (code == u"EV") return u"evening"_s;
    if (code == u"NI") return u"night"_s;
    if (code == u"DT") return u"daytime"_s;
    if (code == u"SP") return u"spring"_s;
    if (code == u"SU") return u"summer"_s;
    if (code == u"FA") return u"autumn"_s;
    if (code == u"WI") return u"winter"_s;
    if (code == u"WE") return u"weekend"_s;
    return {};
}

}  // namespace

RelationsModel::RelationsModel(ArticleDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document) {
    connect(document_, &ArticleDocument::opened, this, &RelationsModel::rebuild);
    connect(document_, &ArticleDocument::analysisChanged, this, &RelationsModel::rebuild);
    rebuild();
}

void RelationsModel::rebuild() {
    beginResetModel();
    rows_.clear();
    if (document_->isOpen()) {
        const QString& text = document_->text();
        const core::Utf16Offsets& offsets = document_->offsets();
        for (const core::Relation& r : document_->analysis().relations) {
            Row row;
            row.sourceId = QString::fromStdString(r.source);
            row.targetId = QString::fromStdString(r.target);
            row.source = entityName(row.sourceId);
            row.target = entityName(row.targetId);
            row.type = QString::fromStdString(r.type);
            row.typeText = QString(row.type).replace(u'_', u' ');  // "member of" reads better
            row.whenValue = QString::fromStdString(r.when);
            row.when = formatWhen(row.whenValue);
            row.start = r.evidence.start;
            row.end = r.evidence.end;
            const qsizetype from = offsets.toUtf16(r.evidence.start);
            const qsizetype to = offsets.toUtf16(r.evidence.end);
            // A sentence may run over a line break; the table shows one line.
            row.evidence = text.mid(from, to - from).simplified();
            rows_.push_back(std::move(row));
        }
    }
    endResetModel();
}

const core::Relation* RelationsModel::relationAt(int row) const {
    if (!document_->isOpen()) return nullptr;
    const auto& relations = document_->analysis().relations;
    if (row < 0 || static_cast<std::size_t>(row) >= relations.size()) return nullptr;
    return &relations[static_cast<std::size_t>(row)];
}

const core::Entity* RelationsModel::entity(const QString& id) const {
    return document_->isOpen() ? document_->entity(id.toStdString()) : nullptr;
}

QString RelationsModel::entityName(const QString& id) const {
    const core::Entity* e = entity(id);
    return e ? QString::fromStdString(e->name) : id;
}

QString RelationsModel::entityToolTip(const QString& id) const {
    const core::Entity* e = entity(id);
    if (!e) return id;
    QString details = QString::fromStdString(e->role);
    if (!e->country.empty())
        details += (details.isEmpty() ? QString() : u", "_s) + QString::fromStdString(e->country);
    QString tip = QString::fromStdString(e->name) + u'\n' + QString::fromLatin1(core::toString(e->type));
    if (!details.isEmpty()) tip += u" — "_s + details;
    if (!e->standsFor.empty()) tip += u"\nstands for "_s + QString::fromStdString(e->standsFor);
    return tip;
}

int RelationsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int RelationsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RelationsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row& row = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
        case SourceIdRole:
            return row.sourceId;
        case TargetIdRole:
            return row.targetId;
        case EvidenceStartRole:
            return QVariant::fromValue(row.start);
        case EvidenceEndRole:
            return QVariant::fromValue(row.end);
        case TypeRole:
            return row.type;
        default:
            break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (column) {
            case SourceColumn:
                return row.source;
            case TypeColumn:
                return row.typeText;
            case TargetColumn:
                return row.target;
            // Undated relations sort before dated ones, dates in time order.
            case WhenColumn:
                return role == SortRole ? row.whenValue : row.when;
            case EvidenceColumn:
                return row.evidence;
            default:
                return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
            case SourceColumn:
                return entityToolTip(row.sourceId);
            case TargetColumn:
                return entityToolTip(row.targetId);
            case TypeColumn:
                return describeType(row.type.toStdString());
            case WhenColumn:
                return row.whenValue.isEmpty() ? tr("The sentence names no date")
                                               : tr("TimeML value %1").arg(row.whenValue);
            // Rich text, so that a long sentence wraps instead of running off the screen.
            case EvidenceColumn:
                return QString(u"<p>"_s + row.evidence.toHtmlEscaped() + u"</p>"_s);
            default:
                return {};
        }
    }
    return {};
}

QVariant RelationsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case SourceColumn:
            return tr("Source");
        case TypeColumn:
            return tr("Type");
        case TargetColumn:
            return tr("Target");
        case WhenColumn:
            return tr("When");
        case EvidenceColumn:
            return tr("Evidence");
        default:
            return {};
    }
}

QString RelationsModel::formatWhen(const QString& value) {
    if (value.isEmpty()) return u"—"_s;
    if (value == u"PRESENT_REF") return u"now"_s;
    if (value == u"PAST_REF") return u"in the past"_s;
    if (value == u"FUTURE_REF") return u"in the future"_s;

    // Calendar dates, optionally with a time or part of the day: 2026-01-05T14:30, 2026-01-05TMO.
    static const QRegularExpression date(
        uR"(^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}:\d{2})|T([A-Z]{2}))?$)"_s);
    if (const auto m = date.match(value); m.hasMatch()) {
        const QString year = m.captured(1);
        if (!m.hasCaptured(2)) return year;
        const QString month = monthName(m.captured(2).toInt());
        if (!m.hasCaptured(3)) return month + u' ' + year;
        QString out = QString::number(m.captured(3).toInt()) + u' ' + month + u' ' + year;
        if (m.hasCaptured(4))
            out += u", "_s + m.captured(4);
        else if (const QString part = partName(m.captured(5)); !part.isEmpty())
            out += u", "_s + part;
        return out;
    }
    static const QRegularExpression week(uR"(^(\d{4})-W(\d{2})(?:-(WE))?$)"_s);
    if (const auto m = week.match(value); m.hasMatch()) {
        const QString base = u"week "_s + QString::number(m.captured(2).toInt()) + u", "_s + m.captured(1);
        return m.hasCaptured(3) ? u"weekend of "_s + base : base;
    }
    static const QRegularExpression season(uR"(^(\d{4})-(SP|SU|FA|WI)$)"_s);
    if (const auto m = season.match(value); m.hasMatch())
        return partName(m.captured(2)) + u' ' + m.captured(1);
    static const QRegularExpression quarter(uR"(^(\d{4})-([QH]\d)$)"_s);
    if (const auto m = quarter.match(value); m.hasMatch()) return m.captured(2) + u' ' + m.captured(1);
    static const QRegularExpression decade(uR"(^(\d{3})$)"_s);
    if (const auto m = decade.match(value); m.hasMatch()) return m.captured(1) + u"0s"_s;
    static const QRegularExpression century(uR"(^(\d{2})$)"_s);
    if (const auto m = century.match(value); m.hasMatch())
        return ordinal(m.captured(1).toInt() + 1) + u" century"_s;
    return value;
}

bool RelationsModel::isSymmetric(std::string_view type) {
    return type == "meets" || type == "tension" || type == "ally" || type == "trade";
}

QString RelationsModel::describeType(std::string_view type) {
    if (type == "meets") return tr("Two people meet or hold talks");
    if (type == "visits") return tr("A person travels to a place");
    if (type == "leads") return tr("Holds the office that heads a state or government");
    if (type == "member_of") return tr("Works for or belongs to an organisation");
    if (type == "ally") return tr("Allied countries");
    if (type == "tension") return tr("Conflict, dispute or strained relations");
    if (type == "supports") return tr("Backs a country, policy or person");
    if (type == "criticizes") return tr("Criticism or condemnation");
    if (type == "claims") return tr("A territorial claim");
    if (type == "trade") return tr("Countries trading");
    if (type == "predecessor") return tr("Held the office before the other");
    return QString::fromUtf8(type.data(), static_cast<qsizetype>(type.size()));
}

}  // namespace dossier::ui
