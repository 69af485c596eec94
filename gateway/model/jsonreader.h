#pragma once

#include "diagnostic.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>

#include <optional>

namespace gw::model {

// Reads typed fields out of a JSON object and records a Diagnostic, with the field's JSON path,
// for every field of the wrong type. Missing fields keep the caller's default.
class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString path, Diagnostics *diagnostics)
        : m_object(object), m_path(std::move(path)), m_diagnostics(diagnostics) {}

    void read(const char *key, QString &out) const;
    void read(const char *key, int &out) const;
    void read(const char *key, double &out) const;
    void read(const char *key, bool &out) const;
    void read(const char *key, QStringList &out) const;
    void read(const char *key, QJsonObject &out) const;
    void read(const char *key, QMap<QString, QString> &out) const;
    void read(const char *key, QMap<QString, bool> &out) const;
    void read(const char *key, std::optional<int> &out) const;
    void read(const char *key, std::optional<double> &out) const;
    void read(const char *key, std::optional<bool> &out) const;

    QJsonArray array(const char *key) const;
    QJsonObject object(const char *key) const;
    bool has(const char *key) const { return m_object.contains(QLatin1String(key)); }
    QString childPath(const char *key) const;
    QString childPath(const char *key, qsizetype index) const;
    QString childPath(const char *key, const QString &mapKey) const;
    void error(const char *key, const QString &message) const;
    Diagnostics *diagnostics() const { return m_diagnostics; }
    const QJsonObject &json() const { return m_object; }

private:
    QJsonValue value(const char *key, QJsonValue::Type expected, const char *typeName) const;

    QJsonObject m_object;
    QString m_path;
    Diagnostics *m_diagnostics;
};

} // namespace gw::model
