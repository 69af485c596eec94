#include "jsonreader.h"

namespace gw::model {

QString JsonReader::childPath(const char *key) const
{
    const QString k = QLatin1String(key);
    return m_path.isEmpty() ? k : m_path + QLatin1Char('.') + k;
}

QString JsonReader::childPath(const char *key, qsizetype index) const
{
    return childPath(key) + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString JsonReader::childPath(const char *key, const QString &mapKey) const
{
    return childPath(key) + QLatin1Char('.') + mapKey;
}

void JsonReader::error(const char *key, const QString &message) const
{
    if (m_diagnostics)
        m_diagnostics->append({Diagnostic::Severity::Error, childPath(key), message});
}

QJsonValue JsonReader::value(const char *key, QJsonValue::Type expected, const char *typeName) const
{
    const QJsonValue v = m_object.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return QJsonValue(QJsonValue::Undefined);
    if (v.type() != expected) {
        error(key, QStringLiteral("expected %1").arg(QLatin1String(typeName)));
        return QJsonValue(QJsonValue::Undefined);
    }
    return v;
}

void JsonReader::read(const char *key, QString &out) const
{
    const QJsonValue v = value(key, QJsonValue::String, "a string");
    if (!v.isUndefined())
        out = v.toString();
}

void JsonReader::read(const char *key, int &out) const
{
    const QJsonValue v = value(key, QJsonValue::Double, "an integer");
    if (v.isUndefined())
        return;
    const double d = v.toDouble();
    if (d != double(qint64(d)) || d > 2147483647.0 || d < -2147483648.0)
        error(key, QStringLiteral("expected an integer"));
    else
        out = int(d);
}

void JsonReader::read(const char *key, double &out) const
{
    const QJsonValue v = value(key, QJsonValue::Double, "a number");
    if (!v.isUndefined())
        out = v.toDouble();
}

void JsonReader::read(const char *key, bool &out) const
{
    const QJsonValue v = value(key, QJsonValue::Bool, "true or false");
    if (!v.isUndefined())
        out = v.toBool();
}

void JsonReader::read(const char *key, QStringList &out) const
{
    const QJsonValue v = value(key, QJsonValue::Array, "a list of strings");
    if (v.isUndefined())
        return;
    out.clear();
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].isString()) {
            if (m_diagnostics)
                m_diagnostics->append({Diagnostic::Severity::Error, childPath(key, i),
                                       QStringLiteral("expected a string")});
            continue;
        }
        out.append(a[i].toString());
    }
}

void JsonReader::read(const char *key, QJsonObject &out) const
{
    const QJsonValue v = value(key, QJsonValue::Object, "an object");
    if (!v.isUndefined())
        out = v.toObject();
}

void JsonReader::read(const char *key, QMap<QString, QString> &out) const
{
    const QJsonValue v = value(key, QJsonValue::Object, "an object of strings");
    if (v.isUndefined())
        return;
    out.clear();
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it->isString()) {
            if (m_diagnostics)
                m_diagnostics->append({Diagnostic::Severity::Error, childPath(key, it.key()),
                                       QStringLiteral("expected a string")});
            continue;
        }
        out.insert(it.key(), it->toString());
    }
}

void JsonReader::read(const char *key, QMap<QString, bool> &out) const
{
    const QJsonValue v = value(key, QJsonValue::Object, "an object of booleans");
    if (v.isUndefined())
        return;
    out.clear();
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it->isBool()) {
            if (m_diagnostics)
                m_diagnostics->append({Diagnostic::Severity::Error, childPath(key, it.key()),
                                       QStringLiteral("expected true or false")});
            continue;
        }
        out.insert(it.key(), it->toBool());
    }
}

void JsonReader::read(const char *key, std::optional<int> &out) const
{
    if (!has(key) || m_object.value(QLatin1String(key)).isNull())
        return;
    int v = 0;
    const auto before = m_diagnostics ? m_diagnostics->size() : 0;
    read(key, v);
    if (!m_diagnostics || m_diagnostics->size() == before)
        out = v;
}

void JsonReader::read(const char *key, std::optional<double> &out) const
{
    if (!has(key) || m_object.value(QLatin1String(key)).isNull())
        return;
    double v = 0;
    const auto before = m_diagnostics ? m_diagnostics->size() : 0;
    read(key, v);
    if (!m_diagnostics || m_diagnostics->size() == before)
        out = v;
}

void JsonReader::read(const char *key, std::optional<bool> &out) const
{
    if (!has(key) || m_object.value(QLatin1String(key)).isNull())
        return;
    bool v = false;
    const auto before = m_diagnostics ? m_diagnostics->size() : 0;
    read(key, v);
    if (!m_diagnostics || m_diagnostics->size() == before)
        out = v;
}

QJsonArray JsonReader::array(const char *key) const
{
    return value(key, QJsonValue::Array, "a list").toArray();
}

QJsonObject JsonReader::object(const char *key) const
{
    return value(key, QJsonValue::Object, "an object").toObject();
}

} // namespace gw::model
