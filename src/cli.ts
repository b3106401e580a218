/**
 * The `teamhealth` command: the operator's table of contents. Each subcommand parses its
 * arguments here and delegates to src/commands/<name>.ts. Exit codes: 0 success,
 * 1 failure (the message names what and where), 2 partial success (import: some rows
 * rejected), 64 usage error.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { TeamhealthError, UsageError } from './errors.ts';

// `teamhealth report --json | head`: once the reader has gone, every write fails with
// EPIPE, which Node raises as an unhandled error (a stack trace, exit 1). Output nobody
// reads is dropped instead, and the command finishes its work (an import is not cut
// short) and exits with its own code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const program = new Command()
  .name('teamhealth')
  .description('Coaches contact-centre teams from their own numbers, in Slack.')
  .showHelpAfterError('(run teamhealth help <command> for usage)')
  .exitOverride();

const isoDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError('must be a date written YYYY-MM-DD');
  }
  return value;
};
const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError('must be a whole number above 0');
  return n;
};

program
  .command('import')
  .description(
    'Import teams, agents, agent-day KPIs, contact volumes or enablement from CSV or JSON',
  )
  .argument('[file...]', 'CSV, JSON array or NDJSON file(s)')
  .addOption(
    new Option(
      '--kind <kind>',
      'what the file holds (inferred from its columns when omitted)',
    ).choices(['teams', 'agents', 'kpis', 'contacts', 'enablement']),
  )
  .option(
    '--profile <name>',
    "read a platform's export through a shipped profile (docs/profiles.md)",
  )
  .option('--mapping <file.yml>', 'read the files through your own mapping profile')
  .option('--dry-run', 'validate and report what would be stored; write nothing')
  .option('--watch <dir>', 'import every file dropped into <dir>, until stopped (the inbox)')
  .option('--no-progress', 'no progress bar even on a terminal')
  .action(async (files: string[], options) => {
    if (options.watch !== undefined) {
      if (
        files.length > 0 ||
        options.kind ||
        options.profile ||
        options.mapping ||
        options.dryRun
      ) {
        throw new UsageError(
          'import --watch <dir> takes no files or other options (the inbox chooses a profile per file)',
        );
      }
      const { watchCommand } = await import('./commands/import.ts');
      process.exitCode = await watchCommand({ dir: options.watch });
      return;
    }
    if (files.length === 0)
      throw new UsageError('import needs at least one file (or --watch <dir>)');
    const { importCommand } = await import('./commands/import.ts');
    process.exitCode = await importCommand({
      files,
      kind: options.kind,
      progress: options.progress,
      profile: options.profile,
      mapping: options.mapping,
      dryRun: options.dryRun === true,
    });
  });

program
  .command('report')
  .description("Each team's health: trend, stability, tiers, contact mix, enablement, balance")
  .option('--team <id>', 'one team (id or name)')
  .option('--as-of <date>', 'last day of the window (default: the latest day with data)', isoDate)
  .option('--window-days <n>', 'window length in days', positiveInt, 28)
  .option(
    '--eligibility <contacts>',
    'minimum contacts in the window to be tiered',
    positiveInt,
    30,
  )
  .option('--top-share <share>', 'share of eligible agents in the top tier', Number, 0.2)
  .option('--lagging-share <share>', 'share of eligible agents in the lagging tier', Number, 0.2)
  .option('--weights <list>', 'composite weights, e.g. csat=2,fcr=1,aht=1,qa=1,answer_rate=1')
  .option(
    '--qa-min-evaluations <n>',
    'QA reviews in the window an agent needs to be ranked on QA',
    positiveInt,
    5,
  )
  .addOption(
    new Option('--peer-group <group>', 'percentiles across the organisation or within each site')
      .choices(['organisation', 'site'])
      .default('organisation'),
  )
  .option('--json', 'machine-readable output')
  .action(async (options) => {
    const { reportCommand } = await import('./commands/report.ts');
    process.exitCode = await reportCommand(options);
  });

program
  .command('run')
  .description('Run one scheduled job now (or all with "all"), optionally as a dry run')
  .argument(
    '<job>',
    'team-charts | peer-nudges | recognition | coaching-dms | director-digest | all',
  )
  .option('--dry-run', 'write what would be posted to --out instead of posting')
  .option('--as-of <date>', 'the day to run for (default: today in each team’s time zone)', isoDate)
  .option('--team <id>', 'only this team')
  .option('--out <dir>', 'where a dry run writes', './out')
  .action(async (job: string, options) => {
    const { runCommand } = await import('./commands/run.ts');
    process.exitCode = await runCommand({ job, ...options });
  });

program
  .command('demo')
  .description('Build a synthetic organisation in the store and dry-run every job into --out')
  .option('--out <dir>', 'where to write the browsable result', './out')
  .option('--seed <n>', 'random seed (same seed, same organisation)', positiveInt, 42)
  .action(async (options) => {
    const { demoCommand } = await import('./commands/demo.ts');
    process.exitCode = await demoCommand(options);
  });

program
  .command('serve')
  .description(
    'Serve the Slack app (HTTP, or Socket Mode when SLACK_APP_TOKEN is set) and its schedules',
  )
  .option('--no-schedules', 'serve requests only; run no scheduled jobs')
  .action(async (options) => {
    const { serveCommand } = await import('./commands/serve.ts');
    process.exitCode = await serveCommand(options);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has already printed the message and usage.
    process.exitCode = error.exitCode === 0 ? 0 : 64;
  } else if (error instanceof UsageError) {
    process.stderr.write(`teamhealth: ${error.message}\n`);
    process.exitCode = 64;
  } else if (error instanceof TeamhealthError) {
    process.stderr.write(`teamhealth: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`teamhealth: unexpected error: ${(error as Error)?.stack ?? error}\n`);
    process.exitCode = 1;
  }
}
