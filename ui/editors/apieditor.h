#pragma once

#include "itemeditor.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace gw::ui {

class CorsDialog;

// An API's settings: name, description, type, endpoint type, binary media types, key source,
// and for HTTP APIs the CORS configuration the gateway answers preflights with.
class ApiEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit ApiEditor(ProjectDocument *document, QWidget *parent = nullptr);
    // HTTP APIs: opens the CORS configuration; accepting it is one undo step.
    CorsDialog *openCorsDialog();

protected:
    void load() override;

private:
    void change(const QString &text, const QString &field, const std::function<void(gw::model::Api &)> &f);

    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QComboBox *m_type;
    QComboBox *m_endpointType;
    QLineEdit *m_binaryTypes;
    QComboBox *m_keySource;
    QFormLayout *m_form;
    QWidget *m_corsRow;
    QLabel *m_cors;
};

} // namespace gw::ui
