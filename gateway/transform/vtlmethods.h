#pragma once

#include "vtlvalue.h"

namespace gw::transform {

// The Java methods templates call on strings, numbers, lists and maps (String.replaceAll,
// List.add, Map.keySet, ...). `found` is false when the type has no such method; the reference
// then renders as empty, as API Gateway prints it.
VtlValue callJavaMethod(const VtlValue &target, const QString &name, const QList<VtlValue> &args, bool *found);

// A bean-style property ($list.empty → isEmpty(), $str.bytes → getBytes()); maps look the key up.
VtlValue javaProperty(const VtlValue &target, const QString &name);

} // namespace gw::transform
