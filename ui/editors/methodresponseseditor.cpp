#include "methodresponseseditor.h"

#include "formutil.h"

#include "ui/document/projectaccess.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gw::ui {

namespace {

enum Column { Status, Headers, Models, ColumnCount };
const QString kHeaderPrefix = QStringLiteral("method.response.header.");

} // namespace

MethodResponsesEditor::MethodResponsesEditor(ProjectDocument *document, QWidget *parent)
    : ItemEditor(document, parent), m_table(new QTableWidget(0, ColumnCount, this))
{
    setShowsProblems(false);
    m_table->setObjectName(QStringLiteral("methodResponses"));
    m_table->setHorizontalHeaderLabels({tr("Status"), tr("Headers (comma separated)"), tr("Models (type=Model, …)")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *add = new QPushButton(tr("Add status"), this);
    auto *remove = new QPushButton(tr("Remove status"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    body()->addWidget(new QLabel(tr("What the method may answer. Header values come from the integration response's mappings."), this));
    body()->addWidget(m_table, 1);
    body()->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this]() {
        changeMethod(tr("Add method response"), {}, [](gw::model::Method &m) {
            int status = 200;
            for (const auto &r : m.methodResponses)
                status = std::max(status, r.statusCode.toInt() + 1);
            m.methodResponses.append(gw::model::MethodResponse{QString::number(status), {}, {}});
        });
    });
    connect(remove, &QPushButton::clicked, this, [this]() {
        const int row = m_table->currentRow();
        changeMethod(tr("Remove method response"), {}, [row](gw::model::Method &m) {
            if (row >= 0 && row < m.methodResponses.size())
                m.methodResponses.removeAt(row);
        });
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this]() {
        if (!m_filling)
            tableEdited();
    });
}

void MethodResponsesEditor::tableEdited()
{
    QList<gw::model::MethodResponse> responses;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        auto text = [&](int c) { return m_table->item(r, c) ? m_table->item(r, c)->text().trimmed() : QString(); };
        gw::model::MethodResponse mr;
        mr.statusCode = text(Status);
        for (const QString &h : form::splitList(text(Headers)))
            mr.responseParameters.insert(h.startsWith(kHeaderPrefix) ? h : kHeaderPrefix + h, false);
        for (const QString &m : form::splitList(text(Models)))
            mr.responseModels.insert(m.section(QLatin1Char('='), 0, 0).trimmed(), m.section(QLatin1Char('='), 1).trimmed());
        responses.append(mr);
    }
    changeMethod(tr("Edit method responses"), QStringLiteral("responses"), [responses](gw::model::Method &m) mutable {
        // Keep whether each header was marked required: the table edits names only.
        for (auto &r : responses)
            for (const auto &old : m.methodResponses)
                if (old.statusCode == r.statusCode)
                    for (auto h = r.responseParameters.begin(); h != r.responseParameters.end(); ++h)
                        *h = old.responseParameters.value(h.key(), false);
        m.methodResponses = responses;
    });
}

void MethodResponsesEditor::load()
{
    const auto *m = findMethod(project(), item());
    setEnabled(m != nullptr);
    if (!m)
        return;
    m_filling = true;
    if (m_table->rowCount() != m->methodResponses.size())
        m_table->setRowCount(int(m->methodResponses.size()));
    for (int r = 0; r < m->methodResponses.size(); ++r) {
        const auto &mr = m->methodResponses[r];
        QStringList headers;
        for (auto it = mr.responseParameters.begin(); it != mr.responseParameters.end(); ++it)
            headers << it.key().mid(kHeaderPrefix.size());
        QStringList models;
        for (auto it = mr.responseModels.begin(); it != mr.responseModels.end(); ++it)
            models << it.key() + QLatin1Char('=') + it.value();
        const QString cells[ColumnCount] = {mr.statusCode, headers.join(QStringLiteral(", ")), models.join(QStringLiteral(", "))};
        for (int c = 0; c < ColumnCount; ++c) {
            if (!m_table->item(r, c))
                m_table->setItem(r, c, new QTableWidgetItem);
            if (m_table->item(r, c)->text() != cells[c])
                m_table->item(r, c)->setText(cells[c]);
        }
    }
    m_filling = false;
}

} // namespace gw::ui
