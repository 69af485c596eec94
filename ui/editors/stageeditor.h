#pragma once

#include "itemeditor.h"

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLineEdit;
class QPlainTextEdit;
class QSlider;
class QSpinBox;

namespace gw::traffic {
struct TrafficState;
}

namespace gw::ui {

class CacheStatsView;
class KeyValueTable;
class MethodSettingsPanel;

// A stage: description, the deployment it serves, variables, cache and throttling defaults
// (stage-wide method settings "*/*"), per-method overrides, the canary with Promote, access logs.
class StageEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit StageEditor(ProjectDocument *document, QWidget *parent = nullptr);
    // The running engine's caches, for the live statistics and Flush.
    void setTraffic(std::shared_ptr<gw::traffic::TrafficState> traffic);
    CacheStatsView *cacheStats() const { return m_cacheStats; }
    MethodSettingsPanel *methodSettings() const { return m_methodSettings; }

protected:
    void load() override;

private:
    void changeStage(const QString &text, const QString &field, const std::function<void(gw::model::Stage &)> &f);
    void changeDefaults(const QString &text, const QString &field, const std::function<void(gw::model::MethodSetting &)> &f);
    QWidget *buildCacheAndThrottling();
    QWidget *buildCanary();
    QWidget *buildLogging();

    QLineEdit *m_description;
    QComboBox *m_deployment;
    KeyValueTable *m_variables;
    QCheckBox *m_cacheEnabled;
    QComboBox *m_cacheSize;
    QSpinBox *m_cacheTtl;
    QCheckBox *m_cacheEncrypted;
    QDoubleSpinBox *m_rate;
    QSpinBox *m_burst;
    MethodSettingsPanel *m_methodSettings;
    CacheStatsView *m_cacheStats;
    QGroupBox *m_canary;
    QSlider *m_canaryPercent;
    QDoubleSpinBox *m_canaryPercentValue;
    QComboBox *m_canaryDeployment;
    QCheckBox *m_canaryUsesCache;
    KeyValueTable *m_canaryVariables;
    QComboBox *m_logPreset;
    QPlainTextEdit *m_logFormat;
    QLineEdit *m_logDestination;
};

} // namespace gw::ui
