// The console's API, one zod schema per request and answer, with the TypeScript types inferred
// from them. Route handlers parse input with these schemas and answer in these shapes; the
// browser's fetch helpers are typed by the same inferred types (it imports types only, so no
// schema code is shipped to it unless a form needs one).
export * from "./common";
export * from "./health";
export * from "./catalog";
export * from "./directory";
export * from "./runs";
export * from "./explanations";
export * from "./shares";
export * from "./audit";
export * from "./bulk";
export * from "./job-actions";
export * from "./public-settings";
export * from "./demo";
export * from "./users";
export * from "./provisioning-logs";
