#include "methodeditor.h"

#include "integrationeditor.h"
#include "integrationresponseseditor.h"
#include "methodrequesteditor.h"
#include "methodresponseseditor.h"

#include "ui/document/projectaccess.h"

#include "gateway/model/resourceedit.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace gw::ui {

namespace {

QString requestSummary(const gw::model::Method &m)
{
    QStringList parts;
    parts << (m.authorizationType == QLatin1String("NONE") ? QObject::tr("open") : m.authorizationType);
    if (m.apiKeyRequired)
        parts << QObject::tr("API key");
    if (!m.requestValidatorId.isEmpty())
        parts << QObject::tr("validated");
    if (!m.requestParameters.isEmpty())
        parts << QObject::tr("%n parameter(s)", nullptr, int(m.requestParameters.size()));
    return parts.join(QStringLiteral(" · "));
}

QString integrationSummary(const gw::model::Method &m)
{
    if (!m.integration)
        return QObject::tr("none yet");
    const auto &i = *m.integration;
    QString s = gw::model::toString(i.type);
    if (!i.uri.isEmpty())
        s += QLatin1Char(' ') + (i.uri.size() > 32 ? i.uri.left(31) + QChar(0x2026) : i.uri);
    return s;
}

} // namespace

MethodEditor::MethodEditor(ProjectDocument *document, QWidget *parent)
    : ItemEditor(document, parent), m_title(new QLabel(this)), m_group(new QButtonGroup(this)), m_pages(new QStackedWidget(this)),
      m_request(new MethodRequestEditor(document, this)), m_integration(new IntegrationEditor(document, this)),
      m_integrationResponses(new IntegrationResponsesEditor(document, this)), m_responses(new MethodResponsesEditor(document, this)),
      m_duplicateVerb(new QComboBox(this))
{
    m_integration->setShowsProblems(false);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    const char *names[] = {"methodRequestBox", "integrationRequestBox", "integrationResponseBox", "methodResponseBox"};
    auto *picture = new QHBoxLayout;
    for (int b = 0; b < 4; ++b) {
        m_boxes[b] = new QToolButton(this);
        m_boxes[b]->setObjectName(QString::fromLatin1(names[b]));
        m_boxes[b]->setCheckable(true);
        m_boxes[b]->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_boxes[b]->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        m_boxes[b]->setMinimumHeight(52);
        m_group->addButton(m_boxes[b], b);
        if (b > 0)
            picture->addWidget(new QLabel(QStringLiteral("→"), this));
        picture->addWidget(m_boxes[b], 1);
    }
    m_pages->addWidget(m_request);
    m_pages->addWidget(m_integration);
    m_pages->addWidget(m_integrationResponses);
    m_pages->addWidget(m_responses);
    for (const char *v : {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"})
        m_duplicateVerb->addItem(QString::fromLatin1(v));
    auto *duplicate = new QPushButton(tr("Duplicate as"), this);
    auto *remove = new QPushButton(tr("Delete method"), this);
    remove->setObjectName(QStringLiteral("deleteMethod"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(duplicate);
    top->addWidget(m_duplicateVerb);
    top->addWidget(remove);
    body()->addLayout(top);
    body()->addLayout(picture);
    body()->addWidget(m_pages, 1);

    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) { showBox(Box(id)); });
    connect(duplicate, &QPushButton::clicked, this, [this]() {
        const ItemRef ref = item();
        const QString verb = m_duplicateVerb->currentText();
        gw::model::Project probe = project();
        auto *api = findApi(probe, ref);
        if (!api || !gw::model::duplicateMethod(api->design, ref.path, ref.verb, verb).isEmpty())
            return;
        edit(tr("Duplicate %1 %2 as %3").arg(ref.verb, ref.path, verb), [probe](gw::model::Project &p) { p = probe; });
        ItemRef copy = ref;
        copy.verb = verb;
        emit openItem(copy);
    });
    connect(remove, &QPushButton::clicked, this, [this]() {
        const ItemRef ref = item();
        edit(tr("Delete %1 %2").arg(ref.verb, ref.path), [ref](gw::model::Project &p) {
            if (auto *api = findApi(p, ref))
                gw::model::deleteMethod(api->design, ref.path, ref.verb);
        });
        ItemRef resource = ref;
        resource.kind = ItemRef::Kind::Resource;
        resource.verb.clear();
        emit openItem(resource);
    });
    showBox(MethodRequestBox);
}

void MethodEditor::showBox(Box box)
{
    m_boxes[box]->setChecked(true);
    m_pages->setCurrentIndex(box);
}

QString MethodEditor::boxSummary(Box box) const
{
    return m_boxes[box]->text();
}

void MethodEditor::load()
{
    for (ItemEditor *page : {static_cast<ItemEditor *>(m_request), static_cast<ItemEditor *>(m_integration),
                             static_cast<ItemEditor *>(m_integrationResponses), static_cast<ItemEditor *>(m_responses)})
        if (!(page->item() == item()))
            page->setItem(item());
    const auto *m = findMethod(project(), item());
    setEnabled(m != nullptr);
    if (!m)
        return;
    m_title->setText(QStringLiteral("%1 %2").arg(item().verb, item().path));
    const bool proxy = m->integration && (m->integration->type == gw::model::IntegrationType::HttpProxy
                                          || m->integration->type == gw::model::IntegrationType::AwsProxy);
    QStringList statuses;
    for (const auto &r : m->methodResponses)
        statuses << r.statusCode;
    const int responses = m->integration ? int(m->integration->integrationResponses.size()) : 0;
    m_boxes[MethodRequestBox]->setText(tr("Method request\n%1").arg(requestSummary(*m)));
    m_boxes[IntegrationRequestBox]->setText(tr("Integration request\n%1").arg(integrationSummary(*m)));
    m_boxes[IntegrationResponseBox]->setText(tr("Integration response\n%1").arg(proxy ? tr("passed through (proxy)")
                                                                                     : tr("%n response(s)", nullptr, responses)));
    m_boxes[MethodResponseBox]->setText(tr("Method response\n%1").arg(statuses.isEmpty() ? tr("none declared") : statuses.join(QStringLiteral(", "))));
}

} // namespace gw::ui
