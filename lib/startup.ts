import { env, EnvError } from "./env";

try {
  console.log(`[console] starting in ${env().mode} mode`);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
