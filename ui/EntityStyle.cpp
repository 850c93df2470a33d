#include "ui/EntityStyle.h"

#include <QCoreApplication>

namespace dossier::ui {

namespace {
bool dark(const QPalette& p) { return p.color(QPalette::Base).lightness() < 128; }
}  // namespace

QColor EntityStyle::colour(core::EntityType type) {
    switch (type) {
        case core::EntityType::Person: return QColor(0x42, 0x85, 0xf4);
        case core::EntityType::Country: return QColor(0x0f, 0x9d, 0x58);
        case core::EntityType::Place: return QColor(0x00, 0xac, 0xc1);
        case core::EntityType::Organization: return QColor(0xab, 0x47, 0xbc);
        case core::EntityType::Policy: return QColor(0xf4, 0xa0, 0x00);
        case core::EntityType::Other: break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

QString EntityStyle::typeName(core::EntityType type) {
    switch (type) {
        case core::EntityType::Person: return QCoreApplication::translate("EntityStyle", "Person");
        case core::EntityType::Country: return QCoreApplication::translate("EntityStyle", "Country");
        case core::EntityType::Place: return QCoreApplication::translate("EntityStyle", "Place");
        case core::EntityType::Organization: return QCoreApplication::translate("EntityStyle", "Organisation");
        case core::EntityType::Policy: return QCoreApplication::translate("EntityStyle", "Policy");
        case core::EntityType::Other: break;
    }
    return QCoreApplication::translate("EntityStyle", "Other");
}

QTextCharFormat EntityStyle::mentionFormat(const core::Entity& e, const QPalette& palette) {
    QTextCharFormat f;
    QColor tint = colour(e.type);
    tint.setAlpha(dark(palette) ? 70 : 45);
    f.setBackground(tint);
    f.setUnderlineColor(colour(e.type));
    switch (e.type) {
        case core::EntityType::Person: f.setUnderlineStyle(QTextCharFormat::SingleUnderline); break;
        case core::EntityType::Country: f.setUnderlineStyle(QTextCharFormat::DashUnderline); break;
        case core::EntityType::Place: f.setUnderlineStyle(QTextCharFormat::DotLine); break;
        case core::EntityType::Organization: f.setUnderlineStyle(QTextCharFormat::WaveUnderline); break;
        default: f.setUnderlineStyle(QTextCharFormat::DashDotLine); break;
    }
    QString tip = QStringLiteral("<b>%1</b> — %2").arg(QString::fromStdString(e.name).toHtmlEscaped(), typeName(e.type));
    if (!e.role.empty()) tip += QStringLiteral("<br>") + QString::fromStdString(e.role).toHtmlEscaped();
    if (!e.country.empty() && e.type != core::EntityType::Country)
        tip += QStringLiteral("<br>") + QString::fromStdString(e.country).toHtmlEscaped();
    if (!e.standsFor.empty())
        tip += QStringLiteral("<br>") + QCoreApplication::translate("EntityStyle", "also stands for the government of %1")
                                            .arg(QString::fromStdString(e.standsFor).toHtmlEscaped());
    f.setToolTip(tip);
    return f;
}

QTextCharFormat EntityStyle::timexFormat(const core::Timex& t, const QPalette& palette) {
    QTextCharFormat f;
    f.setForeground(dark(palette) ? QColor(0xff, 0xb7, 0x4d) : QColor(0x8d, 0x55, 0x24));
    f.setUnderlineStyle(QTextCharFormat::DotLine);
    f.setUnderlineColor(f.foreground().color());
    const QString value = QString::fromStdString(t.value.empty() ? t.relative : t.value);
    f.setToolTip(QCoreApplication::translate("EntityStyle", "Time: %1 (%2)")
                     .arg(value.isEmpty() ? QStringLiteral("?") : value, QString::fromUtf8(core::toString(t.type).data())));
    return f;
}

QTextCharFormat EntityStyle::selectedFormat(const QPalette& palette) {
    QTextCharFormat f;
    f.setBackground(dark(palette) ? QColor(0x8d, 0x6e, 0x00) : QColor(0xff, 0xe0, 0x82));
    f.setFontWeight(QFont::Bold);
    f.setProperty(kSelectedProperty, true);
    return f;
}

}  // namespace dossier::ui
