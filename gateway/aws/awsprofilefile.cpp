#include "awsprofilefile.h"

#include <QFile>

namespace gw::aws {
namespace {

QString sectionProfile(const QString &section, AwsProfileFile::Kind kind)
{
    if (kind == AwsProfileFile::Kind::Credentials)
        return section;
    if (section == QLatin1String("default"))
        return section;
    static const QString prefix = QStringLiteral("profile ");
    if (section.startsWith(prefix))
        return section.mid(prefix.size()).trimmed();
    return {};
}

// "value # comment": a comment needs whitespace before it, so '#' inside values survives.
QString stripInlineComment(const QString &value)
{
    for (qsizetype i = 1; i < value.size(); ++i) {
        if ((value[i] == QLatin1Char('#') || value[i] == QLatin1Char(';')) && value[i - 1].isSpace())
            return value.left(i).trimmed();
    }
    return value;
}

} // namespace

AwsProfileFile AwsProfileFile::parse(const QByteArray &text, Kind kind)
{
    AwsProfileFile file;
    QString current;
    bool inProfile = false;
    for (const QByteArray &rawLine : text.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            current = sectionProfile(line.mid(1, line.size() - 2).trimmed(), kind);
            inProfile = !current.isEmpty();
            if (inProfile)
                file.m_profiles[current];  // an empty profile still exists
            continue;
        }
        if (!inProfile || rawLine.startsWith(' ') || rawLine.startsWith('\t'))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq).trimmed().toLower();
        file.m_profiles[current].insert(key, stripInlineComment(line.mid(eq + 1).trimmed()));
    }
    return file;
}

AwsProfileFile AwsProfileFile::load(const QString &path, Kind kind, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + QStringLiteral(": cannot read: ") + file.errorString();
        return {};
    }
    return parse(file.readAll(), kind);
}

QString AwsProfileFile::value(const QString &profile, const QString &key) const
{
    return m_profiles.value(profile).value(key);
}

} // namespace gw::aws
