/**
 * The environment of an `astro build` run from a test, so that it builds what visitors get. Vitest sets
 * NODE_ENV=test (Vite would bundle React's development build) and copies `import.meta.env` into
 * `process.env` (DEV=1, PROD="", MODE=test…), which the build reads as its own: pages built under it
 * took `import.meta.env.DEV` for true (the partners' space allowed inline scripts, as for `astro dev`).
 */
export function envDeConstruction(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const construction: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", ...env };
  for (const miroirDeVitest of ["DEV", "PROD", "SSR", "MODE", "BASE_URL"]) delete construction[miroirDeVitest];
  return construction;
}
