import packageJson from "../package.json" with { type: "json" };

export const consoleVersion: string = packageJson.version;
