#pragma once

#include "itemeditor.h"

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace gw::ui {

class KeyValueTable;

// The method request box of the execution picture: authorization, API key, validator and the
// request parameters (path, query string, header) with whether each is required.
class MethodRequestEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit MethodRequestEditor(ProjectDocument *document, QWidget *parent = nullptr);

protected:
    void load() override;

private:
    QComboBox *m_authorization;
    QComboBox *m_authorizer;
    QLineEdit *m_scopes;
    QCheckBox *m_apiKeyRequired;
    QComboBox *m_validator;
    QLineEdit *m_operationName;
    KeyValueTable *m_parameters;
};

} // namespace gw::ui
