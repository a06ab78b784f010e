// Temporary: lib/auth/graph-token.test.ts, being rewritten on another branch, still imports the helper
// from here. Delete this file once it imports @/lib/testing/databases.
export { testDatabases } from "@/lib/testing/databases";
