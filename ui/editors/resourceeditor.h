#pragma once

#include "itemeditor.h"

#include "gateway/model/corsenabler.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace gw::ui {

class CorsDialog;

// A resource: its path part (renaming carries the children along), its methods, a child
// resource and deletion. Every refusal (duplicate, second path parameter, child of a greedy
// parameter) is shown next to the field instead of being applied.
class ResourceEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit ResourceEditor(ProjectDocument *document, QWidget *parent = nullptr);
    // "Enable CORS…": opens the dialog (REST APIs); accepting it applies the change as one undo step.
    CorsDialog *openCorsDialog();
    QString message() const;

signals:
    void openItem(const gw::ui::ItemRef &ref);

protected:
    void load() override;

private:
    void rename();
    void addChild();
    void addMethod();
    void deleteResource();
    void enableCors(const gw::model::CorsOptions &options);

    QLabel *m_fullPath;
    QLineEdit *m_part;
    QLabel *m_message;
    QListWidget *m_methods;
    QComboBox *m_verb;
    QLineEdit *m_childPart;
    QPushButton *m_cors;
};

} // namespace gw::ui
