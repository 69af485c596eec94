#include "integrationresponseseditor.h"

#include "keyvaluetable.h"
#include "templatemapeditor.h"

#include "ui/document/projectaccess.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gw::ui {

namespace {
enum Column { Pattern, Status, ContentHandling, ColumnCount };
}

IntegrationResponsesEditor::IntegrationResponsesEditor(ProjectDocument *document, QWidget *parent)
    : ItemEditor(document, parent), m_table(new QTableWidget(0, ColumnCount, this)),
      m_headers(new KeyValueTable(tr("Method response header"), tr("Mapped from"), this)), m_templates(new TemplateMapEditor(this))
{
    setShowsProblems(false);
    m_table->setObjectName(QStringLiteral("integrationResponses"));
    m_table->setHorizontalHeaderLabels({tr("Selection pattern (regex; empty = default)"), tr("Status"), tr("Content handling")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setMaximumHeight(160);
    m_headers->setObjectName(QStringLiteral("responseParameters"));
    m_templates->setObjectName(QStringLiteral("responseTemplates"));
    auto *add = new QPushButton(tr("Add response"), this);
    auto *remove = new QPushButton(tr("Remove response"), this);
    add->setObjectName(QStringLiteral("addResponse"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    body()->addWidget(m_table);
    body()->addLayout(buttons);
    body()->addWidget(new QLabel(tr("Header mappings of the selected response, e.g. method.response.header.X ← integration.response.header.Y"), this));
    body()->addWidget(m_headers);
    body()->addWidget(new QLabel(tr("Response templates of the selected response"), this));
    body()->addWidget(m_templates, 1);

    connect(add, &QPushButton::clicked, this, [this]() {
        changeResponses(tr("Add integration response"), {}, [](QList<gw::model::IntegrationResponse> &list) {
            gw::model::IntegrationResponse r;
            r.selectionPattern = list.isEmpty() ? QString() : QStringLiteral("4\\d{2}");
            r.statusCode = list.isEmpty() ? QStringLiteral("200") : QStringLiteral("400");
            list.append(r);
        });
        m_table->selectRow(m_table->rowCount() - 1);
    });
    connect(remove, &QPushButton::clicked, this, [this]() {
        const int row = currentRow();
        if (row < 0)
            return;
        changeResponses(tr("Remove integration response"), {}, [row](QList<gw::model::IntegrationResponse> &list) {
            if (row < list.size())
                list.removeAt(row);
        });
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this]() {
        if (!m_filling)
            tableEdited();
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, [this]() {
        if (!m_filling)
            load();
    });
    connect(m_headers, &KeyValueTable::edited, this, [this](const KeyValueTable::Pairs &pairs) {
        const int row = currentRow();
        gw::model::ParameterMap map;
        for (const auto &[k, v] : pairs)
            map.insert(k, v);
        changeResponses(tr("Edit response header mappings"), QStringLiteral("headers%1").arg(row), [row, map](QList<gw::model::IntegrationResponse> &list) {
            if (row >= 0 && row < list.size())
                list[row].responseParameters = map;
        });
    });
    connect(m_templates, &TemplateMapEditor::edited, this, [this](const gw::model::TemplateMap &t) {
        const int row = currentRow();
        changeResponses(tr("Edit response template"), QStringLiteral("templates%1").arg(row), [row, t](QList<gw::model::IntegrationResponse> &list) {
            if (row >= 0 && row < list.size())
                list[row].responseTemplates = t;
        });
    });
}

int IntegrationResponsesEditor::currentRow() const
{
    return m_table->currentRow();
}

void IntegrationResponsesEditor::changeResponses(const QString &text, const QString &field,
                                                 const std::function<void(QList<gw::model::IntegrationResponse> &)> &f)
{
    changeMethod(text, field, [f](gw::model::Method &m) {
        if (m.integration)
            f(m.integration->integrationResponses);
    });
}

void IntegrationResponsesEditor::tableEdited()
{
    QList<std::array<QString, ColumnCount>> rows;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        std::array<QString, ColumnCount> cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells[size_t(c)] = m_table->item(r, c) ? m_table->item(r, c)->text().trimmed() : QString();
        rows.append(cells);
    }
    changeResponses(tr("Edit integration responses"), QStringLiteral("table"), [rows](QList<gw::model::IntegrationResponse> &list) {
        for (qsizetype r = 0; r < rows.size() && r < list.size(); ++r) {
            list[r].selectionPattern = rows[r][Pattern];
            list[r].statusCode = rows[r][Status];
            list[r].contentHandling = rows[r][ContentHandling];
        }
    });
}

void IntegrationResponsesEditor::load()
{
    const auto *m = findMethod(project(), item());
    const bool has = m && m->integration;
    setEnabled(has);
    if (!has)
        return;
    const auto &list = m->integration->integrationResponses;
    m_filling = true;
    const int keep = std::max(0, m_table->currentRow());
    if (m_table->rowCount() != list.size())
        m_table->setRowCount(int(list.size()));
    for (int r = 0; r < list.size(); ++r) {
        const QString cells[ColumnCount] = {list[r].selectionPattern, list[r].statusCode, list[r].contentHandling};
        for (int c = 0; c < ColumnCount; ++c) {
            if (!m_table->item(r, c))
                m_table->setItem(r, c, new QTableWidgetItem);
            if (m_table->item(r, c)->text() != cells[c])
                m_table->item(r, c)->setText(cells[c]);
        }
    }
    if (m_table->currentRow() < 0 && !list.isEmpty())
        m_table->setCurrentCell(std::min(keep, int(list.size()) - 1), 0);
    m_filling = false;
    const int row = currentRow();
    const bool selected = row >= 0 && row < list.size();
    m_headers->setEnabled(selected);
    m_templates->setEnabled(selected);
    KeyValueTable::Pairs pairs;
    if (selected)
        for (auto it = list[row].responseParameters.begin(); it != list[row].responseParameters.end(); ++it)
            pairs.append({it.key(), it.value()});
    m_headers->setPairs(pairs);
    m_templates->setTemplates(selected ? list[row].responseTemplates : gw::model::TemplateMap{});
}

} // namespace gw::ui
