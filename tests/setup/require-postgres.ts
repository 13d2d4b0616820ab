// `npm run test:postgres` runs the integration and browser tests on the
// PostgreSQL server DATABASE_URL names (each test gets a database of its own,
// so the role needs CREATEDB). Without one it would quietly test SQLite again.
import { testingOnPostgres } from "./database";

if (!testingOnPostgres()) {
  console.error(
    "Set DATABASE_URL to a PostgreSQL server, e.g. postgres://ac:ac@127.0.0.1:5432/ac_test (see README).",
  );
  process.exit(1);
}
