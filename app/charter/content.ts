import fs from "node:fs";
import path from "node:path";

import { z } from "zod";

import { charterSchema } from "./schema";
import type { Charter, Component } from "./schema";

export class CharterContentError extends Error {
  readonly file: string;

  constructor(file: string, message: string) {
    super(message);
    this.name = "CharterContentError";
    this.file = file;
  }
}

export interface ComponentInDomain extends Component {
  domainNumber: number;
}

function formatIssues(fileName: string, issues: z.ZodError["issues"]): string {
  return issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join(".") : "(root)";
      return `${fileName}: ${where}: ${issue.message}`;
    })
    .join("\n");
}

export function parseCharter(raw: unknown, fileName: string): Charter {
  const result = charterSchema.safeParse(raw);
  if (!result.success) {
    throw new CharterContentError(fileName, formatIssues(fileName, result.error.issues));
  }
  return result.data;
}

// Paths under the working directory are shown relative to it: shorter in
// logs, and the same on every machine.
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)
    ? relative
    : file;
}

function readJson(file: string): unknown {
  const shown = displayPath(file);
  let body: string;
  try {
    // Stryker disable next-line StringLiteral: equivalent, as JSON.parse reads a Buffer as UTF-8 text too
    body = fs.readFileSync(file, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CharterContentError(shown, `${shown}: cannot read file: ${reason}`);
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CharterContentError(shown, `${shown}: not valid JSON: ${reason}`);
  }
}

// The version becomes a file name, so it must not be able to climb out of the
// content directory.
const versionName = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, "Must be a plain file name");
const currentSchema = z.strictObject({ current: versionName });

const charterCache = new Map<string, Charter>();
const currentCache = new Map<string, string>();

export function clearCharterCache(): void {
  charterCache.clear();
  currentCache.clear();
}

function currentVersion(dir: string): string {
  const file = path.join(dir, "current.json");
  const cached = currentCache.get(file);
  if (cached !== undefined) return cached;
  const shown = displayPath(file);
  const result = currentSchema.safeParse(readJson(file));
  if (!result.success) {
    throw new CharterContentError(shown, formatIssues(shown, result.error.issues));
  }
  currentCache.set(file, result.data.current);
  return result.data.current;
}

// The cached charter is shared by every caller, so it is frozen: a caller
// sorting an array in place would otherwise change it for everyone.
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export function loadCharter(options: { dir?: string; version?: string } = {}): Charter {
  const dir = path.resolve(
    options.dir ??
      process.env.CHARTER_CONTENT_DIR ??
      path.resolve(process.cwd(), "content/charter"),
  );
  const version = options.version ?? currentVersion(dir);
  const file = path.join(dir, `${version}.json`);
  const shown = displayPath(file);
  const versionCheck = versionName.safeParse(version);
  if (!versionCheck.success) {
    throw new CharterContentError(
      shown,
      `${shown}: charter version "${version}" is not a plain file name`,
    );
  }

  const cached = charterCache.get(file);
  if (cached !== undefined) return cached;

  const charter = parseCharter(readJson(file), shown);
  // Statuses are stored against a charter version, so a file whose contents
  // claim a different version would mix up two charters.
  if (charter.version !== version) {
    throw new CharterContentError(
      shown,
      `${shown}: version: expected "${version}" to match the file name, found "${charter.version}"`,
    );
  }
  charterCache.set(file, deepFreeze(charter));
  return charter;
}

export function allComponents(charter: Charter): ComponentInDomain[] {
  return charter.domains.flatMap((domain) =>
    domain.components.map((component) => ({
      ...component,
      domainNumber: domain.number,
    })),
  );
}

export function componentIds(charter: Charter): string[] {
  return charter.domains.flatMap((domain) => domain.components.map((component) => component.id));
}

export function componentById(charter: Charter, id: string): ComponentInDomain | undefined {
  return allComponents(charter).find((component) => component.id === id);
}
