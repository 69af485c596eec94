#include "apieditor.h"

#include "corsdialog.h"
#include "formutil.h"

#include "ui/document/projectaccess.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace gw::ui {

ApiEditor::ApiEditor(ProjectDocument *document, QWidget *parent)
    : ItemEditor(document, parent), m_name(new QLineEdit(this)), m_description(new QPlainTextEdit(this)),
      m_type(new QComboBox(this)), m_endpointType(new QComboBox(this)), m_binaryTypes(new QLineEdit(this)),
      m_keySource(new QComboBox(this)), m_corsRow(new QWidget(this)), m_cors(new QLabel(m_corsRow))
{
    m_cors->setObjectName(QStringLiteral("corsSummary"));
    m_cors->setWordWrap(true);
    auto *editCors = new QPushButton(tr("CORS…"), m_corsRow);
    editCors->setObjectName(QStringLiteral("editCors"));
    auto *removeCors = new QPushButton(tr("Remove CORS"), m_corsRow);
    removeCors->setObjectName(QStringLiteral("removeCors"));
    auto *corsLayout = new QHBoxLayout(m_corsRow);
    corsLayout->setContentsMargins(0, 0, 0, 0);
    corsLayout->addWidget(m_cors, 1);
    corsLayout->addWidget(editCors);
    corsLayout->addWidget(removeCors);
    connect(editCors, &QPushButton::clicked, this, &ApiEditor::openCorsDialog);
    connect(removeCors, &QPushButton::clicked, this, [this]() {
        change(tr("Remove CORS configuration"), {}, [](gw::model::Api &a) { a.design.corsConfiguration = {}; });
    });
    m_name->setObjectName(QStringLiteral("apiName"));
    m_description->setMaximumHeight(80);
    for (const char *t : {"REST", "HTTP", "WEBSOCKET"})
        m_type->addItem(QString::fromLatin1(t), QString::fromLatin1(t));
    m_endpointType->addItem(tr("Edge-optimized"), QStringLiteral("EDGE"));
    m_endpointType->addItem(tr("Regional"), QStringLiteral("REGIONAL"));
    m_endpointType->addItem(tr("Private (loopback and listed ranges only)"), QStringLiteral("PRIVATE"));
    m_binaryTypes->setPlaceholderText(tr("e.g. image/png, application/octet-stream, */*"));
    m_keySource->addItem(tr("x-api-key header"), QStringLiteral("HEADER"));
    m_keySource->addItem(tr("Authorizer (usageIdentifierKey)"), QStringLiteral("AUTHORIZER"));
    auto *form = m_form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Description"), m_description);
    form->addRow(tr("Type"), m_type);
    form->addRow(tr("Endpoint type"), m_endpointType);
    form->addRow(tr("Binary media types"), m_binaryTypes);
    form->addRow(tr("API key source"), m_keySource);
    form->addRow(tr("CORS"), m_corsRow);
    body()->addLayout(form);
    body()->addStretch();

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &t) {
        change(tr("Rename API"), QStringLiteral("name"), [t](gw::model::Api &a) { a.name = t; });
    });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this]() {
        const QString t = m_description->toPlainText();
        change(tr("Edit API description"), QStringLiteral("description"), [t](gw::model::Api &a) { a.description = t; });
    });
    connect(m_type, &QComboBox::activated, this, [this]() {
        const auto type = gw::model::apiTypeFromString(form::current(m_type));
        if (type)
            change(tr("Change API type"), {}, [type](gw::model::Api &a) { a.type = *type; });
    });
    connect(m_endpointType, &QComboBox::activated, this, [this]() {
        const QString t = form::current(m_endpointType);
        change(tr("Change endpoint type"), {}, [t](gw::model::Api &a) { a.endpointType = t; });
    });
    connect(m_binaryTypes, &QLineEdit::textEdited, this, [this](const QString &t) {
        const QStringList types = form::splitList(t);
        change(tr("Edit binary media types"), QStringLiteral("binary"), [types](gw::model::Api &a) { a.design.binaryMediaTypes = types; });
    });
    connect(m_keySource, &QComboBox::activated, this, [this]() {
        const QString t = form::current(m_keySource);
        change(tr("Change API key source"), {}, [t](gw::model::Api &a) { a.design.apiKeySource = t; });
    });
}

void ApiEditor::change(const QString &text, const QString &field, const std::function<void(gw::model::Api &)> &f)
{
    const ItemRef ref = item();
    edit(text, [ref, f](gw::model::Project &p) {
        if (auto *api = findApi(p, ref))
            f(*api);
    }, field);
}

void ApiEditor::load()
{
    const auto *api = findApi(project(), item());
    setEnabled(api != nullptr);
    if (!api)
        return;
    form::setText(m_name, api->name);
    form::setText(m_description, api->description);
    form::setCurrent(m_type, gw::model::toString(api->type));
    form::setCurrent(m_endpointType, api->endpointType);
    const QString binary = api->design.binaryMediaTypes.join(QStringLiteral(", "));
    if (QStringList(m_binaryTypes->text().split(QLatin1Char(','))).join(QLatin1Char(',')).remove(QLatin1Char(' '))
        != QString(binary).remove(QLatin1Char(' ')))
        m_binaryTypes->setText(binary);
    form::setCurrent(m_keySource, api->design.apiKeySource);
    const bool http = api->type == gw::model::ApiType::Http;
    m_form->setRowVisible(m_corsRow, http);
    const QJsonObject &cors = api->design.corsConfiguration;
    m_cors->setText(cors.isEmpty() ? tr("off: preflights go to the routes")
                                   : QString::fromUtf8(QJsonDocument(cors).toJson(QJsonDocument::Compact)));
}

CorsDialog *ApiEditor::openCorsDialog()
{
    const auto *api = findApi(project(), item());
    if (!api || api->type != gw::model::ApiType::Http)
        return nullptr;
    auto *dialog = new CorsDialog(CorsDialog::Mode::HttpApi, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setHttpConfiguration(api->design.corsConfiguration);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        const QJsonObject configuration = dialog->httpConfiguration();
        change(tr("Edit CORS configuration"), {}, [configuration](gw::model::Api &a) { a.design.corsConfiguration = configuration; });
    });
    dialog->open();
    return dialog;
}

} // namespace gw::ui
