#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <string_view>
#include <vector>

namespace dossier::core {
struct Entity;
struct Relation;
}  // namespace dossier::core

namespace dossier::ui {

class ArticleDocument;

// The open article's relations, one row each, for the Relations panel's table and
// graph. Rows follow the order of analysis().relations, so a row number names the
// same relation in the table (through its proxy), in the graph and in the analysis.
class RelationsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SourceColumn, TypeColumn, TargetColumn, WhenColumn, EvidenceColumn, ColumnCount };
    enum Role {
        SourceIdRole = Qt::UserRole + 1,  // QString entity id
        TargetIdRole,
        EvidenceStartRole,  // qint64 code points
        EvidenceEndRole,
        TypeRole,  // the vocabulary word, e.g. "meets"
        SortRole,  // what the panel's proxy sorts by (dates by value, names without case)
    };

    explicit RelationsModel(ArticleDocument* document, QObject* parent = nullptr);

    const ArticleDocument* document() const { return document_; }
    const core::Relation* relationAt(int row) const;
    // The entity of a relation's end, or null when the analysis no longer has it.
    const core::Entity* entity(const QString& id) const;
    // "Lee Jae Myung\nperson — President, South Korea"
    QString entityToolTip(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // A TimeML value as people write it: "2026-01-05" -> "5 Jan 2026", "2025-11" ->
    // "Nov 2025", "19" -> "20th century"; empty -> "—". Unknown forms come back as they are.
    static QString formatWhen(const QString& value);
    // meets, tension, ally and trade hold both ways and are stored once per pair.
    static bool isSymmetric(std::string_view type);
    // One line on what a relation type means, from docs/relations.md.
    static QString describeType(std::string_view type);

public Q_SLOTS:
    void rebuild();

private:
    // Strings are made once per rebuild: sorting and painting ask for them often.
    struct Row {
        QString sourceId, targetId, source, target, type, typeText, when, whenValue, evidence;
        qint64 start = 0, end = 0;
    };

    QString entityName(const QString& id) const;

    ArticleDocument* document_;
    std::vector<Row> rows_;
};

}  // namespace dossier::ui
