#include "identityvalues.h"

#include "gateway/pipeline/requestcontext.h"

#include <QJsonObject>

namespace gw::pipeline {

static QString contextValue(const QJsonObject &context, const QString &dotted)
{
    QJsonValue v = context;
    for (const QString &part : dotted.split(QLatin1Char('.')))
        v = v.toObject().value(part);
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

QStringList identityValues(const RequestContext &ctx, const QList<auth::IdentitySource> &sources)
{
    QStringList out;
    std::optional<QJsonObject> context;
    for (const auth::IdentitySource &s : sources) {
        switch (s.kind) {
        case auth::IdentitySource::Kind::Header:
            out.append(QString::fromUtf8(ctx.request.headers.value(s.name.toLatin1())));
            break;
        case auth::IdentitySource::Kind::QueryString:
            out.append(ctx.queryValue(s.name));
            break;
        case auth::IdentitySource::Kind::StageVariable:
            out.append(ctx.stageVariables.value(s.name));
            break;
        case auth::IdentitySource::Kind::Context:
            if (!context)
                context = ctx.contextObject();
            out.append(contextValue(*context, s.name));
            break;
        }
    }
    return out;
}

} // namespace gw::pipeline
