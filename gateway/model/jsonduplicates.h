#pragma once

#include <QByteArray>
#include <QStringList>

namespace gw::model {

// The JSON paths of object members that appear more than once in `json` ("keys[1].n"; a
// top-level member is its bare name). QJsonDocument keeps only the last of them, silently, so
// a security-relevant document (a JWKS, a JWT header) is scanned with this first: an attacker
// who can add a second "e" must not be able to choose which one is used. Member names are
// compared after unescaping ("\u006e" is "n"). `json` is expected to be well-formed; scanning
// stops at the first thing that is not JSON.
QStringList duplicateMembers(const QByteArray &json);

} // namespace gw::model
