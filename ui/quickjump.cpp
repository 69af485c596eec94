#include "quickjump.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace gw::ui {

QuickJump::QuickJump(QWidget *parent) : QFrame(parent, Qt::Popup), m_input(new QLineEdit(this)), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("quickJump"));
    setFrameShape(QFrame::StyledPanel);
    m_input->setPlaceholderText(tr("Jump to a resource or method, e.g. get pets"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_input);
    layout->addWidget(m_list);
    resize(520, 360);
    m_input->installEventFilter(this);
    connect(m_input, &QLineEdit::textChanged, this, &QuickJump::setFilter);
    connect(m_input, &QLineEdit::returnPressed, this, &QuickJump::choose);
    connect(m_list, &QListWidget::itemActivated, this, &QuickJump::choose);
}

void QuickJump::open(const gw::model::Project &project)
{
    m_list->clear();
    for (const auto &api : project.apis) {
        for (const auto &r : api.design.resources) {
            auto *item = new QListWidgetItem(QStringLiteral("%1   · %2").arg(r.path, api.name), m_list);
            item->setData(Qt::UserRole, QVariant::fromValue(ItemRef{ItemRef::Kind::Resource, api.id, r.path, {}, {}}));
            for (auto m = r.methods.begin(); m != r.methods.end(); ++m) {
                auto *mi = new QListWidgetItem(QStringLiteral("%1 %2   · %3").arg(m.key(), r.path, api.name), m_list);
                mi->setData(Qt::UserRole, QVariant::fromValue(ItemRef{ItemRef::Kind::Method, api.id, r.path, m.key(), {}}));
            }
        }
        const auto addNamed = [&](const QString &what, const QString &name, ItemRef::Kind kind, const QString &id) {
            auto *item = new QListWidgetItem(QStringLiteral("%1 %2   · %3").arg(what, name, api.name), m_list);
            item->setData(Qt::UserRole, QVariant::fromValue(ItemRef{kind, api.id, {}, {}, id}));
        };
        for (const auto &a : api.design.authorizers)
            addNamed(tr("authorizer"), a.name, ItemRef::Kind::Authorizer, a.id);
        for (const auto &m : api.design.models)
            addNamed(tr("model"), m.name, ItemRef::Kind::Model, m.name);
        for (const auto &v : api.design.requestValidators)
            addNamed(tr("validator"), v.name, ItemRef::Kind::Validator, v.id);
    }
    for (const auto &k : project.apiKeys) {
        auto *item = new QListWidgetItem(tr("API key %1").arg(k.name), m_list);
        item->setData(Qt::UserRole, QVariant::fromValue(ItemRef{ItemRef::Kind::ApiKey, {}, {}, {}, k.id}));
    }
    for (const auto &u : project.usagePlans) {
        auto *item = new QListWidgetItem(tr("usage plan %1").arg(u.name), m_list);
        item->setData(Qt::UserRole, QVariant::fromValue(ItemRef{ItemRef::Kind::UsagePlan, {}, {}, {}, u.id}));
    }
    m_input->clear();
    setFilter({});
    if (parentWidget()) {
        const QRect area = parentWidget()->window()->geometry();
        move(area.center().x() - width() / 2, area.top() + 80);
    }
    show();
    m_input->setFocus();
}

void QuickJump::setFilter(const QString &text)
{
    if (m_input->text() != text)
        m_input->setText(text);
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    int firstVisible = -1;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        bool match = true;
        for (const QString &w : words)
            match = match && item->text().contains(w, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match && firstVisible < 0)
            firstVisible = i;
    }
    m_list->setCurrentRow(firstVisible);
}

QStringList QuickJump::visibleEntries() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        if (!m_list->item(i)->isHidden())
            out << m_list->item(i)->text();
    return out;
}

void QuickJump::choose()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || item->isHidden())
        return;
    hide();
    emit chosen(item->data(Qt::UserRole).value<ItemRef>());
}

// Up and Down move in the list while the focus stays in the input.
bool QuickJump::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            int row = m_list->currentRow();
            do
                row += key == Qt::Key_Down ? 1 : -1;
            while (row >= 0 && row < m_list->count() && m_list->item(row)->isHidden());
            if (row >= 0 && row < m_list->count())
                m_list->setCurrentRow(row);
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace gw::ui
