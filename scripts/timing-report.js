#!/usr/bin/env node
/**
 * The CI run's timing report: each stage of .ci/run, the slowest Jest files and the slowest
 * browser tests, printed at the end of the run and written to test-results/timing/report.md
 * (and report.json), so the next slow test is visible the day it lands.
 *
 * Reads what the run left in test-results/timing/:
 *   stages.tsv     one "<stage>\t<seconds>\t<exit code>" line per stage (.ci/run writes them; stages
 *                  run at once are marked "(together)": their times overlap)
 *   wall.txt       the whole run's seconds, from its start to the report
 *   jest*.json     Jest's --json output of each Jest run (per file: start and end times): CI runs the
 *                  long-running files (jest-long.json) beside the rest (jest.json)
 *   browser.json   Playwright's JSON reporter (per test: duration)
 * A missing file is left out (a run that stopped early still reports what it did).
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DIR = process.env.TIMING_DIR ?? path.join(ROOT, 'test-results/timing');
const SLOWEST = 15;

const read = (file) => (fs.existsSync(path.join(DIR, file)) ? fs.readFileSync(path.join(DIR, file), 'utf8') : null);
const seconds = (ms) => Math.round(ms / 100) / 10;
const relative = (file) => path.relative(ROOT, file);

function stages() {
  const text = read('stages.tsv');
  if (!text) return [];
  return text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name, secs, code] = line.split('\t');
      return { name, seconds: Number(secs), exitCode: Number(code) };
    });
}

/** Every Jest run's --json output in the folder. */
function jestRuns() {
  if (!fs.existsSync(DIR)) return [];
  return fs
    .readdirSync(DIR)
    .filter((file) => /^jest.*\.json$/.test(file))
    .sort()
    .map((file) => JSON.parse(read(file)));
}

function jestFiles(runs) {
  return runs
    .flatMap((run) => run.testResults)
    .map((r) => ({
      file: relative(r.name),
      seconds: seconds((r.endTime ?? r.perfStats?.end ?? 0) - (r.startTime ?? r.perfStats?.start ?? 0)),
      status: r.status,
    }))
    .sort((a, b) => b.seconds - a.seconds);
}

function browserTests() {
  const text = read('browser.json');
  if (!text) return [];
  const tests = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        tests.push({
          test: [...titles, spec.title].filter(Boolean).join(' › '),
          file: `${spec.file}:${spec.line}`,
          seconds: seconds((test.results ?? []).reduce((sum, r) => sum + (r.duration ?? 0), 0)),
          status: test.status,
        });
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title === child.file ? '' : child.title]);
  };
  for (const suite of JSON.parse(text).suites ?? []) walk(suite, []);
  return tests.sort((a, b) => b.seconds - a.seconds);
}

const clock = (s) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

function markdown(report) {
  const lines = ['# CI timing', ''];
  if (report.stages.length) {
    lines.push('| stage | time | s | exit |', '|---|---:|---:|---:|');
    for (const s of report.stages) lines.push(`| ${s.name} | ${clock(s.seconds)} | ${s.seconds} | ${s.exitCode} |`);
    lines.push(`| **whole run** | **${clock(report.totalSeconds)}** | ${Math.round(report.totalSeconds)} | |`, '');
  }
  if (report.jest.files) {
    lines.push(
      `Jest: ${report.jest.files} files, ${report.jest.fileSeconds} s of file time in ${report.jest.wallSeconds} s.`,
      '',
      '| slowest Jest files | s |',
      '|---|---:|',
    );
    for (const f of report.jest.slowest)
      lines.push(`| ${f.file}${f.status === 'passed' ? '' : ` (${f.status})`} | ${f.seconds} |`);
    lines.push('');
  }
  if (report.browser.tests) {
    lines.push(
      `Browser: ${report.browser.tests} tests, ${report.browser.testSeconds} s of test time.`,
      '',
      '| slowest browser tests | s |',
      '|---|---:|',
    );
    for (const t of report.browser.slowest)
      lines.push(`| ${t.test} (${t.file})${t.status === 'expected' ? '' : ` (${t.status})`} | ${t.seconds} |`);
    lines.push('');
  }
  return lines.join('\n');
}

function main() {
  const stageList = stages();
  const runs = jestRuns();
  const files = jestFiles(runs);
  const tests = browserTests();
  // Runs side by side overlap: from the first one's start to the last file's end.
  const jestStart = runs.length ? Math.min(...runs.map((run) => run.startTime)) : 0;
  const jestEnd = files.length ? Math.max(...runs.flatMap((run) => run.testResults.map((r) => r.endTime ?? 0))) : 0;
  const report = {
    stages: stageList,
    // Stages run together overlap: the run's own clock is the total, when .ci/run left it.
    totalSeconds: Number(read('wall.txt') ?? NaN) || Math.round(stageList.reduce((sum, s) => sum + s.seconds, 0)),
    jest: {
      files: files.length,
      fileSeconds: Math.round(files.reduce((sum, f) => sum + f.seconds, 0)),
      wallSeconds: files.length ? seconds(jestEnd - jestStart) : 0,
      slowest: files.slice(0, SLOWEST),
    },
    browser: {
      tests: tests.length,
      testSeconds: Math.round(tests.reduce((sum, t) => sum + t.seconds, 0)),
      slowest: tests.slice(0, SLOWEST),
    },
  };
  fs.mkdirSync(DIR, { recursive: true });
  const text = markdown(report);
  fs.writeFileSync(path.join(DIR, 'report.md'), `${text}\n`);
  fs.writeFileSync(
    path.join(DIR, 'report.json'),
    `${JSON.stringify({ ...report, jestFiles: files, browserTests: tests }, null, 2)}\n`,
  );
  console.log(`\n${text}\n(written to ${relative(path.join(DIR, 'report.md'))})`);
}

main();
