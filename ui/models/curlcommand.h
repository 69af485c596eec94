#pragma once

#include "clientrequest.h"

#include <QStringList>

namespace gw::ui {

// A curl command line as the client reads ("Paste cURL") and writes ("Copy as cURL") it.
// Understood: -X/--request, -H/--header, -d/--data/--data-raw/--data-binary/--data-ascii,
// --data-urlencode, --json, --url, -G/--get, -I/--head, -u/--user, -A/--user-agent,
// -e/--referer, -b/--cookie; quoting with '…', "…" and $'…', backslash escapes and line
// continuations. Other options are skipped and listed in `ignored`, so the user knows.
struct CurlCommand
{
    ClientRequest request;
    QStringList ignored; // options and arguments that had no effect
    QString error;       // set when the text is not a usable curl command

    bool ok() const { return error.isEmpty(); }

    static CurlCommand parse(const QString &commandLine);
    // One option per line joined by " \" continuations; values in single quotes.
    static QString format(const ClientRequest &request);
    // The shell words of a command line, quotes removed; `error` set for an unclosed quote.
    static QStringList split(const QString &commandLine, QString *error = nullptr);
};

} // namespace gw::ui
