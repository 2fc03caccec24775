#pragma once

#include "ingest/importer.h"

#include <QString>

namespace uptake {

// Usage roll-ups read straight from a PostgreSQL server, for `uptake import usage
// --from-postgres CONNINFO --query FILE.sql`. libpq stays behind this header, and is
// optional: where the build did not find it, UPTAKE_HAVE_POSTGRES is not defined and
// nothing here is built.
namespace PostgresSource {

// The connection string as messages show it: host, port, database and user, never the
// password (nor any other keyword).
QString describe(const QString &conninfo);

// Runs the query of queryFile (one SELECT giving the roll-up columns of contract 2b, such as
// docs/warehouse/postgres.sql) in a read-only, repeatable-read transaction, and streams its
// result through a server-side cursor, a few thousand rows a fetch, into importRollup():
// the same checks, writer, single SQLite transaction and re-import rules as a roll-up file.
// Bad rows are reported as "QUERY on SERVER: row N: reason". Throws ImportError when the
// server cannot be reached or the query fails (messages never hold the password), and
// whatever importRollup() throws.
ImportReport importQuery(Database &db, const QString &conninfo, const QString &queryFile,
                         const ImportOptions &options, const ProgressFn &progress = {},
                         const RowErrorFn &onRowError = {});

} // namespace PostgresSource

} // namespace uptake
