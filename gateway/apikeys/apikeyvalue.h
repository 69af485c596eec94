#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace gw::apikeys {

// A new key value as API Gateway makes them: 40 letters and digits from the system's
// cryptographically secure generator.
QString generateApiKeyValue();
// A key id shaped like API Gateway's (10 lower-case letters and digits).
QString generateApiKeyId();
// Compares in time that depends only on the lengths, so a client cannot learn a key's value
// from how quickly a wrong guess is refused.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
// What logs and the CLI show of a key: its first four characters, as observe::maskSecret does
// for the x-api-key header, so the same key looks the same everywhere.
QString maskApiKey(const QString &value);

} // namespace gw::apikeys
