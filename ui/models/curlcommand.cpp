#include "curlcommand.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>

namespace gw::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gw::ui::CurlCommand", text);
}

// ANSI-C quoting ($'…'), as browsers' "Copy as cURL (bash)" writes bodies with newlines.
QChar ansiEscape(QChar c)
{
    switch (c.unicode()) {
    case 'n': return QLatin1Char('\n');
    case 't': return QLatin1Char('\t');
    case 'r': return QLatin1Char('\r');
    case '0': return QChar();
    default: return c;
    }
}

QString shellQuote(const QString &s)
{
    QString quoted = s;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// Options that take a value we do not use: the value must be skipped, not read as the URL.
const QSet<QString> &ignoredWithValue()
{
    static const QSet<QString> set{
        QStringLiteral("-o"), QStringLiteral("--output"), QStringLiteral("-m"), QStringLiteral("--max-time"),
        QStringLiteral("--connect-timeout"), QStringLiteral("-w"), QStringLiteral("--write-out"), QStringLiteral("-x"),
        QStringLiteral("--proxy"), QStringLiteral("--cacert"), QStringLiteral("-E"), QStringLiteral("--cert"),
        QStringLiteral("--key"), QStringLiteral("--resolve"), QStringLiteral("--retry"), QStringLiteral("-F"),
        QStringLiteral("--form"), QStringLiteral("-T"), QStringLiteral("--upload-file"), QStringLiteral("-c"),
        QStringLiteral("--cookie-jar"), QStringLiteral("--limit-rate"), QStringLiteral("-r"), QStringLiteral("--range")};
    return set;
}

// Flags that change nothing about the request itself: skipped without a word.
const QSet<QString> &harmlessFlags()
{
    static const QSet<QString> set{
        QStringLiteral("-s"), QStringLiteral("--silent"), QStringLiteral("-S"), QStringLiteral("--show-error"),
        QStringLiteral("-v"), QStringLiteral("--verbose"), QStringLiteral("-i"), QStringLiteral("--include"),
        QStringLiteral("-k"), QStringLiteral("--insecure"), QStringLiteral("-L"), QStringLiteral("--location"),
        QStringLiteral("--compressed"), QStringLiteral("-f"), QStringLiteral("--fail")};
    return set;
}

} // namespace

QStringList CurlCommand::split(const QString &line, QString *error)
{
    QStringList words;
    QString word;
    bool inWord = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            // A backslash before a line break continues the line (also "\\\r\n").
            qsizetype next = i + 1;
            if (line[next] == QLatin1Char('\r') && next + 1 < line.size() && line[next + 1] == QLatin1Char('\n'))
                ++next;
            if (line[next] == QLatin1Char('\n')) {
                i = next;
                continue;
            }
            word += line[++i];
            inWord = true;
        } else if (c == QLatin1Char('\'')) {
            const qsizetype end = line.indexOf(QLatin1Char('\''), i + 1);
            if (end < 0) {
                if (error)
                    *error = tr("a ' quote is not closed");
                return {};
            }
            word += line.mid(i + 1, end - i - 1);
            inWord = true;
            i = end;
        } else if (c == QLatin1Char('"') || (c == QLatin1Char('$') && i + 1 < line.size() && line[i + 1] == QLatin1Char('\''))) {
            const bool ansi = c == QLatin1Char('$');
            const QChar close = ansi ? QLatin1Char('\'') : QLatin1Char('"');
            i += ansi ? 2 : 1;
            for (; i < line.size() && line[i] != close; ++i) {
                if (line[i] == QLatin1Char('\\') && i + 1 < line.size()) {
                    const QChar e = line[++i];
                    if (ansi)
                        word += ansiEscape(e);
                    else if (e == QLatin1Char('"') || e == QLatin1Char('\\') || e == QLatin1Char('$') || e == QLatin1Char('`'))
                        word += e;
                    else if (e != QLatin1Char('\n'))
                        word += QLatin1Char('\\') + QString(e);
                } else {
                    word += line[i];
                }
            }
            if (i >= line.size()) {
                if (error)
                    *error = ansi ? tr("a $' quote is not closed") : tr("a \" quote is not closed");
                return {};
            }
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.append(word);
    return words;
}

