#include "ingest/postgressource.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <vector>

namespace uptake {

Q_LOGGING_CATEGORY(lcPostgres, "uptake.postgres", QtWarningMsg)

namespace PostgresSource {

namespace {

constexpr int kFetchRows = 10000;

struct ConninfoParts
{
    QString shown;
    std::string password; // to scrub from the server's messages
    bool parsed = false;
};

ConninfoParts parse(const QString &conninfo)
{
    ConninfoParts out;
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &error);
    if (!options) {
        // The parser's message may quote the string, password and all: say only that it failed.
        PQfreemem(error);
        out.shown = QStringLiteral("(a connection string that does not parse)");
        return out;
    }
    out.parsed = true;
    QStringList parts;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (!o->val || !*o->val)
            continue;
        const std::string_view key(o->keyword);
        if (key == "password")
            out.password = o->val;
        else if (key == "host" || key == "hostaddr" || key == "port" || key == "dbname" || key == "user")
            parts << QStringLiteral("%1=%2").arg(QLatin1String(o->keyword), QString::fromUtf8(o->val));
    }
    PQconninfoFree(options);
    out.shown = parts.isEmpty() ? QStringLiteral("the default PostgreSQL server") : parts.join(QLatin1Char(' '));
    return out;
}

// libpq's messages name hosts and users, not passwords; but never trust that with a secret.
QString scrub(const char *message, const ConninfoParts &parts)
{
    QString text = QString::fromLocal8Bit(message).trimmed();
    if (!parts.password.empty())
        text.replace(QString::fromUtf8(parts.password.c_str()), QStringLiteral("********"));
    static const QRegularExpression lineBreaks(QStringLiteral("\\s*\\n\\s*"));
    return text.replace(lineBreaks, QStringLiteral("; "));
}

// The query as the cursor wants it: one statement without its closing semicolon.
QString readQuery(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ImportError(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    QString sql = QString::fromUtf8(file.readAll()).trimmed();
    // Trailing line comments and semicolons (psql wants the semicolon; DECLARE does not).
    for (bool changed = true; changed;) {
        changed = false;
        while (sql.endsWith(QLatin1Char(';'))) {
            sql.chop(1);
            sql = sql.trimmed();
            changed = true;
        }
        const qsizetype lineStart = sql.lastIndexOf(QLatin1Char('\n')) + 1;
        if (QStringView(sql).mid(lineStart).trimmed().startsWith(QLatin1String("--"))) {
            sql.truncate(lineStart);
            sql = sql.trimmed();
            changed = true;
        }
    }
    if (sql.isEmpty())
        throw ImportError(QStringLiteral("%1: the query file is empty").arg(path));
    return sql;
}

class Cursor final : public RollupSource
{
public:
    Cursor(const QString &conninfo, const QString &queryFile)
        : m_parts(parse(conninfo))
        , m_name(QStringLiteral("%1 on %2").arg(queryFile, m_parts.shown))
    {
        if (!m_parts.parsed)
            throw ImportError(QStringLiteral("--from-postgres: the connection string does not parse "
                                             "(keyword=value pairs, or a postgresql:// URI)"));
        const QString sql = readQuery(queryFile);
        m_conn = PQconnectdb(conninfo.toUtf8().constData());
        if (!m_conn || PQstatus(m_conn) != CONNECTION_OK)
            throw ImportError(QStringLiteral("%1: cannot connect: %2")
                                  .arg(m_parts.shown, scrub(m_conn ? PQerrorMessage(m_conn) : "out of memory", m_parts)));
        qCDebug(lcPostgres) << "connected to" << m_parts.shown << "server" << PQserverVersion(m_conn);
        // One consistent snapshot of the warehouse for the whole result; UTC and ISO dates
        // whatever the server's defaults, so that day and numeric come as contract 2b says.
        command("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        command("SET LOCAL TIME ZONE 'UTC'");
        command("SET LOCAL DateStyle = 'ISO, YMD'");
        command("DECLARE uptake_rollup NO SCROLL CURSOR FOR " + sql.toStdString());
        fetch();
    }

    ~Cursor() override
    {
        if (m_result)
            PQclear(m_result);
        if (m_conn)
            PQfinish(m_conn); // the server rolls back the read-only transaction
    }
    Cursor(const Cursor &) = delete;
    Cursor &operator=(const Cursor &) = delete;

    QString name() const override { return m_name; }
    QString layout() const override { return QStringLiteral("PostgreSQL query"); }

    std::vector<std::string> columns() override
    {
        std::vector<std::string> names;
        for (int i = 0; i < PQnfields(m_result); ++i)
            names.emplace_back(PQfname(m_result, i));
        return names;
    }

    bool next(std::vector<std::optional<std::string_view>> &values) override
    {
        if (m_row >= PQntuples(m_result)) {
            if (PQntuples(m_result) < kFetchRows)
                return false; // a short fetch was the last one
            fetch();
            if (PQntuples(m_result) == 0)
                return false;
        }
        const int n = PQnfields(m_result);
        values.resize(std::size_t(n));
        for (int i = 0; i < n; ++i) {
            if (PQgetisnull(m_result, m_row, i))
                values[std::size_t(i)].reset();
            else
                values[std::size_t(i)] = std::string_view(PQgetvalue(m_result, m_row, i),
                                                          std::size_t(PQgetlength(m_result, m_row, i)));
        }
        ++m_row;
        return true;
    }

private:
    void command(const std::string &sql)
    {
        PGresult *r = PQexec(m_conn, sql.c_str());
        const bool ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
        const QString error = ok ? QString() : scrub(r ? PQresultErrorMessage(r) : PQerrorMessage(m_conn), m_parts);
        PQclear(r);
        if (!ok)
            throw ImportError(QStringLiteral("%1: the query failed: %2").arg(m_name, error));
    }

    void fetch()
    {
        if (m_result)
            PQclear(m_result);
        m_result = PQexec(m_conn, ("FETCH FORWARD " + std::to_string(kFetchRows) + " FROM uptake_rollup").c_str());
        m_row = 0;
        if (!m_result || PQresultStatus(m_result) != PGRES_TUPLES_OK)
            throw ImportError(QStringLiteral("%1: the query failed: %2")
                                  .arg(m_name, scrub(m_result ? PQresultErrorMessage(m_result) : PQerrorMessage(m_conn),
                                                     m_parts)));
    }

    ConninfoParts m_parts;
    QString m_name;
    PGconn *m_conn = nullptr;
    PGresult *m_result = nullptr;
    int m_row = 0;
};

} // namespace

QString describe(const QString &conninfo)
{
    return parse(conninfo).shown;
}

ImportReport importQuery(Database &db, const QString &conninfo, const QString &queryFile, const ImportOptions &options,
                         const ProgressFn &progress, const RowErrorFn &onRowError)
{
    if (!QFileInfo::exists(queryFile))
        throw ImportError(QStringLiteral("%1: no such file").arg(queryFile));
    Cursor cursor(conninfo, queryFile);
    return importRollup(db, cursor, options, progress, onRowError);
}

} // namespace PostgresSource

} // namespace uptake
