import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

export interface LoopbackCertificate {
  certificatePem: string;
  privateKeyPem: string;
  /** The certificate on disk, for NODE_EXTRA_CA_CERTS. */
  certificatePath: string;
  remove(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1 and localhost, made by the openssl CLI in a fresh temp dir. */
export async function createLoopbackCertificate(): Promise<LoopbackCertificate> {
  const directory = await mkdtemp(join(tmpdir(), "test-identity-provider-"));
  const certificatePath = join(directory, "certificate.pem");
  const keyPath = join(directory, "private-key.pem");
  try {
    await promisify(execFile)("openssl", [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1,DNS:localhost",
      "-keyout",
      keyPath,
      "-out",
      certificatePath,
    ]);
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`The test identity provider needs the openssl CLI to make its certificate: ${detail}`, {
      cause: error,
    });
  }
  return {
    certificatePem: await readFile(certificatePath, "utf8"),
    privateKeyPem: await readFile(keyPath, "utf8"),
    certificatePath,
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}
