#pragma once

#include "gateway/model/api.h"
#include "gateway/model/stage.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QSpinBox;

namespace gw::ui {

// A stage's per-method overrides (methodSettings other than "*/*"), as the console's "Override
// for this method": a list of keys ("pets~1{id}/GET", wildcards allowed) and, for the selected
// key, throttling and caching that either inherit the stage's defaults or override them. The
// form enforces AWS's bounds (TTL 0–3600 s). Edits go to the owner through `apply`, one undo
// step each. Thread contract: GUI thread.
class MethodSettingsPanel : public QWidget
{
    Q_OBJECT
public:
    using Change = std::function<void(QMap<QString, gw::model::MethodSetting> &)>;
    using Apply = std::function<void(const QString &undoText, const QString &field, const Change &change)>;

    MethodSettingsPanel(Apply apply, QWidget *parent = nullptr);
    // Shows the stage's overrides; the API's methods fill the "add" list.
    void load(const gw::model::ApiDefinition *design, const gw::model::Stage &stage);
    void selectKey(const QString &key);
    QString selectedKey() const;

private:
    void addKey();
    void removeKey();
    void showSelected();
    void changeSelected(const QString &text, const QString &field, const std::function<void(gw::model::MethodSetting &)> &f);

    Apply m_apply;
    QMap<QString, gw::model::MethodSetting> m_settings;
    bool m_loading = false;
    QListWidget *m_keys;
    QComboBox *m_newKey;
    QLabel *m_message;
    QWidget *m_form;
    QGroupBox *m_throttle;
    QDoubleSpinBox *m_rate;
    QSpinBox *m_burst;
    QGroupBox *m_cache;
    QCheckBox *m_cachingEnabled;
    QSpinBox *m_ttl;
    QCheckBox *m_encrypted;
    QCheckBox *m_requireAuth;
    QComboBox *m_strategy;
};

} // namespace gw::ui
