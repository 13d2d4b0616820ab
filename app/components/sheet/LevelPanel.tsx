import { LevelTag } from "~/components/charter/LevelTag";
import type { SheetData } from "./types";

type Level = NonNullable<SheetData["level"]>;

/**
 * The level the saved statuses earn now, recomputed on every load (never
 * stored): self-assessed, and counting only what the steering group verified.
 */
export function LevelPanel({
  level,
  verifiedLevel,
  submitted = false,
}: {
  level: Level;
  verifiedLevel: Level | null;
  /** A draft's level is what it would be if submitted now: said so, never shown as a return's. */
  submitted?: boolean;
}) {
  const short = level.nextLevel?.needs.filter((n) => n.more > 0) ?? [];
  return (
    <div className="nhsuk-inset-text" id="live-level">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p className="nhsuk-body">
        {submitted
          ? "Self-assessed level, as submitted: "
          : "Self-assessed level from the statuses saved so far (not submitted): "}
        <LevelTag level={level.level} name={level.levelName} />
      </p>
      {verifiedLevel ? (
        <p className="nhsuk-body" id="verified-level">
          Verified level, counting only components the steering group has verified as they stand:{" "}
          <LevelTag level={verifiedLevel.level} name={verifiedLevel.levelName} />
        </p>
      ) : null}
      {level.nextLevel ? (
        <p className="nhsuk-body">
          For {level.nextLevel.name}:{" "}
          {short
            .map((n) => `${n.more} more fulfilled in domain ${n.domainNumber} (${n.title})`)
            .join("; ")}
          .
        </p>
      ) : (
        <p className="nhsuk-body">This is the highest level.</p>
      )}
    </div>
  );
}

/** Under a domain's heading: how far it is, and what the next level needs of it. */
export function DomainProgressNote({
  level,
  domainNumber,
}: {
  level: Level;
  domainNumber: number;
}) {
  const progress = level.byDomain.find((d) => d.domainNumber === domainNumber);
  const need = level.nextLevel?.needs.find((n) => n.domainNumber === domainNumber);
  if (!progress) return null;
  return (
    <p className="nhsuk-body">
      {progress.fulfilled} of {progress.total} components fulfilled.{" "}
      {level.nextLevel && need
        ? need.more > 0
          ? `${level.nextLevel.name} needs ${need.more} more here.`
          : `Enough here for ${level.nextLevel.name}.`
        : ""}
    </p>
  );
}
