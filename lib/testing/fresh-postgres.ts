import { Client } from "pg";

/** A new, empty PostgreSQL schema on the test server, reached through search_path in the URL. */
export async function freshPostgresUrl(base: string): Promise<string> {
  const schema = `t_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const client = new Client({ connectionString: base });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  const url = new URL(base);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}
