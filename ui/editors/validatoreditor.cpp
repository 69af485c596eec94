#include "validatoreditor.h"

#include "formutil.h"

#include "ui/document/projectaccess.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace gw::ui {

ValidatorEditor::ValidatorEditor(ProjectDocument *document, QWidget *parent)
    : ItemEditor(document, parent), m_name(new QLineEdit(this)), m_body(new QCheckBox(tr("Validate the body against the method's model"), this)),
      m_parameters(new QCheckBox(tr("Validate required query string parameters and headers"), this)), m_usedBy(new QLabel(this))
{
    m_name->setObjectName(QStringLiteral("validatorName"));
    m_body->setObjectName(QStringLiteral("validateBody"));
    m_parameters->setObjectName(QStringLiteral("validateParameters"));
    m_usedBy->setObjectName(QStringLiteral("validatorUsedBy"));
    m_usedBy->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(QString(), m_body);
    form->addRow(QString(), m_parameters);
    form->addRow(tr("Used by"), m_usedBy);
    body()->addLayout(form);
    body()->addStretch(1);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &t) {
        changeItem(tr("Rename validator"), QStringLiteral("name"), &findValidator, [t](gw::model::RequestValidator &v) { v.name = t.trimmed(); });
    });
    connect(m_body, &QCheckBox::toggled, this, [this](bool on) {
        changeItem(tr("Change body validation"), {}, &findValidator, [on](gw::model::RequestValidator &v) { v.validateRequestBody = on; });
    });
    connect(m_parameters, &QCheckBox::toggled, this, [this](bool on) {
        changeItem(tr("Change parameter validation"), {}, &findValidator,
                   [on](gw::model::RequestValidator &v) { v.validateRequestParameters = on; });
    });
}

QString ValidatorEditor::usedByText() const
{
    return m_usedBy->text();
}

void ValidatorEditor::load()
{
    const auto *v = findValidator(project(), item());
    const auto *api = findApi(project(), item());
    setEnabled(v != nullptr);
    if (!v || !api)
        return;
    form::setText(m_name, v->name);
    m_body->setChecked(v->validateRequestBody);
    m_parameters->setChecked(v->validateRequestParameters);
    QStringList methods;
    for (const auto &r : api->design.resources)
        for (auto m = r.methods.begin(); m != r.methods.end(); ++m)
            if (m->requestValidatorId == v->id)
                methods << m.key() + QLatin1Char(' ') + r.path;
    m_usedBy->setText(methods.isEmpty() ? tr("no method yet (choose it in a method's request settings)") : methods.join(QStringLiteral(", ")));
}

} // namespace gw::ui
