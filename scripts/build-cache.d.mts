export function sourceHash(root?: string): string;
export function staleReason(root?: string): string | null;
export function ensureBuild(options?: {
  root?: string;
  env?: NodeJS.ProcessEnv;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<boolean>;
