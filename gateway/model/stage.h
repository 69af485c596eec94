#pragma once

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace gw::model {

// Per-method stage settings, keyed "resourcePath/VERB" with "*/*" for the stage default,
// as API Gateway's methodSettings are.
struct MethodSetting
{
    std::optional<int> throttlingBurstLimit;
    std::optional<double> throttlingRateLimit;
    std::optional<bool> cachingEnabled;
    std::optional<int> cacheTtlInSeconds;
    std::optional<bool> cacheDataEncrypted;
    std::optional<bool> requireAuthorizationForCacheControl;
    QString unauthorizedCacheControlHeaderStrategy;
    std::optional<bool> metricsEnabled;
    QString loggingLevel;
    std::optional<bool> dataTraceEnabled;
    friend bool operator==(const MethodSetting &, const MethodSetting &) = default;
};

struct CanarySettings
{
    QString deploymentId;
    double percentTraffic = 0.0;
    QMap<QString, QString> stageVariableOverrides;
    bool useStageCache = false;
    friend bool operator==(const CanarySettings &, const CanarySettings &) = default;
};

struct Stage
{
    QString name;
    QString description;
    QString deploymentId;
    QMap<QString, QString> variables;
    bool cacheClusterEnabled = false;
    QString cacheClusterSize = QStringLiteral("0.5");
    QMap<QString, MethodSetting> methodSettings;
    std::optional<CanarySettings> canary;
    QString accessLogFormat;
    QString accessLogDestination;
    bool tracingEnabled = false;
    friend bool operator==(const Stage &, const Stage &) = default;
};

} // namespace gw::model
