#include "templatemapeditor.h"

#include "templatepreview.h"
#include "vtllexer.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <Qsci/qsciscintilla.h>

namespace gw::ui {

TemplateMapEditor::TemplateMapEditor(QWidget *parent)
    : QWidget(parent), m_contentType(new QComboBox(this)), m_text(new QsciScintilla(this)), m_preview(new TemplatePreview(this))
{
    m_contentType->setObjectName(QStringLiteral("contentType"));
    m_contentType->setMinimumContentsLength(24);
    m_text->setObjectName(QStringLiteral("templateText"));
    m_text->setLexer(new VtlLexer(m_text));
    m_text->setUtf8(true);
    m_text->setMarginLineNumbers(0, true);
    m_text->setMarginWidth(0, QStringLiteral("0000"));
    m_text->setAutoIndent(true);
    m_text->setTabWidth(2);
    m_text->setIndentationsUseTabs(false);
    m_text->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    m_text->setMinimumHeight(120);
    auto *newType = new QLineEdit(this);
    newType->setObjectName(QStringLiteral("newContentType"));
    newType->setPlaceholderText(QStringLiteral("application/json"));
    auto *add = new QPushButton(tr("Add"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(m_contentType, 1);
    row->addWidget(newType);
    row->addWidget(add);
    row->addWidget(remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_text);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    // The preview follows the template shown; its error line gets a marker in the margin.
    constexpr int kErrorMarker = 1;
    m_text->markerDefine(QsciScintilla::RightArrow, kErrorMarker);
    m_text->setMarkerBackgroundColor(QColor(0xd0, 0x40, 0x40), kErrorMarker);
    connect(this, &TemplateMapEditor::currentTemplateChanged, m_preview,
            [this](const QString &, const QString &text) { m_preview->setTemplate(text); });
    connect(m_preview, &TemplatePreview::errorLineChanged, this, [this](int line) {
        m_text->markerDeleteAll(kErrorMarker);
        if (line > 0)
            m_text->markerAdd(line - 1, kErrorMarker);
    });

    connect(m_contentType, &QComboBox::currentIndexChanged, this, &TemplateMapEditor::showCurrent);
    auto addTyped = [this, newType]() {
        const QString type = newType->text().trimmed().isEmpty() ? newType->placeholderText() : newType->text().trimmed();
        addContentType(type);
        newType->clear();
    };
    connect(add, &QPushButton::clicked, this, addTyped);
    connect(newType, &QLineEdit::returnPressed, this, addTyped);
    connect(remove, &QPushButton::clicked, this, [this]() {
        const QString type = currentContentType();
        if (type.isEmpty())
            return;
        m_templates.remove(type);
        m_loading = true;
        m_contentType->removeItem(m_contentType->currentIndex());
        m_loading = false;
        showCurrent();
        emit edited(m_templates);
    });
    connect(m_text, &QsciScintilla::textChanged, this, [this]() {
        if (m_loading || currentContentType().isEmpty())
            return;
        m_templates.insert(currentContentType(), m_text->text());
        emit edited(m_templates);
        emit currentTemplateChanged(currentContentType(), m_text->text());
    });
}

QString TemplateMapEditor::currentContentType() const
{
    return m_contentType->currentText();
}

void TemplateMapEditor::setTemplates(const gw::model::TemplateMap &templates)
{
    if (templates == m_templates && m_contentType->count() == templates.size())
        return;
    const QString keep = currentContentType();
    m_templates = templates;
    m_loading = true;
    m_contentType->clear();
    m_contentType->addItems(templates.keys());
    const int i = m_contentType->findText(keep);
    m_contentType->setCurrentIndex(i >= 0 ? i : (templates.isEmpty() ? -1 : 0));
    m_loading = false;
    showCurrent();
}

void TemplateMapEditor::selectContentType(const QString &contentType)
{
    const int i = m_contentType->findText(contentType);
    if (i >= 0)
        m_contentType->setCurrentIndex(i);
}

void TemplateMapEditor::addContentType(const QString &contentType)
{
    if (!m_templates.contains(contentType)) {
        m_templates.insert(contentType, QString());
        m_loading = true;
        m_contentType->addItem(contentType);
        m_loading = false;
        emit edited(m_templates);
    }
    selectContentType(contentType);
}

void TemplateMapEditor::showCurrent()
{
    if (m_loading)
        return;
    const QString type = currentContentType();
    const QString text = m_templates.value(type);
    m_text->setEnabled(!type.isEmpty());
    if (m_text->text() != text) {
        m_loading = true;
        m_text->setText(text);
        m_loading = false;
    }
    emit currentTemplateChanged(type, text);
}

} // namespace gw::ui
