#pragma once

#include <QDialog>
#include <QString>
#include <QStringList>

#include <optional>

class QButtonGroup;
class QHBoxLayout;
class QLineEdit;
class QPlainTextEdit;

namespace dossier::ui {

// Colour, note and tags of an annotation, for a new one as for an edit. Use ask()
// for a modal question, or construct it, open() it and read values() on accepted
// (what the tests do, without a nested event loop).
class AnnotationDialog : public QDialog {
    Q_OBJECT
public:
    struct Result {
        QString color = defaultColor();
        QString note;
        QStringList tags;  // without '#'
        friend bool operator==(const Result&, const Result&) = default;
    };
    struct Swatch {
        QString color;  // "#rrggbb"
        QString name;   // for the tooltip and screen readers
    };

    // Highlight colours light enough for black text, strong enough to show on a
    // dark window; the first is the default.
    static const QList<Swatch>& swatches();
    static QString defaultColor();
    // "a, #b ,, c" -> {"a", "b", "c"}: comma-separated, '#' optional, no repeats.
    static QStringList parseTags(const QString& text);

    AnnotationDialog(const QString& quote, const Result& initial, QWidget* parent = nullptr);

    // Modal; nothing when the reader cancels.
    static std::optional<Result> ask(QWidget* parent, const QString& quote, const Result& initial,
                                     const QString& title = {});

    // Named values() and not result(), which QDialog uses for the accept code.
    Result values() const;
    void setValues(const Result& values);
    QString color() const;
    void setColor(const QString& color);  // a colour outside the palette gets its own swatch

private:
    int addSwatch(const QString& color, const QString& name);
    QButtonGroup* colors_;
    QHBoxLayout* swatchRow_;
    QStringList colorOfButton_;  // by button id
    QPlainTextEdit* note_;
    QLineEdit* tags_;
};

}  // namespace dossier::ui
