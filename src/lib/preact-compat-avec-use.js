/** Plain JavaScript (preact/compat's types do not allow `export *` from TypeScript). preact/compat with React 19's `use` for a context (all @react-leaflet/core asks of it). */
export * from "preact/compat";
export { default } from "preact/compat";
export { useContext as use } from "preact/compat";
