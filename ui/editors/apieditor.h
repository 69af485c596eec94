#pragma once

#include "itemeditor.h"

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace gw::ui {

// An API's settings: name, description, type, endpoint type, binary media types, key source.
class ApiEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit ApiEditor(ProjectDocument *document, QWidget *parent = nullptr);

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
};

} // namespace gw::ui
