#pragma once

#include "itemeditor.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace gw::ui {

// A resource: its path part (renaming carries the children along), its methods, a child
// resource and deletion. Every refusal (duplicate, second path parameter, child of a greedy
// parameter) is shown next to the field instead of being applied.
class ResourceEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit ResourceEditor(ProjectDocument *document, QWidget *parent = nullptr);

signals:
    void openItem(const gw::ui::ItemRef &ref);

protected:
    void load() override;

private:
    void rename();
    void addChild();
    void addMethod();
    void deleteResource();

    QLabel *m_fullPath;
    QLineEdit *m_part;
    QLabel *m_message;
    QListWidget *m_methods;
    QComboBox *m_verb;
    QLineEdit *m_childPart;
};

} // namespace gw::ui
