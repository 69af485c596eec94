#include "fakesns.h"

namespace gwtest {

FakeAnswer FakeSns::handle(const ReceivedRequest &request)
{
    if (request.formParameter("Action") != "Publish")
        return FakeAnswer::xmlError(400, QStringLiteral("InvalidAction"), QStringLiteral("unsupported action"));
    if (request.formParameter("Version") != "2010-03-31")
        return FakeAnswer::xmlError(400, QStringLiteral("InvalidParameterValue"), QStringLiteral("bad or missing Version"));
    const QString topic = QString::fromUtf8(request.formParameter("TopicArn"));
    const QString message = QString::fromUtf8(request.formParameter("Message"));
    if (message.isEmpty())
        return FakeAnswer::xmlError(400, QStringLiteral("InvalidParameter"),
                                    QStringLiteral("Invalid parameter: Message"));
    if (!m_topics.contains(topic))
        return FakeAnswer::xmlError(404, QStringLiteral("NotFound"), QStringLiteral("Topic does not exist"));
    m_published.append(message);
    const QByteArray id = QByteArray::number(m_published.size()).rightJustified(8, '0');
    const QByteArray body = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">\n"
                            "  <PublishResult>\n    <MessageId>" + id + "-0000-0000-0000-000000000000</MessageId>\n"
                            "  </PublishResult>\n  <ResponseMetadata>\n"
                            "    <RequestId>00000000-0000-0000-0000-000000000001</RequestId>\n"
                            "  </ResponseMetadata>\n</PublishResponse>\n";
    return {200, "text/xml", body};
}

} // namespace gwtest
