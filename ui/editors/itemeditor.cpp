#include "itemeditor.h"

#include "ui/document/designproblems.h"

#include "ui/document/projectaccess.h"
#include "ui/document/projectdocument.h"

#include "gateway/model/check.h"

#include <QLabel>
#include <QVBoxLayout>

namespace gw::ui {

ItemEditor::ItemEditor(ProjectDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_body(new QVBoxLayout), m_problems(new QLabel(this))
{
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = m_problems->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x30, 0x30));
    m_problems->setPalette(palette);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_body, 1);
    layout->addWidget(m_problems);
    connect(document, &ProjectDocument::changed, this, &ItemEditor::reload);
}

const gw::model::Project &ItemEditor::project() const
{
    return m_document->project();
}

void ItemEditor::setItem(const ItemRef &ref)
{
    m_item = ref;
    reload();
}

void ItemEditor::retarget(const ItemRef &ref)
{
    m_item = ref;
    emit itemMoved(ref);
}

void ItemEditor::reload()
{
    if (m_item.kind == ItemRef::Kind::None)
        return;
    m_loading = true;
    load();
    m_loading = false;
    if (!m_showsProblems) {
        m_problems->hide();
        return;
    }
    const QString path = jsonPathOf(project(), m_item);
    QStringList lines;
    if (!path.isEmpty())
        for (const auto &d : designProblems(project()))
            if (d.path == path || d.path.startsWith(path + QLatin1Char('.')) || d.path.startsWith(path + QLatin1Char('[')))
                lines << QStringLiteral("⚠ %1 (%2)").arg(d.message, d.path.mid(path.size()).section(QLatin1Char('.'), 1));
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!lines.isEmpty());
}

QString ItemEditor::problemsText() const
{
    return m_problems->text();
}

void ItemEditor::edit(const QString &text, const std::function<void(gw::model::Project &)> &change, const QString &field)
{
    if (m_loading)
        return;
    m_document->edit(text, change, field.isEmpty() ? QString() : m_item.key() + QLatin1Char('#') + field);
}

void ItemEditor::changeMethod(const QString &text, const QString &field, const std::function<void(gw::model::Method &)> &f)
{
    const ItemRef ref = m_item;
    edit(text, [ref, f](gw::model::Project &p) {
        if (auto *m = findMethod(p, ref))
            f(*m);
    }, field);
}

} // namespace gw::ui
