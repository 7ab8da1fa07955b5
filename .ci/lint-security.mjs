#!/usr/bin/env node
/**
 * npm run lint:security — runs @doyensec/electronegativity over main/, preload/
 * and renderer/ with the installed Electron version, and fails on any HIGH or
 * MEDIUM finding. The tool itself always exits 0, so we read its CSV.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const root = path.resolve(import.meta.dirname, '..');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const scan = mkdtempSync(path.join(os.tmpdir(), 'onramp-electronegativity-'));
for (const dir of ['main', 'preload', 'renderer']) {
  cpSync(path.join(root, dir), path.join(scan, dir), {
    recursive: true,
    filter: (src) => !/(\.test\.tsx?$|\/fixtures(\/|$)|\/testing(\/|$)|\/host(\/|$))/.test(src),
  });
}
mkdirSync(path.join(root, 'artifacts'), { recursive: true });
const report = path.join(root, 'artifacts/electronegativity.csv');
rmSync(report, { force: true });
execFileSync(path.join(root, 'node_modules/.bin/electronegativity'), ['-i', scan, '-e', electronVersion, '-o', report], { stdio: ['ignore', 'ignore', 'inherit'] });
const rows = parse(readFileSync(report, 'utf8'), { columns: (h) => h.map((c) => c.trim()), skip_empty_lines: true, trim: true });
rmSync(scan, { recursive: true, force: true });

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
