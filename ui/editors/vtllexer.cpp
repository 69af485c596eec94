#include "vtllexer.h"

#include <QApplication>
#include <QPalette>
#include <Qsci/qsciscintilla.h>

namespace gw::ui {

VtlLexer::VtlLexer(QObject *parent) : QsciLexerCustom(parent)
{
    const QPalette palette = QApplication::palette();
    setDefaultPaper(palette.color(QPalette::Base));
    setPaper(palette.color(QPalette::Base));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    setDefaultFont(mono);
    setFont(mono);
}

QString VtlLexer::description(int style) const
{
    switch (style) {
    case Default: return tr("Text");
    case Directive: return tr("Directive");
    case Reference: return tr("Reference");
    case String: return tr("String");
    case Comment: return tr("Comment");
    case Number: return tr("Number");
    }
    return {};
}

QColor VtlLexer::defaultColor(int style) const
{
    const bool dark = QApplication::palette().color(QPalette::Base).lightness() < 128;
    switch (style) {
    case Directive: return dark ? QColor(0xc6, 0x78, 0xdd) : QColor(0x80, 0x20, 0xa0);
    case Reference: return dark ? QColor(0x61, 0xaf, 0xef) : QColor(0x10, 0x50, 0xb0);
    case String: return dark ? QColor(0x98, 0xc3, 0x79) : QColor(0x20, 0x80, 0x20);
    case Comment: return dark ? QColor(0x7f, 0x84, 0x8e) : QColor(0x80, 0x80, 0x80);
    case Number: return dark ? QColor(0xd1, 0x9a, 0x66) : QColor(0xa0, 0x50, 0x00);
    }
    return QApplication::palette().color(QPalette::Text);
}

// Restyles the whole text: templates are small, and Velocity's block comments make partial
// restyling from `start` wrong without carrying state.
void VtlLexer::styleText(int, int)
{
    auto *sci = editor();
    if (!sci)
        return;
    const QByteArray text = sci->text().toUtf8();
    startStyling(0);
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto run = [&](qsizetype from, qsizetype to, int style) { setStyling(int(to - from), style); };
    auto isIdent = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; };
    while (i < n) {
        const qsizetype from = i;
        const char c = text[i];
        if (c == '#' && i + 1 < n && text[i + 1] == '#') {
            while (i < n && text[i] != '\n')
                ++i;
            run(from, i, Comment);
        } else if (c == '#' && i + 1 < n && text[i + 1] == '*') {
            const qsizetype close = text.indexOf("*#", i + 2);
            i = close < 0 ? n : close + 2;
            run(from, i, Comment);
        } else if (c == '#' && i + 1 < n && (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '{')) {
            ++i;
            while (i < n && (isIdent(text[i]) || text[i] == '{' || text[i] == '}'))
                ++i;
            run(from, i, Directive);
        } else if (c == '$' && i + 1 < n && (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '{' || text[i + 1] == '!')) {
            ++i;
            while (i < n && (isIdent(text[i]) || text[i] == '.' || text[i] == '{' || text[i] == '}' || text[i] == '!'))
                ++i;
            run(from, i, Reference);
        } else if (c == '"' || c == '\'') {
            ++i;
            while (i < n && text[i] != c && text[i] != '\n')
                i += text[i] == '\\' ? 2 : 1;
            i = std::min(n, i + 1);
            run(from, i, String);
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            while (i < n && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
                ++i;
            run(from, i, Number);
        } else {
            ++i;
            while (i < n && !strchr("#$\"'0123456789", text[i]))
                ++i;
            run(from, i, Default);
        }
    }
}

} // namespace gw::ui
