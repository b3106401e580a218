// Preloaded into the import benchmark's child (node --import) when /usr/bin/time is not
// available: prints the process's peak resident set size (KB) and CPU seconds on stderr
// as it exits.
process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stderr.write(`maxRSS=${usage.maxRSS} cpuSeconds=${cpuSeconds}\n`);
});
