#include "vtlrenderscope.h"

namespace gw::transform {

namespace {

thread_local VtlRenderScope *t_current = nullptr;

VtlValue valueOf(const std::shared_ptr<void> &p, VtlValue::Type type)
{
    switch (type) {
    case VtlValue::Type::List:
        return VtlValue::fromList(std::static_pointer_cast<VtlList>(p));
    case VtlValue::Type::Map:
        return VtlValue::fromMap(std::static_pointer_cast<VtlMap>(p));
    case VtlValue::Type::Object:
        return VtlValue::fromObject(std::static_pointer_cast<VtlObject>(p));
    default:
        return {};
    }
}

QList<VtlValue> childrenOf(const VtlValue &v)
{
    switch (v.type()) {
    case VtlValue::Type::List:
        return v.list()->items;
    case VtlValue::Type::Map:
        return v.map()->values();
    case VtlValue::Type::Object:
        return v.object()->held();
    default:
        return {};
    }
}

void release(const VtlValue &v)
{
    switch (v.type()) {
    case VtlValue::Type::List:
        v.list()->items.clear();
        break;
    case VtlValue::Type::Map:
        v.map()->clear();
        break;
    case VtlValue::Type::Object:
        v.object()->releaseHeld();
        break;
    default:
        break;
    }
}

} // namespace

VtlRenderScope::VtlRenderScope(qsizetype maxChars) : m_outer(t_current), m_maxChars(maxChars)
{
    t_current = this;
}

VtlRenderScope::~VtlRenderScope()
{
    releaseCycles();
    t_current = m_outer;
}

VtlRenderScope *VtlRenderScope::current()
{
    return t_current;
}

void VtlRenderScope::fault(const QString &message)
{
    VtlRenderScope *s = t_current;
    if (s && !s->m_failed) {
        s->m_failed = true;
        s->m_error = message;
    }
}

qsizetype VtlRenderScope::maxChars()
{
    // Outside a render (reading overrides after it) the default output limit applies.
    return t_current ? t_current->m_maxChars : qsizetype(10 * 1024 * 1024);
}

void VtlRenderScope::noteStored(const VtlValue &container, const VtlValue &stored)
{
    VtlRenderScope *s = t_current;
    if (!s || !stored.isShared() || !container.isShared())
        return;
    const void *id = container.identity();
    const auto it = s->m_notedAt.constFind(id);
    // An address seen before may belong to a container freed since and a new one made there.
    if (it != s->m_notedAt.cend() && !s->m_noted[*it].container.expired())
        return;
    s->m_notedAt.insert(id, s->m_noted.size());
    s->m_noted.push_back({container.shared(), container.type()});
}

void VtlRenderScope::releaseCycles()
{
    // Every cycle passes through a container a template stored into (a new list or map cannot
    // hold anything that already holds it), so a depth-first walk from the noted containers
    // meets every cycle; each edge back to a container on the walk's path closes one, and
    // emptying that container opens it. Iterative: values may be nested a million deep.
    enum : quint8 { Unseen, OnPath, Done };
    QHash<const void *, quint8> state;
    QList<VtlValue> closing;
    struct Frame {
        QList<VtlValue> children;
        qsizetype next = 0;
        const void *id = nullptr;
    };
    std::vector<Frame> path;
    for (const Noted &n : m_noted) {
        const std::shared_ptr<void> p = n.container.lock();
        if (!p || state.value(p.get()) != Unseen)
            continue;
        const VtlValue root = valueOf(p, n.type);
        state.insert(root.identity(), OnPath);
        path.push_back({childrenOf(root), 0, root.identity()});
        while (!path.empty()) {
            Frame &f = path.back();
            if (f.next == f.children.size()) {
                state.insert(f.id, Done);
                path.pop_back();
                continue;
            }
            const VtlValue child = f.children[f.next++];
            if (!child.isShared())
                continue;
            const quint8 s = state.value(child.identity());
            if (s == OnPath)
                closing.append(child);
            else if (s == Unseen) {
                state.insert(child.identity(), OnPath);
                path.push_back({childrenOf(child), 0, child.identity()});
            }
        }
    }
    for (const VtlValue &v : closing)
        release(v);
    m_noted.clear();
    m_notedAt.clear();
}

} // namespace gw::transform
