/** Builds the site once (astro build, the shipped catalogue) before the build and browser tests. */
import { execFileSync } from "node:child_process";
import { envDeConstruction } from "./env-construction";

export default function construireSite(): void {
  if (process.env.CARTO_TESTS_SANS_BUILD === "1") return; // reuse an existing dist/ while iterating on tests
  execFileSync(process.execPath, ["node_modules/astro/astro.js", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: envDeConstruction({ CARTO_CATALOGUE: "" }),
  });
}
