#pragma once

#include "keyvaluemodel.h"

namespace gw::ui::urlquery {

// Keeps the client's URL text and its parameter table in step without fighting the user's
// typing: the table is parsed from the URL as typed (percent-decoding, '+' as space), and the
// URL's query is rewritten from the table only when the table is edited.

// The query of a URL as typed ("http://h/p?a=1&b#frag" gives a=1 and b=""), decoded.
QList<KeyValueRow> parse(const QString &url);
// The URL with its query replaced by the enabled rows (encoded), fragment kept.
QString withQuery(const QString &url, const QList<KeyValueRow> &rows);
// The rows parsed from a newly typed URL, with the disabled rows of the old table kept.
QList<KeyValueRow> merge(const QString &url, const QList<KeyValueRow> &oldRows);

} // namespace gw::ui::urlquery
