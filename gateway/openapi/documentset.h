#pragma once

#include <QHash>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace gw::openapi {

// A place in one of the documents: an absolute file name (empty for an in-memory root) and a
// JSON pointer ("/components/schemas/Pet"; "" is the whole document).
struct Location
{
    QString file;
    QString pointer;
    friend bool operator==(const Location &, const Location &) = default;
};

inline size_t qHash(const Location &l, size_t seed = 0) { return qHashMulti(seed, l.file, l.pointer); }

// The root document and every file its `$ref`s reach, loaded once each. Relative references
// are resolved against the directory of the file that holds them.
// Not thread-safe: one import uses one DocumentSet.
class DocumentSet
{
public:
    DocumentSet(const QString &rootFile, const QJsonValue &root);

    // Where a `$ref` written in `from`'s file points; loads the target file if needed.
    std::optional<Location> locate(const QString &ref, const Location &from, QString *error);
    std::optional<QJsonValue> value(const Location &location, QString *error) const;

    // Follows `$ref` chains from `value` (found at `at`) to a value that is not a reference.
    // `at` is updated to where the returned value lives.
    std::optional<QJsonValue> follow(QJsonValue value, Location &at, QString *error);

    static QString pointerFor(const QString &parent, const QString &key);
    const QString &rootFile() const { return m_rootFile; }

private:
    QString m_rootFile;
    QHash<QString, QJsonValue> m_files;
};

} // namespace gw::openapi
