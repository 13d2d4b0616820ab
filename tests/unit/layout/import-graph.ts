import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * The app's own import graph, read with the TypeScript compiler: every
 * `import`, `import type`, `export … from` and `import()` of every module
 * under app/, resolved as tsc resolves it (the `~/` alias included), keeping
 * only edges that land inside app/. Type-only imports count: a cycle of
 * types is still two modules that cannot be read one before the other.
 */
export type ImportGraph = Map<string, string[]>;

const root = path.resolve(import.meta.dirname, "../../..");
export const appDir = path.join(root, "app");

function compilerOptions() {
  const configPath = path.join(root, "tsconfig.json");
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config, ts.sys, root).options;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Module names relative to the repository, e.g. `app/charter/schema.ts`. */
export function readImportGraph(): ImportGraph {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(appDir)) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, options, host).resolvedModule;
      const target = resolved?.resolvedFileName;
      if (target && target.startsWith(appDir + path.sep)) targets.add(path.relative(root, target));
    }
    graph.set(path.relative(root, file), [...targets].sort());
  }
  return graph;
}

/** The strongly connected parts of the graph with more than one module (or a self-import). */
export function importCycles(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  // Tarjan's algorithm; the graph is a few hundred modules, so recursion is fine.
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const part: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        part.push(member);
      } while (member !== node);
      if (part.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(part.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}
