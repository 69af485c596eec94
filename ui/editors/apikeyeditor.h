#pragma once

#include "itemeditor.h"

class QCheckBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace gw::ui {

// An API key of the project: name, value (masked unless Show is on; Generate makes a new one as
// the engine does), enabled, description, and the usage plans it belongs to.
class ApiKeyEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit ApiKeyEditor(ProjectDocument *document, QWidget *parent = nullptr);
    QLineEdit *valueField() const { return m_value; }
    QListWidget *plansList() const { return m_plans; }

protected:
    void load() override;

private:
    QLineEdit *m_name;
    QLineEdit *m_value;
    QPushButton *m_show;
    QPushButton *m_generate;
    QCheckBox *m_enabled;
    QLineEdit *m_description;
    QListWidget *m_plans;
};

} // namespace gw::ui
