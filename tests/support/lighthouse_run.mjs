// Lighthouse (npm package, installed in .tools/) on a list of pages, in one Chromium.
//
//   node tests/support/lighthouse_run.mjs NODE_MODULES < job.json > results.json
//
// job.json: {"chromePath": "...", "chromeFlags": [...], "categories": [...],
//            "runs": [{"url": "http://127.0.0.1:.../sites/", "preset": "mobile"|"desktop"}]}
// Prints a JSON list, one entry per run, in order: the category scores (0-100), the audits
// that cost points in those categories, every requested URL, and the performance metrics.
// Runs are serial: Lighthouse measures one page at a time.

import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

const modules = process.argv[2];
const load = async (file) => import(pathToFileURL(join(modules, file)).href);
const {default: lighthouse} = await load('lighthouse/core/index.js');
const {default: desktopConfig} = await load('lighthouse/core/config/desktop-config.js');
const chromeLauncher = await load('chrome-launcher/dist/index.js');

const job = JSON.parse(readFileSync(0, 'utf8'));
const METRICS = ['total-blocking-time', 'largest-contentful-paint', 'cumulative-layout-shift'];

function failingAudits(lhr) {
  const failing = [];
  for (const id of job.categories) {
    for (const ref of lhr.categories[id].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        const items = (audit.details?.items ?? []).slice(0, 3);
        const what = items.map((item) =>
          [item.description, item.url ?? item.sourceLocation?.url, item.node?.snippet]
            .filter(Boolean).join(' '));
        failing.push({category: id, id: ref.id, title: audit.title, score: audit.score, what});
      }
    }
  }
  return failing;
}

function summary(run, lhr) {
  const scores = {};
  for (const id of job.categories) scores[id] = Math.round(lhr.categories[id].score * 100);
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const metrics = {};
  for (const id of METRICS) metrics[id] = lhr.audits[id]?.numericValue ?? null;
  return {
    ...run,
    scores,
    failing: failingAudits(lhr),
    requested: requests.map((item) => item.url),
    runtimeError: lhr.runtimeError?.message ?? null,
    userAgent: lhr.environment?.hostUserAgent ?? '',
    metrics,
  };
}

const chrome = await chromeLauncher.launch({
  chromePath: job.chromePath,
  chromeFlags: job.chromeFlags,
  logLevel: 'silent',
});
const results = [];
try {
  for (const run of job.runs) {
    const flags = {port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: job.categories, onlyAudits: ['network-requests']};
    const config = run.preset === 'desktop' ? desktopConfig : undefined;
    const result = await lighthouse(run.url, flags, config);
    results.push(summary(run, result.lhr));
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results, null, 1) + '\n');
