#include "apikeyeditor.h"

#include "formutil.h"

#include "ui/document/projectaccess.h"

#include "gateway/apikeys/apikeyvalue.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace gw::ui {

ApiKeyEditor::ApiKeyEditor(ProjectDocument *document, QWidget *parent)
    : ItemEditor(document, parent), m_name(new QLineEdit(this)), m_value(new QLineEdit(this)), m_show(new QPushButton(tr("Show"), this)),
      m_generate(new QPushButton(tr("Generate"), this)), m_enabled(new QCheckBox(tr("Enabled"), this)), m_description(new QLineEdit(this)),
      m_plans(new QListWidget(this))
{
    m_name->setObjectName(QStringLiteral("keyName"));
    m_value->setObjectName(QStringLiteral("keyValue"));
    m_show->setObjectName(QStringLiteral("showKey"));
    m_generate->setObjectName(QStringLiteral("generateKey"));
    m_enabled->setObjectName(QStringLiteral("keyEnabled"));
    m_description->setObjectName(QStringLiteral("keyDescription"));
    m_plans->setObjectName(QStringLiteral("keyPlans"));
    // A key is a secret: shown only on request, as the console's "Show" does.
    m_value->setEchoMode(QLineEdit::Password);
    m_value->setPlaceholderText(tr("20 to 128 letters and digits"));
    m_show->setCheckable(true);
    auto *valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_show);
    valueRow->addWidget(m_generate);
    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Value"), valueRow);
    form->addRow(QString(), m_enabled);
    form->addRow(tr("Description"), m_description);
    body()->addLayout(form);
    body()->addWidget(new QLabel(tr("Usage plans (a key is sent as x-api-key; its plans set its throttling and quota)"), this));
    body()->addWidget(m_plans, 1);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &t) {
        changeItem(tr("Rename API key"), QStringLiteral("name"), &findApiKey, [t](gw::model::ApiKey &k) { k.name = t; });
    });
    connect(m_value, &QLineEdit::textEdited, this, [this](const QString &t) {
        changeItem(tr("Edit API key value"), QStringLiteral("value"), &findApiKey, [t](gw::model::ApiKey &k) { k.value = t.trimmed(); });
    });
    connect(m_show, &QPushButton::toggled, this, [this](bool on) {
        m_value->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_show->setText(on ? tr("Hide") : tr("Show"));
    });
    connect(m_generate, &QPushButton::clicked, this, [this]() {
        const QString value = gw::apikeys::generateApiKeyValue();
        changeItem(tr("Generate API key value"), {}, &findApiKey, [value](gw::model::ApiKey &k) { k.value = value; });
    });
    connect(m_enabled, &QCheckBox::toggled, this, [this](bool on) {
        changeItem(on ? tr("Enable API key") : tr("Disable API key"), {}, &findApiKey, [on](gw::model::ApiKey &k) { k.enabled = on; });
    });
    connect(m_description, &QLineEdit::textEdited, this, [this](const QString &t) {
        changeItem(tr("Edit API key description"), QStringLiteral("description"), &findApiKey, [t](gw::model::ApiKey &k) { k.description = t; });
    });
    connect(m_plans, &QListWidget::itemChanged, this, [this](QListWidgetItem *row) {
        if (isLoading())
            return;
        const QString planId = row->data(Qt::UserRole).toString();
        const QString keyId = item().name;
        const bool in = row->checkState() == Qt::Checked;
        edit(in ? tr("Add key to usage plan") : tr("Remove key from usage plan"), [planId, keyId, in](gw::model::Project &p) {
            for (auto &plan : p.usagePlans) {
                if (plan.id != planId)
                    continue;
                plan.apiKeyIds.removeAll(keyId);
                if (in)
                    plan.apiKeyIds.append(keyId);
            }
        });
    });
}

void ApiKeyEditor::load()
{
    const auto *k = findApiKey(project(), item());
    setEnabled(k != nullptr);
    if (!k)
        return;
    form::setText(m_name, k->name);
    form::setText(m_value, k->value);
    m_enabled->setChecked(k->enabled);
    form::setText(m_description, k->description);
    QList<QPair<QString, QString>> plans;
    for (const auto &plan : project().usagePlans) {
        QStringList stages;
        for (const auto &s : plan.apiStages)
            stages << s.apiId + QLatin1Char('/') + s.stage;
        plans.append({plan.id, stages.isEmpty() ? plan.name : QStringLiteral("%1 (%2)").arg(plan.name, stages.join(QStringLiteral(", ")))});
    }
    const QString keyId = k->id;
    form::setCheckList(m_plans, plans, [&](const QString &planId) {
        const auto *plan = findUsagePlan(project(), ItemRef{ItemRef::Kind::UsagePlan, {}, {}, {}, planId});
        return plan && plan->apiKeyIds.contains(keyId);
    });
}

} // namespace gw::ui
