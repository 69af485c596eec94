#include "modeleditor.h"

#include "formutil.h"

#include "ui/document/projectaccess.h"
#include "ui/models/schemacheck.h"

#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>

#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>

namespace gw::ui {

namespace {

constexpr int kErrorMarker = 1;

qsizetype modelIndex(const gw::model::Api &api, const QString &name)
{
    for (qsizetype i = 0; i < api.design.models.size(); ++i)
        if (api.design.models[i].name == name)
            return i;
    return -1;
}

} // namespace

ModelEditor::ModelEditor(ProjectDocument *document, QWidget *parent)
    : ItemEditor(document, parent), m_name(new QLineEdit(this)), m_contentType(new QLineEdit(this)), m_description(new QLineEdit(this)),
      m_schema(new QsciScintilla(this)), m_error(new QLabel(this))
{
    m_name->setObjectName(QStringLiteral("modelName"));
    m_contentType->setObjectName(QStringLiteral("modelContentType"));
    m_description->setObjectName(QStringLiteral("modelDescription"));
    m_schema->setObjectName(QStringLiteral("modelSchema"));
    m_error->setObjectName(QStringLiteral("schemaError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x30, 0x30));
    m_error->setPalette(palette);
    auto *lexer = new QsciLexerJSON(m_schema);
    lexer->setDefaultFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_schema->setLexer(lexer);
    m_schema->setUtf8(true);
    m_schema->setMarginLineNumbers(0, true);
    m_schema->setMarginWidth(0, QStringLiteral("0000"));
    m_schema->setAutoIndent(true);
    m_schema->setIndentationWidth(2);
    m_schema->setIndentationsUseTabs(false);
    m_schema->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    m_schema->markerDefine(QsciScintilla::RightArrow, kErrorMarker);
    m_schema->setMarkerBackgroundColor(QColor(0xd0, 0x40, 0x40), kErrorMarker);
    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Content type"), m_contentType);
    form->addRow(tr("Description"), m_description);
    body()->addLayout(form);
    body()->addWidget(new QLabel(tr("JSON Schema (draft 4; $ref other models as "
                                    "https://apigateway.amazonaws.com/restapis/API/models/NAME)"), this));
    body()->addWidget(m_schema, 1);
    body()->addWidget(m_error);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &ModelEditor::checkSchema);
    connect(m_schema, &QsciScintilla::textChanged, this, [this]() {
        if (!m_settingText)
            m_debounce.start();
    });
    connect(m_name, &QLineEdit::editingFinished, this, &ModelEditor::rename);
    connect(m_contentType, &QLineEdit::textEdited, this, [this](const QString &t) {
        changeItem(tr("Edit model content type"), QStringLiteral("contentType"), &findModel, [t](gw::model::ApiModel &m) { m.contentType = t.trimmed(); });
    });
    connect(m_description, &QLineEdit::textEdited, this, [this](const QString &t) {
        changeItem(tr("Edit model description"), QStringLiteral("description"), &findModel, [t](gw::model::ApiModel &m) { m.description = t; });
    });
}

QString ModelEditor::schemaError() const
{
    return m_error->text();
}

int ModelEditor::markedLine() const
{
    const int line = m_schema->markerFindNext(0, 1 << kErrorMarker);
    return line < 0 ? 0 : line + 1;
}

void ModelEditor::checkSchema()
{
    m_debounce.stop();
    const auto *api = findApi(project(), item());
    if (!api || !findModel(project(), item()))
        return;
    const QString text = m_schema->text();
    const SchemaCheck check = checkModelSchema(api->design, modelIndex(*api, item().name), text);
    m_error->setText(check.message.isEmpty() ? QString() : QStringLiteral("⚠ ") + check.message);
    m_error->setVisible(!check.message.isEmpty());
    m_schema->markerDeleteAll(kErrorMarker);
    if (check.line > 0)
        m_schema->markerAdd(check.line - 1, kErrorMarker);
    if (check.isJsonObject && !m_settingText) {
        const QJsonObject schema = check.schema;
        m_shownSchema = schema;
        changeItem(tr("Edit model schema"), QStringLiteral("schema"), &findModel, [schema](gw::model::ApiModel &m) { m.schema = schema; });
    }
    emit schemaChecked(check.ok());
}

void ModelEditor::rename()
{
    const QString name = m_name->text().trimmed();
    const auto *current = findModel(project(), item());
    if (!current || name == current->name)
        return;
    if (name.isEmpty() || findModel(project(), ItemRef{ItemRef::Kind::Model, item().apiId, {}, {}, name})) {
        m_name->setText(current->name);
        m_name->setToolTip(name.isEmpty() ? tr("A model needs a name") : tr("Another model is called %1").arg(name));
        return;
    }
    m_name->setToolTip({});
    const QString old = current->name;
    const ItemRef ref = item();
    // The API's methods follow the model under its new name, so nothing points at a model that is gone.
    edit(tr("Rename model %1 to %2").arg(old, name), [ref, old, name](gw::model::Project &p) {
        auto *api = findApi(p, ref);
        if (!api)
            return;
        for (auto &m : api->design.models)
            if (m.name == old)
                m.name = name;
        for (auto &r : api->design.resources)
            for (auto &method : r.methods) {
                for (auto it = method.requestModels.begin(); it != method.requestModels.end(); ++it)
                    if (*it == old)
                        *it = name;
                for (auto &response : method.methodResponses)
                    for (auto it = response.responseModels.begin(); it != response.responseModels.end(); ++it)
                        if (*it == old)
                            *it = name;
            }
    });
    retarget(ItemRef{ItemRef::Kind::Model, ref.apiId, {}, {}, name});
}

void ModelEditor::load()
{
    const auto *m = findModel(project(), item());
    setEnabled(m != nullptr);
    if (!m)
        return;
    form::setText(m_name, m->name);
    form::setText(m_contentType, m->contentType);
    form::setText(m_description, m->description);
    // The text stays as typed while the model holds what it was last synced with (formatting and
    // drafts are the user's); another model, an undo or another editor's change replaces it.
    if (m_shownKey != item().key() || m_shownSchema != m->schema) {
        m_shownKey = item().key();
        m_shownSchema = m->schema;
        m_settingText = true;
        m_schema->setText(QString::fromUtf8(QJsonDocument(m->schema).toJson(QJsonDocument::Indented)));
        m_settingText = false;
        m_debounce.stop();
        checkSchema();
    }
}

} // namespace gw::ui
