#pragma once

#include "itemeditor.h"

class QLineEdit;
class QSpinBox;

namespace gw::ui {

// The project's own settings: its name and where the gateway listens.
class ProjectEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit ProjectEditor(ProjectDocument *document, QWidget *parent = nullptr);

protected:
    void load() override;

private:
    QLineEdit *m_name;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QSpinBox *m_traceBodyLimit;
};

} // namespace gw::ui
