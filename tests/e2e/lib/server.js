// Starts the real server (build/mockmate, or $MOCKMATE_BIN) on a free port with a fresh
// SQLite database, serving the built web client. There is no other server to test against:
// the client is tested against the implementation of the contract.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, buildPath, start } from '../../lib/spawn.js';

export const repoRoot = REPO_ROOT;
export const webRoot = path.join(repoRoot, 'web', 'dist');
export const binary = process.env.MOCKMATE_BIN ?? buildPath('mockmate');

/** Why the suite cannot run here, or null. */
export function missingPrerequisite() {
  if (!fs.existsSync(binary)) return `no server binary at ${binary} (run make build)`;
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) return `no web client at ${webRoot} (cd web && npm ci && npm run build)`;
  if (!fs.existsSync(process.env.CHROMIUM ?? '/usr/bin/chromium')) return 'no /usr/bin/chromium';
  return null;
}

/**
 * Starts a server. Options: invitationTtl (seconds), rejoinGrace (seconds), extraArgs.
 * Resolves to {url, port, stop(), dir}. E2E_SERVER_LOG=1 copies its log to stderr.
 */
export async function startServer({ invitationTtl = 120, rejoinGrace = 60, extraArgs = [] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockmate-e2e-'));
  const args = [
    'serve',
    '--listen', '127.0.0.1:0',
    '--db', `sqlite:${path.join(dir, 'db.sqlite')}`,
    '--web-root', webRoot,
    '--invitation-ttl', String(invitationTtl),
    '--rejoin-grace', String(rejoinGrace),
    '--invitation-rate-limit', '0',
    ...extraArgs,
  ];
  const s = await start(binary, args);
  if (process.env.E2E_SERVER_LOG) s.proc.stderr.on('data', (d) => process.stderr.write(d));
  return {
    ...s,
    dir,
    async stop() {
      await s.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
