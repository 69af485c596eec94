#pragma once

#include <Qsci/qscilexercustom.h>

namespace gw::ui {

// Highlighting for mapping templates: Velocity directives (#set, #if, #foreach ...), references
// ($input, $context.x, ${a}), string literals and ## / #* *# comments over JSON-ish text.
// Colours come from the palette so light and dark themes both read well.
class VtlLexer : public QsciLexerCustom
{
    Q_OBJECT
public:
    enum Style { Default, Directive, Reference, String, Comment, Number };
    explicit VtlLexer(QObject *parent = nullptr);
    const char *language() const override { return "VTL"; }
    QString description(int style) const override;
    QColor defaultColor(int style) const override;
    void styleText(int start, int end) override;
};

} // namespace gw::ui
