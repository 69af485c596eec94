#include "receivedrequest.h"

namespace gwtest {

QByteArray ReceivedRequest::header(const QByteArray &name) const
{
    const QList<QByteArray> all = headerValues(name);
    return all.isEmpty() ? QByteArray() : all.last();
}

QList<QByteArray> ReceivedRequest::headerValues(const QByteArray &name) const
{
    QList<QByteArray> values;
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values.append(value);
    return values;
}

QList<QPair<QByteArray, QByteArray>> ReceivedRequest::formParameters() const
{
    QList<QPair<QByteArray, QByteArray>> out;
    QByteArray all = query;
    if (header("content-type").startsWith("application/x-www-form-urlencoded"))
        all += '&' + body;
    for (const QByteArray &piece : all.split('&')) {
        if (piece.isEmpty())
            continue;
        const qsizetype eq = piece.indexOf('=');
        QByteArray key = eq < 0 ? piece : piece.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : piece.mid(eq + 1);
        out.append({QByteArray::fromPercentEncoding(key.replace('+', ' ')),
                    QByteArray::fromPercentEncoding(value.replace('+', ' '))});
    }
    return out;
}

QByteArray ReceivedRequest::formParameter(const QByteArray &name) const
{
    for (const auto &[key, value] : formParameters())
        if (key == name)
            return value;
    return {};
}

} // namespace gwtest
