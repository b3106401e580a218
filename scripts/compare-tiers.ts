/**
 * How many demo agents change tier from METRICS.md v1 (ranked on raw values) to v2
 * (ranked on ranking values: shrunk rates, QA only from 5 reviews), and which, with the
 * evidence behind each move. Generates the demo organisation into a throw-away embedded
 * store, builds the report as the app does (v2), and ranks the same agents again on their
 * raw window values (v1) with the same tier rules.
 *   node --import tsx scripts/compare-tiers.ts [seed]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assignTiers } from '../src/analytics/tiers.ts';
import { generateDemoOrganisation } from '../src/demo/organisation.ts';
import { writeDemoToStore } from '../src/demo/store-writer.ts';
import { METRICS } from '../src/domain/metrics.ts';
import type { AgentReport } from '../src/domain/report-types.ts';
import { formatValue } from '../src/messages/format.ts';
import { buildOrgReport } from '../src/reporting/build-org-report.ts';
import { openStore } from '../src/store/open.ts';

const seed = Number(process.argv[2] ?? 42);
const dir = mkdtempSync(join(tmpdir(), 'teamhealth-compare-'));
const store = await openStore({ dataDir: dir });
try {
  const org = generateDemoOrganisation({ seed });
  await writeDemoToStore({ store, org });
  const report = await buildOrgReport({ store });
  const agents: AgentReport[] = report.teams.flatMap((t) => t.agents);
  const v1 = assignTiers(
    agents.map((a) => ({
      id: a.id,
      group:
        report.options.peerGroup === 'site'
          ? (report.teams.find((t) => t.id === a.team_id)?.site ?? '')
          : 'organisation',
      contacts: a.contacts,
      values: a.values,
    })),
    report.options,
  );
  const changed = agents.filter((a) => v1.get(a.id)?.tier !== a.tier);
  const tiered = agents.filter((a) => a.tier !== 'insufficient_data').length;
  console.log(
    `Seed ${seed}, as of ${report.asOf}: ${changed.length} of ${tiered} tiered agents change tier from v1 to v2.`,
  );
  for (const a of changed) {
    const before = v1.get(a.id);
    console.log(
      `\n${a.id} ${a.name} (${a.team_id}${a.id === org.planted.thinEvidenceAgent ? ', planted thin evidence' : ''}): ${before?.tier} → ${a.tier}; composite ${before?.composite?.toFixed(3)} → ${a.composite?.toFixed(3)}`,
    );
    for (const m of METRICS) {
      const p1 = before?.percentiles[m];
      const p2 = a.percentiles[m];
      if (p1 === p2) continue;
      console.log(
        `  ${m.padEnd(11)} raw ${formatValue(m, a.values[m]).padStart(8)} (n = ${a.n[m] ?? 0})` +
          `  ranked on ${formatValue(m, a.rankingValues[m]).padStart(8)}` +
          `  percentile ${p1 === undefined ? '–' : p1.toFixed(2)} → ${p2 === undefined ? 'not ranked' : p2.toFixed(2)}`,
      );
    }
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
