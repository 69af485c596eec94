#pragma once

#include "document/itemref.h"

#include "gateway/model/project.h"

#include <QFrame>

class QLineEdit;
class QListWidget;

namespace gw::ui {

// Ctrl+K: type part of a path or "GET /pets" and press Enter to jump to that resource or
// method; authorizers, models, validators, API keys and usage plans are found by name. Every
// word typed must appear in the entry, in any order. Thread contract: GUI thread.
class QuickJump : public QFrame
{
    Q_OBJECT
public:
    explicit QuickJump(QWidget *parent = nullptr);
    void open(const gw::model::Project &project);
    void setFilter(const QString &text);
    QStringList visibleEntries() const;
    void choose();   // the highlighted entry

signals:
    void chosen(const gw::ui::ItemRef &ref);

private:
    bool eventFilter(QObject *watched, QEvent *event) override;

    QLineEdit *m_input;
    QListWidget *m_list;
};

} // namespace gw::ui
