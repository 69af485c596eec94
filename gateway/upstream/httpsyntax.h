#pragma once

#include <QByteArrayView>

namespace gw::upstream::syntax {

// RFC 9110/9112 character classes and small grammar checks shared by the response parser and
// the request writer. Pure functions over bytes; no allocation.

bool isTokenChar(char c);
bool isToken(QByteArrayView s);
// field-value: HTAB, SP, VCHAR and obs-text only (no CR, LF, NUL or other controls).
bool isFieldValue(QByteArrayView s);
QByteArrayView trimOws(QByteArrayView s);
// True when the comma-separated list `list` holds `token` (case-insensitive, OWS trimmed).
bool listContainsToken(QByteArrayView list, QByteArrayView token);

// Content-Length: one decimal number, or a list of identical ones ("5, 5"). -1 when invalid.
qint64 parseContentLength(QByteArrayView value);

// chunk-size [ chunk-ext ] without the CRLF. Returns the size, -1 when malformed, -2 when the
// size exceeds `max` (checked while reading digits, so huge sizes never overflow).
qint64 parseChunkSizeLine(QByteArrayView line, qint64 max);

} // namespace gw::upstream::syntax
