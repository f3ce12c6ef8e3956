import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { Figure } from './bench-context';

export interface BenchReport {
  date: string;
  commit: string;
  machine: { cores: number; cpu: string; node: string };
  /** `partial`: only some scenarios or sizes (`--only`, `--sizes`). */
  mode: 'full' | 'quick' | 'partial';
  durationSeconds: number;
  figures: Figure[];
}

export function buildReport(
  figures: Figure[],
  mode: BenchReport['mode'],
  seconds: number,
): BenchReport {
  return {
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
    mode,
    durationSeconds: Math.round(seconds),
    figures,
  };
}

/** The figures as a Markdown table: one row each, with its target and pass/fail. */
export function renderTable(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const verdict = f.target === '-' ? '' : f.pass ? 'pass' : '**FAIL**';
    return `| ${f.name} | ${format(f.value)} ${f.unit} | ${f.target} | ${verdict} |`;
  });
  return ['| figure | value | target | |', '| --- | ---: | --- | --- |', ...rows].join('\n');
}

export function writeResults(report: BenchReport, benchDir: string): string {
  const dir = resolve(benchDir, 'results');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, report.mode === 'full' ? 'latest.json' : `latest-${report.mode}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en');
  return value.toFixed(2);
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
