#pragma once

#include "itemeditor.h"

class QCheckBox;
class QLabel;
class QLineEdit;

namespace gw::ui {

// A request validator of an API: its name, whether it checks the body against the method's
// model and the required parameters, and the methods that use it.
class ValidatorEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit ValidatorEditor(ProjectDocument *document, QWidget *parent = nullptr);
    QString usedByText() const;

protected:
    void load() override;

private:
    QLineEdit *m_name;
    QCheckBox *m_body;
    QCheckBox *m_parameters;
    QLabel *m_usedBy;
};

} // namespace gw::ui
