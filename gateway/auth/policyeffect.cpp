#include "policyeffect.h"

namespace gw::auth {

bool wildcardMatches(const QString &pattern, const QString &value)
{
    // Iterative glob with backtracking to the last '*': linear in practice, no regex per request.
    qsizetype p = 0, v = 0, star = -1, mark = 0;
    while (v < value.size()) {
        if (p < pattern.size() && (pattern[p] == QLatin1Char('?') || pattern[p] == value[v])) {
            ++p;
            ++v;
        } else if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            star = p++;
            mark = v;
        } else if (star >= 0) {
            p = star + 1;
            v = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

QString methodArn(const QString &region, const QString &account, const QString &apiId, const QString &stage,
                  const QString &verb, const QString &path)
{
    QString tail = path;
    while (tail.startsWith(QLatin1Char('/')))
        tail.remove(0, 1);
    // The root resource keeps a trailing slash: .../GET/ (reference §5.1).
    return QStringLiteral("arn:aws:execute-api:%1:%2:%3/%4/%5/%6").arg(region, account, apiId, stage, verb, tail);
}

} // namespace gw::auth
