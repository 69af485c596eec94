#pragma once

#include "gateway/core/httpmessage.h"
#include "gateway/model/project.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QThread;

namespace gw::runtime {

class ProbeWorker;

// "Test authorizer": runs one authorizer of an API, as the designer shows it (saved or not), on
// a request the user describes, through the engine's own pipeline — resource policy aside, a
// throwaway deployment whose only method (ANY on every path) is guarded by that authorizer, run
// in-process by a RequestProcessor on the probe's own thread. So the decision, the event the
// authorizer got, its policy, the JWT checks and the trace are exactly what serving would give.
// Thread contract: create and call on one thread (the GUI's); results come back there.
class AuthorizerProbe : public QObject
{
    Q_OBJECT
public:
    struct Input
    {
        model::Project project;     // functions, AWS settings, the API (its type)
        QString apiId;
        model::Authorizer authorizer;
        QString projectDir;         // anchors a relative JWKS file
        QString stage = QStringLiteral("dev");
        QString method = QStringLiteral("GET");
        QString path = QStringLiteral("/");
        QString query;              // "a=1&b=2", without '?'
        HeaderList headers;
        QStringList scopes;         // the method's authorization scopes (Cognito / JWT)
    };
    struct Result
    {
        int status = 0;             // what the client would get: 200 when the authorizer lets it through
        QString errorType;          // the gateway response type (UNAUTHORIZED, ACCESS_DENIED, ...); empty on 200
        QString reason;             // why, as the trace and $context.authorizer.error say it
        QString principalId;
        QJsonObject policyDocument; // a Lambda authorizer's policy as it returned it
        QJsonObject context;
        QJsonObject claims;         // JWT / Cognito
        QStringList scopes;
        QByteArray output;          // a Lambda authorizer's raw answer
        QByteArray responseBody;
        QStringList trace;          // the authorizer's lines of the execution trace
    };
    using Done = std::function<void(Result)>;

    explicit AuthorizerProbe(QObject *parent = nullptr);
    ~AuthorizerProbe() override;

    // `done` runs on this object's thread, unless the probe is destroyed first.
    void run(const Input &input, Done done);
    // The throwaway project the probe serves (for tests and the CLI).
    static model::Project probeProject(const Input &input);

private:
    QThread *m_thread;
    ProbeWorker *m_worker;
};

} // namespace gw::runtime
