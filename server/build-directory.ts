import path from "node:path";

/**
 * Where `npm run build` writes the app and where the server and tests find it:
 * `build/`, unless BUILD_DIR names another. CI builds the PostgreSQL run into
 * a directory of its own, so the two databases' suites run side by side
 * without one's build pulling files from under the other's servers.
 */
export const buildDirectory = path.resolve(process.env.BUILD_DIR || "build");

export const builtPath = (...parts: string[]) => path.join(buildDirectory, ...parts);
