import path from "node:path";
import type { CountryShape } from "./options";

// Bump when the generator changes what it writes, so --keep never reuses an older country.
const GENERATOR_VERSION = 2;

/** Where a dataset of this shape is kept: its name is its parameters, so --keep finds it. */
export function datasetFile(dir: string, shape: CountryShape): string {
  const name = `country-s${shape.systems}-p${shape.places}-o${shape.organisations}-m${shape.months}-seed${shape.seed}-g${GENERATOR_VERSION}.db`;
  return path.join(dir, name);
}

/** The SQLite file a file: --database URL names. */
export function fileOfDatabaseUrl(url: string): string {
  if (!url.startsWith("file:") || url.length === "file:".length) {
    throw new Error(
      `--database needs a file: or postgres:// URL, such as file:/tmp/anchor-bench/mine.db`,
    );
  }
  return path.resolve(url.slice("file:".length));
}
