// Resident memory of a process, from Linux's /proc (VmRSS now, VmHWM the peak since start), in MiB.
import { readFileSync } from 'node:fs';

/** Current and peak resident set size of `pid` in MiB, or undefined off Linux / after exit. */
export function processMemory(pid: number): { rssMiB: number; peakMiB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}
