#pragma once

#include <QList>
#include <QString>

namespace gw::model {

// One problem in a design document, located by a JSON path into the project file
// (e.g. "apis[0].design.resources[3].methods.GET.integration.uri").
struct Diagnostic
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString path;
    QString message;

    QString toString(const QString &file = {}) const; // "file:path: message"
    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace gw::model
