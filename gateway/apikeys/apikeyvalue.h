#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace gw::apikeys {

// `length` characters drawn evenly from the first `alphabetSize` of `alphabet` by the system's
// cryptographically secure generator (alphabetSize at most 256).
QString randomAlphanumerics(int length, const char *alphabet, quint32 alphabetSize);
// A new key value as API Gateway makes them: 40 letters and digits from the system's
// cryptographically secure generator.
QString generateApiKeyValue();
// A key id shaped like API Gateway's (10 lower-case letters and digits).
QString generateApiKeyId();
// Compares in time that depends only on the lengths, so a client cannot learn a key's value
// from how quickly a wrong guess is refused.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
// What logs and the CLI show of a key: observe::maskSecret's mask (at most its first four
// characters), the same as the x-api-key header gets in traces, so a key looks the same everywhere.
QString maskApiKey(const QString &value);

} // namespace gw::apikeys
