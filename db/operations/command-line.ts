import { parseArgs, type ParseArgsConfig } from "node:util";

/**
 * Reads a db: command's arguments, or prints its usage and exits 2: a typo
 * in an option must never run the command on defaults.
 */
export function commandArguments<T extends NonNullable<ParseArgsConfig["options"]>>(
  usage: string,
  options: T,
  positionals: { min: number; max: number },
) {
  try {
    const parsed = parseArgs({ args: process.argv.slice(2), options, allowPositionals: true });
    if (
      parsed.positionals.length < positionals.min ||
      parsed.positionals.length > positionals.max
    ) {
      throw new Error("Wrong number of arguments");
    }
    return parsed;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}

/** Ends a command with its message and no stack trace: these are answers, not crashes. */
export function exitWith(error: unknown, code = 1): never {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(code);
}
