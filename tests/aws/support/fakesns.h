#pragma once

#include "fakeanswer.h"
#include "receivedrequest.h"

#include <QSet>
#include <QStringList>

namespace gwtest {

// SNS Publish in the query protocol, answering in XML as SNS does.
class FakeSns
{
public:
    void createTopic(const QString &arn) { m_topics.insert(arn); }
    FakeAnswer handle(const ReceivedRequest &request);
    const QStringList &published() const { return m_published; }

private:
    QSet<QString> m_topics;
    QStringList m_published;
};

} // namespace gwtest
