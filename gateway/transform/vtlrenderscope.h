#pragma once

#include "vtlvalue.h"

#include <QString>

#include <memory>
#include <vector>

namespace gw::transform {

// The state one render keeps on its thread for the value operations that cannot return an error
// themselves (toString, toJsonText, equals, $util.parseJson), and the render's clean-up.
//
// A fault is the first thing that went wrong in such an operation: a value that reaches itself
// through another one, a value nested too deeply, text too long to build. The evaluator turns it
// into the template's error (a 500 for the request), as API Gateway answers a mapping that threw.
//
// Cycles: Java's garbage collector frees a list that holds itself; shared pointers do not. Every
// container a template stores a list, map or object into is noted, and when the render ends
// the containers on a cycle are emptied, so that nothing a template built outlives it.
//
// One scope per render, on the render's thread; scopes nest (a scope remembers the outer one).
class VtlRenderScope {
public:
    explicit VtlRenderScope(qsizetype maxChars);
    ~VtlRenderScope();
    VtlRenderScope(const VtlRenderScope &) = delete;
    VtlRenderScope &operator=(const VtlRenderScope &) = delete;

    // The scope of the render running on this thread, or null.
    static VtlRenderScope *current();
    // Records `message` as the current render's fault (the first one wins); without a render it
    // is dropped (the operation has already stopped safely).
    static void fault(const QString &message);
    // `container` (a list, map or object) now holds `stored`.
    static void noteStored(const VtlValue &container, const VtlValue &stored);
    // The longest text a value operation may build: the render's output limit.
    static qsizetype maxChars();

    bool failed() const { return m_failed; }
    const QString &error() const { return m_error; }
    // Empties every noted container that lies on a cycle (also run by the destructor).
    void releaseCycles();

private:
    VtlRenderScope *m_outer = nullptr;
    qsizetype m_maxChars = 0;
    bool m_failed = false;
    QString m_error;
    struct Noted {
        std::weak_ptr<void> container;
        VtlValue::Type type;
    };
    std::vector<Noted> m_noted;
    QHash<const void *, size_t> m_notedAt; // container → its entry in m_noted
};

} // namespace gw::transform
