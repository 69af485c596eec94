#include "fakedynamodb.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace gwtest {
namespace {

const QString kPrefix = QStringLiteral("com.amazonaws.dynamodb.v20120810#");

FakeAnswer dynamoError(const QString &type, const QString &message)
{
    return FakeAnswer::jsonError(400, kPrefix + type, message);
}

} // namespace

void FakeDynamoDb::createTable(const QString &name, const QString &hashKey, const QString &rangeKey)
{
    m_tables.insert(name, {hashKey, rangeKey, {}});
}

bool FakeDynamoDb::Table::sameKey(const QJsonObject &a, const QJsonObject &b) const
{
    return a.value(hashKey) == b.value(hashKey) && (rangeKey.isEmpty() || a.value(rangeKey) == b.value(rangeKey));
}

FakeAnswer FakeDynamoDb::handle(const QByteArray &operation, const QJsonObject &input)
{
    const QString tableName = input.value(QStringLiteral("TableName")).toString();
    if (operation != "PutItem" && operation != "GetItem" && operation != "Query")
        return dynamoError(QStringLiteral("UnknownOperationException"), {});
    auto it = m_tables.find(tableName);
    if (it == m_tables.end())
        return dynamoError(QStringLiteral("ResourceNotFoundException"), QStringLiteral("Requested resource not found"));
    if (operation == "PutItem")
        return putItem(*it, input);
    if (operation == "GetItem")
        return getItem(*it, input);
    return query(*it, input);
}

FakeAnswer FakeDynamoDb::putItem(Table &table, const QJsonObject &input)
{
    const QJsonObject item = input.value(QStringLiteral("Item")).toObject();
    if (!item.value(table.hashKey).isObject() || (!table.rangeKey.isEmpty() && !item.value(table.rangeKey).isObject()))
        return dynamoError(QStringLiteral("ValidationException"),
                           QStringLiteral("One of the required keys was not given a value"));
    table.items.removeIf([&](const QJsonObject &existing) { return table.sameKey(existing, item); });
    table.items.append(item);
    return FakeAnswer::json({});
}

FakeAnswer FakeDynamoDb::getItem(const Table &table, const QJsonObject &input) const
{
    const QJsonObject key = input.value(QStringLiteral("Key")).toObject();
    if (key.size() != (table.rangeKey.isEmpty() ? 1 : 2) || !key.value(table.hashKey).isObject())
        return dynamoError(QStringLiteral("ValidationException"),
                           QStringLiteral("The provided key element does not match the schema"));
    for (const QJsonObject &item : table.items)
        if (table.sameKey(item, key))
            return FakeAnswer::json({{QStringLiteral("Item"), item}});
    return FakeAnswer::json({});
}

FakeAnswer FakeDynamoDb::query(const Table &table, const QJsonObject &input) const
{
    static const QRegularExpression condition(QStringLiteral("^\\s*(#?[A-Za-z0-9_]+)\\s*=\\s*(:[A-Za-z0-9_]+)\\s*$"));
    const QRegularExpressionMatch m =
        condition.match(input.value(QStringLiteral("KeyConditionExpression")).toString());
    if (!m.hasMatch())
        return dynamoError(QStringLiteral("ValidationException"), QStringLiteral("Invalid KeyConditionExpression"));
    QString attribute = m.captured(1);
    if (attribute.startsWith(QLatin1Char('#')))
        attribute = input.value(QStringLiteral("ExpressionAttributeNames")).toObject().value(attribute).toString();
    const QJsonValue wanted = input.value(QStringLiteral("ExpressionAttributeValues")).toObject().value(m.captured(2));
    if (attribute != table.hashKey || !wanted.isObject())
        return dynamoError(QStringLiteral("ValidationException"), QStringLiteral("Query condition missed key schema element"));
    QJsonArray items;
    for (const QJsonObject &item : table.items)
        if (item.value(attribute) == wanted)
            items.append(item);
    return FakeAnswer::json({{QStringLiteral("Items"), items},
                             {QStringLiteral("Count"), items.size()},
                             {QStringLiteral("ScannedCount"), items.size()}});
}

} // namespace gwtest
