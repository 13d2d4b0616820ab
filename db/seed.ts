// `npm run db:seed`: migrates, then loads the demo data into an empty database.
import { demoDataAllowed, realDeploymentReason } from "../server/demo-data-guard";
import { prepareDatabase } from "../server/prepare";

// The same refusal as the server's: run with a deployment's environment, this would seed its database.
const result = await prepareDatabase({
  seedDemo: true,
  refuseDemoBecause: demoDataAllowed(process.env) ? null : realDeploymentReason(process.env),
});
console.log(
  result.seeded
    ? `Loaded demo data into ${result.database}.`
    : `${result.database} already holds data; nothing was changed.`,
);
