import { loadCharter } from "./content";
import { computeLevel, type LevelResult } from "./scoring";

/**
 * The level an assessment holds, scored against the charter version it was
 * made under (so a revised charter never rescores old months).
 */
export function levelForAssessment(
  charterVersion: string | null,
  fulfilledComponentIds: readonly string[],
): LevelResult | null {
  if (!charterVersion) return null;
  const charter = loadCharter({ version: charterVersion });
  return computeLevel(charter, fulfilledComponentIds);
}