CurlCommand CurlCommand::parse(const QString &commandLine)
{
    CurlCommand cmd;
    QStringList words = split(commandLine, &cmd.error);
    if (!cmd.ok())
        return cmd;
    if (!words.isEmpty() && words.first() == QLatin1String("curl"))
        words.removeFirst();
    else {
        cmd.error = tr("a cURL command starts with \"curl\"");
        return cmd;
    }
    QString method;
    QStringList data;
    bool get = false;
    bool head = false;
    // Short options may carry their value attached ("-XPOST", "-HAccept: x").
    static const QString withValue = QStringLiteral("XHdubAe");
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString opt = words[i];
        QString value;
        bool hasValue = false;
        if (opt.size() > 2 && opt[0] == QLatin1Char('-') && opt[1] != QLatin1Char('-') && withValue.contains(opt[1])) {
            value = opt.mid(2);
            opt = opt.left(2);
            hasValue = true;
        }
        const auto takeValue = [&]() -> bool {
            if (hasValue)
                return true;
            if (i + 1 >= words.size()) {
                cmd.error = tr("%1 needs a value").arg(opt);
                return false;
            }
            value = words[++i];
            return true;
        };
        if (opt == QLatin1String("-X") || opt == QLatin1String("--request")) {
            if (!takeValue())
                return cmd;
            method = value.toUpper();
        } else if (opt == QLatin1String("-H") || opt == QLatin1String("--header")) {
            if (!takeValue())
                return cmd;
            const qsizetype colon = value.indexOf(QLatin1Char(':'));
            if (colon > 0)
                cmd.request.headers.append({value.left(colon).trimmed().toLatin1(), value.mid(colon + 1).trimmed().toUtf8()});
            else
                cmd.ignored.append(QStringLiteral("-H %1").arg(value));
        } else if (opt == QLatin1String("-d") || opt == QLatin1String("--data") || opt == QLatin1String("--data-raw")
                   || opt == QLatin1String("--data-binary") || opt == QLatin1String("--data-ascii") || opt == QLatin1String("--json")) {
            if (!takeValue())
                return cmd;
            if (value.startsWith(QLatin1Char('@')) && opt != QLatin1String("--data-raw")) {
                cmd.ignored.append(QStringLiteral("%1 %2 (files are not read)").arg(opt, value));
                continue;
            }
            data.append(value);
            if (opt == QLatin1String("--json")) {
                cmd.request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
                cmd.request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
            }
        } else if (opt == QLatin1String("--data-urlencode")) {
            if (!takeValue())
                return cmd;
            const qsizetype eq = value.indexOf(QLatin1Char('='));
            const QString content = eq < 0 ? value : value.mid(eq + 1);
            const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(content));
            data.append(eq <= 0 ? encoded : value.left(eq) + QLatin1Char('=') + encoded);
        } else if (opt == QLatin1String("--url")) {
            if (!takeValue())
                return cmd;
            cmd.request.url = value;
        } else if (opt == QLatin1String("-G") || opt == QLatin1String("--get")) {
            get = true;
        } else if (opt == QLatin1String("-I") || opt == QLatin1String("--head")) {
            head = true;
        } else if (opt == QLatin1String("-u") || opt == QLatin1String("--user")) {
            if (!takeValue())
                return cmd;
            cmd.request.headers.append({QByteArrayLiteral("Authorization"), QByteArray("Basic " + value.toUtf8().toBase64())});
        } else if (opt == QLatin1String("-A") || opt == QLatin1String("--user-agent")) {
            if (!takeValue())
                return cmd;
            cmd.request.headers.append({QByteArrayLiteral("User-Agent"), value.toUtf8()});
        } else if (opt == QLatin1String("-e") || opt == QLatin1String("--referer")) {
            if (!takeValue())
                return cmd;
            cmd.request.headers.append({QByteArrayLiteral("Referer"), value.toUtf8()});
        } else if (opt == QLatin1String("-b") || opt == QLatin1String("--cookie")) {
            if (!takeValue())
                return cmd;
            cmd.request.headers.append({QByteArrayLiteral("Cookie"), value.toUtf8()});
        } else if (ignoredWithValue().contains(opt)) {
            cmd.ignored.append(i + 1 < words.size() ? opt + QLatin1Char(' ') + words[++i] : opt);
        } else if (harmlessFlags().contains(opt)) {
            continue;
        } else if (opt.startsWith(QLatin1Char('-')) && opt.size() > 1) {
            cmd.ignored.append(opt);
        } else if (cmd.request.url.isEmpty()) {
            cmd.request.url = opt;
        } else {
            cmd.ignored.append(opt);
        }
    }
    if (cmd.request.url.isEmpty()) {
        cmd.error = tr("no URL in the command");
        return cmd;
    }
    const QByteArray body = data.join(QLatin1Char('&')).toUtf8();
    if (get && !body.isEmpty()) {
        // -G: the data goes into the query string, as curl does.
        const QString url = cmd.request.url;
        const QChar joiner = url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?');
        cmd.request.url = url + joiner + QString::fromUtf8(body);
    } else if (!body.isEmpty()) {
        cmd.request.body = body;
        if (cmd.request.header("Content-Type").isEmpty())
            cmd.request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")});
    }
    if (!method.isEmpty())
        cmd.request.method = method;
    else if (head)
        cmd.request.method = QStringLiteral("HEAD");
    else
        cmd.request.method = (!body.isEmpty() && !get) ? QStringLiteral("POST") : QStringLiteral("GET");
    return cmd;
}

QString CurlCommand::format(const ClientRequest &request)
{
    QStringList parts{QStringLiteral("curl")};
    const bool inferred = (request.method == QLatin1String("GET") && request.body.isEmpty())
        || (request.method == QLatin1String("POST") && !request.body.isEmpty());
    if (request.method == QLatin1String("HEAD") && request.body.isEmpty())
        parts.append(QStringLiteral("-I"));
    else if (!inferred)
        parts.append(QStringLiteral("-X ") + request.method);
    parts.append(shellQuote(request.url));
    for (const auto &h : request.headers)
        parts.append(QStringLiteral("-H ") + shellQuote(QString::fromLatin1(h.first) + QStringLiteral(": ") + QString::fromUtf8(h.second)));
    if (!request.body.isEmpty())
        parts.append(QStringLiteral("--data-raw ") + shellQuote(QString::fromUtf8(request.body)));
    return parts.join(QStringLiteral(" \\\n  "));
}

} // namespace gw::ui
