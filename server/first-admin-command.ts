// `npm run admin:first -- --system "…" --name "…" --email …`: the way into a
// new deployment. A real deployment refuses demo data (ADR 015), so its
// first administrator is created here and gets an invitation link, printed
// for the operator to pass on, to choose a password and set up their second
// factor. Later administrators are invited from the app.
import { parseArgs } from "node:util";
import { appConfig } from "../app/utils/env.server";
import { databaseConfig } from "../db/config";
import { createDatabase } from "../db/dialect";
import { migrateToLatest } from "../db/migrator";
import { createFirstAdmin, firstAdminSchema } from "./first-admin";

async function main() {
  const { values } = parseArgs({
    options: { system: { type: "string" }, name: { type: "string" }, email: { type: "string" } },
  });
  const parsed = firstAdminSchema.safeParse({
    system: values.system ?? "",
    name: values.name ?? "",
    email: values.email ?? "",
  });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => i.message).join("\n"));
    process.exit(2);
  }
  const config = appConfig();
  const db = createDatabase(databaseConfig());
  try {
    await migrateToLatest(db);
    const result = await createFirstAdmin(db, {
      ...parsed.data,
      now: new Date(),
      ttlMinutes: config.invitationDays * 24 * 60,
    });
    const origin = config.publicOrigin ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
    console.log(
      [
        `${result.newSystem ? "Created" : "Found"} the system "${parsed.data.system}"; ${parsed.data.email} administers it.`,
        `Send them this link (it works for ${config.invitationDays} days, once):`,
        `  ${origin}/invitations/${result.token}`,
      ].join("\n"),
    );
  } finally {
    await db.destroy();
  }
}

await main();
