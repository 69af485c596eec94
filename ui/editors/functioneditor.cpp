#include "functioneditor.h"

#include "formutil.h"
#include "functiontestpanel.h"
#include "keyvaluetable.h"

#include "ui/document/projectaccess.h"

#include <Qsci/qscilexerjavascript.h>
#include <Qsci/qsciscintilla.h>

#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace gw::ui {

FunctionEditor::FunctionEditor(ProjectDocument *document, QWidget *parent)
    : ItemEditor(document, parent), m_name(new QLineEdit(this)), m_runtime(new QComboBox(this)), m_endpoint(new QLineEdit(this)),
      m_timeout(new QSpinBox(this)), m_memory(new QSpinBox(this)), m_code(new QsciScintilla(this)),
      m_environment(new KeyValueTable(tr("Variable"), tr("Value"), this)), m_test(new FunctionTestPanel(this))
{
    m_name->setObjectName(QStringLiteral("functionName"));
    m_runtime->setObjectName(QStringLiteral("functionRuntime"));
    m_endpoint->setObjectName(QStringLiteral("endpointUrl"));
    m_timeout->setObjectName(QStringLiteral("functionTimeout"));
    m_code->setObjectName(QStringLiteral("functionCode"));
    m_environment->setObjectName(QStringLiteral("environment"));
    m_runtime->addItem(tr("JavaScript (run by Gatewright, no file or network access)"), QStringLiteral("javascript"));
    m_runtime->addItem(tr("Lambda runtime endpoint (e.g. the Runtime Interface Emulator)"), QStringLiteral("endpoint"));
    m_endpoint->setPlaceholderText(QStringLiteral("http://127.0.0.1:9000"));
    m_timeout->setRange(1, 900); // Lambda's limits
    m_timeout->setSuffix(tr(" s"));
    m_memory->setRange(128, 10240);
    m_memory->setSingleStep(64);
    m_memory->setSuffix(tr(" MB"));
    auto *lexer = new QsciLexerJavaScript(m_code);
    lexer->setDefaultFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_code->setLexer(lexer);
    m_code->setUtf8(true);
    m_code->setMarginLineNumbers(0, true);
    m_code->setMarginWidth(0, QStringLiteral("0000"));
    m_code->setAutoIndent(true);
    m_code->setIndentationWidth(2);

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Runtime"), m_runtime);
    form->addRow(tr("Endpoint URL"), m_endpoint);
    form->addRow(tr("Timeout"), m_timeout);
    form->addRow(tr("Memory"), m_memory);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(form);
    leftLayout->addWidget(new QLabel(tr("Code (exports.handler = async (event, context) => ...)"), left));
    leftLayout->addWidget(m_code, 3);
    leftLayout->addWidget(new QLabel(tr("Environment variables (process.env)"), left));
    leftLayout->addWidget(m_environment, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_test);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    body()->addWidget(splitter, 1);

    connect(m_name, &QLineEdit::editingFinished, this, &FunctionEditor::rename);
    connect(m_runtime, &QComboBox::activated, this, [this]() {
        const QString v = form::current(m_runtime);
        change(tr("Change function runtime"), {}, [v](gw::model::Function &f) { f.runtime = v; });
    });
    connect(m_endpoint, &QLineEdit::textEdited, this, [this](const QString &t) {
        change(tr("Edit endpoint URL"), QStringLiteral("endpoint"), [t](gw::model::Function &f) { f.endpointUrl = t.trimmed(); });
    });
    connect(m_timeout, &QSpinBox::valueChanged, this, [this](int v) {
        if (!isLoading())
            change(tr("Change function timeout"), QStringLiteral("timeout"), [v](gw::model::Function &f) { f.timeoutSeconds = v; });
    });
    connect(m_memory, &QSpinBox::valueChanged, this, [this](int v) {
        if (!isLoading())
            change(tr("Change function memory"), QStringLiteral("memory"), [v](gw::model::Function &f) { f.memoryMb = v; });
    });
    connect(m_code, &QsciScintilla::textChanged, this, [this]() {
        if (m_settingCode || isLoading())
            return;
        const QString code = m_code->text();
        change(tr("Edit function code"), QStringLiteral("code"), [code](gw::model::Function &f) { f.code = code; });
    });
    connect(m_environment, &KeyValueTable::edited, this, [this](const KeyValueTable::Pairs &pairs) {
        QMap<QString, QString> env;
        for (const auto &p : pairs)
            env.insert(p.first, p.second);
        change(tr("Edit environment"), QStringLiteral("environment"), [env](gw::model::Function &f) { f.environment = env; });
    });
}

void FunctionEditor::change(const QString &text, const QString &field, const std::function<void(gw::model::Function &)> &f)
{
    const ItemRef ref = item();
    edit(text, [ref, f](gw::model::Project &p) {
        if (auto *fn = findFunction(p, ref))
            f(*fn);
    }, field);
}

void FunctionEditor::rename()
{
    const QString name = m_name->text().trimmed();
    const auto *current = findFunction(project(), item());
    if (!current || name == current->name)
        return;
    if (name.isEmpty() || findFunction(project(), ItemRef{ItemRef::Kind::Function, {}, {}, {}, name})) {
        m_name->setText(current->name); // an empty or taken name is refused; the field says so
        m_name->setToolTip(name.isEmpty() ? tr("A function needs a name") : tr("Another function is called %1").arg(name));
        return;
    }
    m_name->setToolTip({});
    const QString old = current->name;
    edit(tr("Rename function %1 to %2").arg(old, name), [old, name](gw::model::Project &p) {
        for (auto &f : p.functions)
            if (f.name == old)
                f.name = name;
    });
    retarget(ItemRef{ItemRef::Kind::Function, {}, {}, {}, name});
}

void FunctionEditor::load()
{
    const auto *f = findFunction(project(), item());
    setEnabled(f != nullptr);
    if (!f)
        return;
    form::setText(m_name, f->name);
    form::setCurrent(m_runtime, f->runtime);
    form::setText(m_endpoint, f->endpointUrl);
    m_endpoint->setEnabled(f->runtime == QLatin1String("endpoint"));
    m_code->setEnabled(f->runtime != QLatin1String("endpoint"));
    form::setValue(m_timeout, f->timeoutSeconds);
    form::setValue(m_memory, f->memoryMb);
    if (m_code->text() != f->code) {
        m_settingCode = true;
        m_code->setText(f->code);
        m_settingCode = false;
    }
    KeyValueTable::Pairs env;
    for (auto it = f->environment.cbegin(); it != f->environment.cend(); ++it)
        env.append({it.key(), it.value()});
    m_environment->setPairs(env);
    m_test->setFunction(*f);
}

} // namespace gw::ui
