#!/usr/bin/env node
/**
 * `npm test`: every suite, one summary.
 *   1. vitest: unit + integration (real sshd, gnome-keyring, … started by fixtures)
 *   2. electron-vite build (and `--mode host`), then Playwright: the app in Debian's Chromium through
 *      the test host (inside a private D-Bus session with its own gnome-keyring),
 *      plus the Electron smoke spec (skipped, with the reason, where no binary).
 * Ends with one line: `N passed, N failed, N skipped`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const artifacts = path.join(root, 'artifacts');
mkdirSync(artifacts, { recursive: true });
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (command, args, env = {}) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const missing = ['/usr/sbin/sshd', '/usr/bin/chromium', '/usr/bin/gnome-keyring-daemon', '/usr/bin/dbus-run-session', '/usr/bin/ssh-keygen'].filter((p) => !existsSync(p));
if (missing.length) {
  console.error(`Missing test prerequisites: ${missing.join(', ')}\nInstall them as .ci/run does (apt-get install openssh-server chromium gnome-keyring dbus …).`);
}

const suites = [];

// 1. vitest
const vitestJson = path.join(artifacts, 'vitest-report.json');
rmSync(vitestJson, { force: true });
run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  // A file that failed without a failed test (a crash, or a beforeAll that threw: its tests show as skipped) counts as one failure.
  const failedFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  suites.push({ name: 'vitest', passed: r.numPassedTests, failed: r.numFailedTests + failedFiles, skipped: r.numPendingTests + r.numTodoTests });
} else {
  suites.push({ name: 'vitest', passed: 0, failed: 1, skipped: 0, note: 'no report (vitest crashed)' });
}

// 2. build + Playwright inside a private D-Bus session with an unlocked, throwaway gnome-keyring
// The packaged app's build (main, preload, renderer) and the test host's renderer (`--mode host`, out/renderer-host).
const buildStatus = run(bin('electron-vite'), ['build']) || run(bin('electron-vite'), ['build', '--mode', 'host']);
if (buildStatus !== 0) suites.push({ name: 'build', passed: 0, failed: 1, skipped: 0 });
const pwJson = path.join(artifacts, 'playwright-report.json');
rmSync(pwJson, { force: true });
const keyringHome = mkdtempSync(path.join(os.tmpdir(), 'onramp-e2e-keyring-'));
mkdirSync(path.join(keyringHome, 'run'), { mode: 0o700 });
const inSession = `echo | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "${bin('playwright')}" test`;
run('dbus-run-session', ['--', 'sh', '-c', inSession], {
  XDG_DATA_HOME: path.join(keyringHome, 'data'),
  XDG_RUNTIME_DIR: path.join(keyringHome, 'run'),
  XDG_CACHE_HOME: path.join(keyringHome, 'cache'),
});
rmSync(keyringHome, { recursive: true, force: true });
if (existsSync(pwJson)) {
  const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats;
  suites.push({ name: 'playwright', passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped });
} else {
  suites.push({ name: 'playwright', passed: 0, failed: 1, skipped: 0, note: 'no report (playwright crashed)' });
}

const total = suites.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log('\nSuites:');
for (const s of suites) console.log(`  ${s.name.padEnd(11)} ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped${s.note ? ` (${s.note})` : ''}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
