#!/usr/bin/env node
/**
 * npm run lint:security — runs @doyensec/electronegativity over main/, preload/
 * and renderer/ with the installed Electron version, and fails on any HIGH or
 * MEDIUM finding that is not on the reviewed list. The CLI always exits 0, so
 * this reads the findings through the library API.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const scan = mkdtempSync(path.join(os.tmpdir(), 'onramp-electronegativity-'));
for (const dir of ['main', 'preload', 'renderer']) {
  cpSync(path.join(root, dir), path.join(scan, dir), {
    recursive: true,
    filter: (src) => !/(\.test\.tsx?$|\/fixtures(\/|$)|\/testing(\/|$)|\/host(\/|$))/.test(src),
  });
}
// The library API, not the CLI: the CLI writes its CSV with two racing async
// writes (header, then rows), which can truncate or garble the report.
const { default: electronegativity } = await import('@doyensec/electronegativity');
const result = await electronegativity(
  { input: scan, electronVersionOverride: electronVersion, parserPlugins: [], isRelative: false, isVerbose: false },
  false,
);
rmSync(scan, { recursive: true, force: true });
if (result.errors?.length) console.log(`electronegativity could not parse ${result.errors.length} file(s): ${result.errors.map((e) => e.file).join(', ')}`);
const rows = result.issues.map((i) => ({
  issue: i.id,
  severity: i.severity.name,
  confidence: i.confidence.name,
  filename: i.file,
  location: `${i.location?.line}:${i.location?.column}`,
  description: i.description,
}));
mkdirSync(path.join(root, 'artifacts'), { recursive: true });
writeFileSync(path.join(root, 'artifacts/electronegativity.json'), JSON.stringify(rows, null, 2));

const reviewable = new Set(['PRELOAD_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']);
const reviewed = JSON.parse(readFileSync(path.join(root, '.ci/electronegativity-reviewed.json'), 'utf8')).reviewed;
const isReviewed = (r) => reviewable.has(r.issue) && reviewed.some((x) => x.check === r.issue && x.file === r.file);
const blocking = [];
for (const r of rows) {
  r.file = path.relative(scan, String(r.filename));
  const serious = /^(HIGH|MEDIUM)$/i.test(String(r.severity));
  const status = !serious ? 'info' : isReviewed(r) ? 'reviewed' : 'BLOCKING';
  if (status === 'BLOCKING') blocking.push(r);
  console.log(`${status.padEnd(8)} ${r.severity}/${r.confidence} ${r.issue} ${r.file}:${r.location} ${r.description}`);
}
console.log(`electronegativity (Electron ${electronVersion}): ${rows.length} findings, ${blocking.length} unreviewed HIGH/MEDIUM`);
process.exit(blocking.length ? 1 : 0);
