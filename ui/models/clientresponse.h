#pragma once

#include "clientrequest.h"

namespace gw::ui {

// What came back for one ClientRequest: status 0 with an error when nothing did.
struct ClientResponse
{
    int status = 0;
    QByteArray reason;
    qint64 elapsedMs = 0;
    HeaderPairs headers;
    QByteArray body;
    QString error;
    bool cancelled = false;

    // JSON bodies indented, anything else as text; very large bodies are cut for display.
    QString prettyBody() const;
    // "200 OK · 12 ms · 345 bytes", or what went wrong.
    QString summary() const;

    static constexpr qsizetype kMaxDisplayedBody = 2 * 1024 * 1024;
};

} // namespace gw::ui
