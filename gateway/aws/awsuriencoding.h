#pragma once

#include <QByteArray>

// Percent-encoding as SigV4 defines it (RFC 3986 unreserved characters kept, every other byte
// %XX with upper-case hex), shared by the signer and the request builder so that what is
// sent and what is signed always agree.
namespace gw::aws {

QByteArray uriEncode(const QByteArray &bytes, bool encodeSlash = true);
// Decodes %XX; '+' stays '+' (SigV4 query values are not form-decoded).
QByteArray percentDecode(const QByteArray &bytes);
// Makes a path safe for the wire without touching what is already valid: existing %XX,
// '/', unreserved characters and RFC 3986 sub-delims / ':' / '@' are kept.
QByteArray encodePathForWire(const QByteArray &path);

} // namespace gw::aws
