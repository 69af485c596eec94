#pragma once

#include <QMetaType>
#include <QString>

namespace gw::ui {

// What the navigator points at and an editor edits: a stable address into the project that
// survives rebuilding the tree (ids and paths, never row numbers).
struct ItemRef
{
    enum class Kind {
        None, Project, Api, Resource, Method, Stages, Stage, Functions, Function,
        // Who may call (name holds the authorizer, validator, key or plan id; a model's name)
        Authorizers, Authorizer, Models, Model, Validators, Validator, ApiKeys, ApiKey, UsagePlans, UsagePlan
    };
    Kind kind = Kind::None;
    QString apiId;
    QString path;     // resource path
    QString verb;     // method
    QString name;     // stage or function name; id of an authorizer, validator, key, plan

    // One string per item, for selection and expansion memory and tests.
    QString key() const
    {
        return QString::number(int(kind)) + QLatin1Char('|') + apiId + QLatin1Char('|') + path + QLatin1Char('|') + verb
               + QLatin1Char('|') + name;
    }
    friend bool operator==(const ItemRef &, const ItemRef &) = default;
};

} // namespace gw::ui

Q_DECLARE_METATYPE(gw::ui::ItemRef)
