#include "projecteditor.h"

#include "formutil.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace gw::ui {

ProjectEditor::ProjectEditor(ProjectDocument *document, QWidget *parent)
    : ItemEditor(document, parent), m_name(new QLineEdit(this)), m_host(new QLineEdit(this)), m_port(new QSpinBox(this)),
      m_traceBodyLimit(new QSpinBox(this))
{
    m_name->setObjectName(QStringLiteral("projectName"));
    m_host->setObjectName(QStringLiteral("host"));
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(0, 65535);
    m_traceBodyLimit->setRange(0, 10 * 1024 * 1024);
    m_traceBodyLimit->setSuffix(tr(" bytes"));
    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Listen on host"), m_host);
    form->addRow(tr("Port"), m_port);
    form->addRow(tr("Body kept in traces"), m_traceBodyLimit);
    auto *hint = new QLabel(tr("The gateway listens on 127.0.0.1 unless you change the host; 0.0.0.0 exposes it to "
                               "your network. A new host or port takes effect at the next Run."), this);
    hint->setWordWrap(true);
    body()->addLayout(form);
    body()->addWidget(hint);
    body()->addStretch();

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &t) {
        edit(tr("Rename project"), [t](gw::model::Project &p) { p.name = t; }, QStringLiteral("name"));
    });
    connect(m_host, &QLineEdit::textEdited, this, [this](const QString &t) {
        edit(tr("Change listen host"), [t](gw::model::Project &p) { p.server.host = t.trimmed(); }, QStringLiteral("host"));
    });
    connect(m_port, &QSpinBox::valueChanged, this, [this](int v) {
        edit(tr("Change port"), [v](gw::model::Project &p) { p.server.port = v; }, QStringLiteral("port"));
    });
    connect(m_traceBodyLimit, &QSpinBox::valueChanged, this, [this](int v) {
        edit(tr("Change trace body limit"), [v](gw::model::Project &p) { p.server.traceBodyLimit = v; }, QStringLiteral("trace"));
    });
}

void ProjectEditor::load()
{
    form::setText(m_name, project().name);
    form::setText(m_host, project().server.host);
    form::setValue(m_port, project().server.port);
    form::setValue(m_traceBodyLimit, project().server.traceBodyLimit);
}

} // namespace gw::ui
