#pragma once

#include "gateway/pipeline/endpoint.h"

#include <QObject>

class QNetworkAccessManager;

namespace gw::integrations {

// An UpstreamTransport on QNetworkAccessManager: correct and simple, but slow for a proxy
// (ARCHITECTURE.md measures ~0.1x nginx). Used where the engine's own upstream client is not
// available. Thread contract: lives on and is used from one thread.
class QnamTransport final : public QObject, public pipeline::UpstreamTransport
{
    Q_OBJECT
public:
    explicit QnamTransport(QObject *parent = nullptr);
    Cancel send(const pipeline::EndpointRequest &request, Callback callback) override;

private:
    QNetworkAccessManager *m_manager;
};

} // namespace gw::integrations
