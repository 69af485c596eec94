#include "importcontext.h"

#include "stableid.h"

#include <cmath>

namespace gw::openapi {

namespace {

bool isDocumentation(const QString &key)
{
    static const QSet<QString> keys = {
        QStringLiteral("description"), QStringLiteral("summary"), QStringLiteral("tags"),
        QStringLiteral("externalDocs"), QStringLiteral("example"), QStringLiteral("examples"),
        QStringLiteral("deprecated"), QStringLiteral("contact"), QStringLiteral("license"),
        QStringLiteral("termsOfService")};
    return keys.contains(key);
}

} // namespace

ImportContext::ImportContext(DocumentSet &d, const ImportOptions &o, model::Api &a)
    : docs(d), options(o), api(a), def(a.design)
{
}

void ImportContext::warn(const QString &path, const QString &message)
{
    diagnostics.append({model::Diagnostic::Severity::Warning, path, message});
}

void ImportContext::error(const QString &path, const QString &message)
{
    diagnostics.append({model::Diagnostic::Severity::Error, path, message});
}

std::optional<QJsonObject> ImportContext::object(const QJsonValue &value, Location &at, const QString &path)
{
    QString problem;
    const auto v = docs.follow(value, at, &problem);
    if (!v) {
        error(path, problem);
        return std::nullopt;
    }
    if (!v->isObject()) {
        error(path, QStringLiteral("expected an object"));
        return std::nullopt;
    }
    return v->toObject();
}

void ImportContext::checkKeys(const QJsonObject &o, const QString &path, std::initializer_list<const char *> known)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString &key = it.key();
        bool isKnown = false;
        for (const char *k : known)
            if (key == QLatin1String(k)) {
                isKnown = true;
                break;
            }
        if (isKnown)
            continue;
        if (isDocumentation(key))
            noteDocumentation(path, key);
        else if (key.startsWith(QLatin1String("x-amazon-apigateway-")))
            warn(childPath(path, key), QStringLiteral("%1 is not supported here; ignored").arg(key));
        else
            warn(childPath(path, key), QStringLiteral("'%1' has no place in the API Gateway model; ignored").arg(key));
    }
}

void ImportContext::noteDocumentation(const QString &path, const QString &key)
{
    m_documentation[key].append(childPath(path, key));
}

void ImportContext::finish()
{
    for (auto it = m_documentation.begin(); it != m_documentation.end(); ++it) {
        const QStringList &paths = it.value();
        QString message = QStringLiteral("documentation field '%1' is not kept (%2 occurrence%3")
                              .arg(it.key()).arg(paths.size()).arg(paths.size() == 1 ? QString() : QStringLiteral("s"));
        if (paths.size() > 1)
            message += QStringLiteral(", e.g. also at %1").arg(paths.mid(1, 3).join(QStringLiteral(", ")));
        warn(paths.first(), message + QLatin1Char(')'));
    }
}

QString ImportContext::authorizerIdFor(const QString &name) const
{
    return stableId(QStringLiteral("authorizer:") + api.id + QLatin1Char(':') + name, 6);
}

QString ImportContext::validatorIdByName(const QString &name) const
{
    for (const auto &v : def.requestValidators)
        if (v.name == name)
            return v.id;
    return {};
}

QString childPath(const QString &parent, const QString &key)
{
    bool plain = !key.isEmpty();
    for (QChar c : key)
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('$'))) {
            plain = false;
            break;
        }
    if (plain)
        return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
    QString quoted = key;
    quoted.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return parent + QStringLiteral("[\"") + quoted + QStringLiteral("\"]");
}

QString childPath(const QString &parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString scalarString(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::trunc(d) == d && std::fabs(d) < 1e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    if (v.isString())
        return {v.toString()};
    const QJsonArray a = v.toArray();
    for (const auto &item : a)
        out.append(scalarString(item));
    return out;
}

QMap<QString, QString> stringMap(const QJsonValue &v)
{
    QMap<QString, QString> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), scalarString(it.value()));
    return out;
}

} // namespace gw::openapi
