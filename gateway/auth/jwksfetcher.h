#pragma once

#include "jwkset.h"

#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace gw::auth {

// Fetches key sets over HTTP(S) for one engine thread, asynchronously. A `discovery` URL is an
// OpenID Connect discovery document (issuer + /.well-known/openid-configuration): its jwks_uri is
// fetched next. The network manager is created on first use, on the calling thread.
// Thread contract: create, call and destroy on one thread; callbacks run there, never inside
// fetch(). The returned function cancels (the callback is then not called).
class JwksFetcher
{
public:
    struct Result
    {
        std::shared_ptr<const JwkSet> keys;  // null on failure
        QString error;
    };
    using Callback = std::function<void(Result)>;
    using Cancel = std::function<void()>;

    JwksFetcher();
    ~JwksFetcher();
    Cancel fetch(const QUrl &url, bool discovery, Callback done, int timeoutMs = 5000);

private:
    QNetworkAccessManager *manager();
    std::unique_ptr<QNetworkAccessManager> m_manager;
};

} // namespace gw::auth
