// Peak resident memory and CPU time of n8n while a test runs, read from /proc (Linux). The
// harness starts n8n in its own process group, so the group holds n8n and its task runner.
// CPU time per notification is the steadier figure on a shared machine: executions/s there
// also counts what other processes take from n8n.
const fs = require('node:fs');

const PAGE = 4096;
/** Clock ticks per second of utime/stime (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** RSS in bytes of the group leader and of the whole process group `pgid`; CPU seconds of the group. */
function groupRss(pgid) {
	let leader = 0;
	let group = 0;
	let cpuSeconds = 0;
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat;
		try {
			stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // ended meanwhile
		}
		// Fields after the `(comm)`, which may itself hold spaces: state ppid pgrp … rss is field 24.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(fields[2]) !== pgid) continue;
		const rss = Number(fields[21]) * PAGE;
		group += rss;
		// utime and stime (stat fields 14 and 15).
		cpuSeconds += (Number(fields[11]) + Number(fields[12])) / TICKS;
		if (Number(entry) === pgid) leader = rss;
	}
	return { leader, group, cpuSeconds };
}

/** Samples every `everyMs` until `stop()`, which returns the peaks in MB and the CPU seconds used meanwhile. */
function rssSampler(pgid, everyMs = 500) {
	const peak = { leader: 0, group: 0 };
	const cpuAtStart = groupRss(pgid).cpuSeconds;
	const sample = () => {
		const now = groupRss(pgid);
		peak.leader = Math.max(peak.leader, now.leader);
		peak.group = Math.max(peak.group, now.group);
	};
	sample();
	const timer = setInterval(sample, everyMs);
	return {
		stop() {
			clearInterval(timer);
			sample();
			const cpuSeconds = groupRss(pgid).cpuSeconds - cpuAtStart;
			return { n8nMb: Math.round(peak.leader / 2 ** 20), withRunnerMb: Math.round(peak.group / 2 ** 20), cpuSeconds };
		},
	};
}

module.exports = { rssSampler, groupRss };
