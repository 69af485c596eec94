#pragma once

#include <QString>

namespace gw::auth {

// New credentials for a local IAM identity, shaped as IAM issues them, from the system's
// cryptographically secure generator: AKIA + 16 of A-Z2-7, and 40 characters of A-Za-z0-9/+.
QString generateAccessKeyId();
QString generateSecretAccessKey();
// What the CLI and the GUI show of a secret or session token: at most its first four characters.
QString maskIamSecret(const QString &secret);

} // namespace gw::auth
