#pragma once

#include <QJsonValue>
#include <QStringList>

namespace gw::validate {

// $context.error.validationErrorString from JsonSchema::validate's lines ("<root>[a][0]: ..."):
// "[msg, msg]" as API Gateway prints its validator's report. The most common problems are worded
// as AWS words them (`object has missing required properties (["a","b"])`, `instance type
// (string) does not match any allowed primitive type`); valijson's summary lines for a parent of
// a failing child are dropped; other problems keep valijson's text with the JSON pointer.
QString validationErrorString(const QStringList &errors, const QJsonValue &instance);

} // namespace gw::validate
