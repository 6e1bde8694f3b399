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

/**
 * CPU time `pid` has used so far (user + system), in ms, from /proc/<pid>/stat (in clock ticks of 10 ms), or
 * undefined off Linux. Unlike wall-clock time it hardly depends on what else the machine is running.
 */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces, inside parentheses): utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
