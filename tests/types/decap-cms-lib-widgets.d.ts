/** Decap's string templates (summary keys), read by tests/unit/cms-liste.test.ts as Decap's search reads them. */
declare module "decap-cms-lib-widgets/dist/esm/stringTemplate" {
  export function extractTemplateVars(template: string): string[];
}
