// CPU time instead of wall time: this machine is shared, and a process that waits for a
// core is not slower code. Linux only (/proc), which is where the benchmark runs.

import { readFileSync, readdirSync } from 'node:fs';

/** Milliseconds of CPU this Node process has used, all threads (WebCrypto's pool too). */
export function selfCpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Milliseconds of CPU process `pid` has used, all threads, with nanosecond precision. */
export function processCpuMs(pid) {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return ns / 1e6;
}

/** The pid of this process's child whose command is `name`. */
export function childPid(name) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && comm.startsWith(name)) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`no child process named ${name}`);
}
