/**
 * The benchmark table: one row per figure, each beside a baseline measured in
 * the same run (so the ratio means something on any machine), printed as
 * Markdown under a line describing the machine.
 */
import { cpus, totalmem } from 'node:os';

/** One benchmark figure beside its baseline. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  /** what the baseline measures, in a few words */
  baselineName: string;
  /** value / baseline (0 when there is no baseline) */
  ratio: number;
}

const round = (x: number): number => (Math.abs(x) >= 100 ? Math.round(x * 10) / 10 : Math.round(x * 1000) / 1000);

/** Make a row, rounding the figures and computing the ratio. */
export function makeRow(name: string, value: number, unit: string, baseline: number, baselineName: string): BenchRow {
  return {
    name,
    value: round(value),
    unit,
    baseline: round(baseline),
    baselineName,
    ratio: baseline ? Math.round((value / baseline) * 1000) / 1000 : 0,
  };
}

/** The machine the figures come from. */
export function describeMachine(): string {
  const cpu = cpus();
  const model = cpu[0]?.model.trim() ?? 'unknown CPU';
  return `${model}, ${cpu.length} cores, ${Math.round((totalmem() / 2 ** 30) * 10) / 10} GiB memory, Node ${process.version}, ${process.platform} ${process.arch}`;
}

function cell(x: string | number): string {
  return String(x).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Render rows as one Markdown table with the machine on top. */
export function formatTable(rows: BenchRow[], machine: string = describeMachine()): string {
  const lines = [
    `Machine: ${machine}`,
    '',
    '| figure | value | unit | baseline | baseline is | ratio |',
    '|---|---:|---|---:|---|---:|',
    ...rows.map(
      (r) =>
        `| ${cell(r.name)} | ${cell(r.value)} | ${cell(r.unit)} | ${cell(r.baseline)} | ${cell(r.baselineName)} | ${r.baseline ? cell(r.ratio) : '–'} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
