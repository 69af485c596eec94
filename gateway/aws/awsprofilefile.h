#pragma once

#include <QHash>
#include <QString>

namespace gw::aws {

// One of the AWS CLI's INI files. The credentials file names sections [name]; the config file
// names them [profile name] (and [default]); other config sections (sso-session, services)
// are skipped. Keys are lower-cased; indented sub-section lines are skipped.
class AwsProfileFile
{
public:
    enum class Kind { Credentials, Config };

    static AwsProfileFile parse(const QByteArray &text, Kind kind);
    // A missing file is an empty file; an unreadable one sets *error.
    static AwsProfileFile load(const QString &path, Kind kind, QString *error = nullptr);

    bool contains(const QString &profile) const { return m_profiles.contains(profile); }
    QString value(const QString &profile, const QString &key) const;
    QHash<QString, QString> profile(const QString &profile) const { return m_profiles.value(profile); }

private:
    QHash<QString, QHash<QString, QString>> m_profiles;
};

} // namespace gw::aws
