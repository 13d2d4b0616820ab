// `npm run db:seed`: migrates, then loads the demo data into an empty database.
import { prepareDatabase } from "../server/prepare";

const result = await prepareDatabase({ seedDemo: true });
console.log(
  result.seeded
    ? `Loaded demo data into ${result.database}.`
    : `${result.database} already holds data; nothing was changed.`,
);
