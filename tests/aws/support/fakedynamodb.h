#pragma once

#include "fakeanswer.h"

#include <QHash>
#include <QList>

namespace gwtest {

// An in-memory DynamoDB for PutItem, GetItem and Query (equality on the partition key), answering in
// DynamoDB's JSON protocol (attribute values stay in {"S": ...} form).
class FakeDynamoDb
{
public:
    void createTable(const QString &name, const QString &hashKey, const QString &rangeKey = {});
    FakeAnswer handle(const QByteArray &operation, const QJsonObject &input);
    qsizetype itemCount(const QString &table) const { return m_tables.value(table).items.size(); }

private:
    struct Table
    {
        QString hashKey;
        QString rangeKey;
        QList<QJsonObject> items;

        bool sameKey(const QJsonObject &a, const QJsonObject &b) const;
    };
    FakeAnswer putItem(Table &table, const QJsonObject &input);
    FakeAnswer getItem(const Table &table, const QJsonObject &input) const;
    FakeAnswer query(const Table &table, const QJsonObject &input) const;

    QHash<QString, Table> m_tables;
};

} // namespace gwtest
