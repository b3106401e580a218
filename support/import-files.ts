/**
 * The import benchmark's input files, also read by the import tests: `rows` agent-day
 * rows over 50 teams and 2,000 agents, as plain CSV (generateFiles) and the same
 * agent-days as a platform export writes them with its mapping (generateProfileFiles).
 * Seeded, so every call writes the same files.
 */
import { once } from 'node:events';
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { addDays } from '../src/domain/dates.ts';

const TEAMS = 50;
const AGENTS = 2_000;
const FIRST_DAY = '2025-01-01';

/** Writes teams.csv, agents.csv and kpis.csv with `rows` agent-day rows (AGENTS per day). */
export async function generateFiles(dir: string, rows: number): Promise<string[]> {
  const rng = seedrandom('import-bench');
  const teams = join(dir, 'teams.csv');
  const agents = join(dir, 'agents.csv');
  const kpis = join(dir, 'kpis.csv');
  const zones = ['Europe/London', 'America/New_York', 'Asia/Manila', 'Europe/Berlin'];
  writeFileSync(
    teams,
    `id,name,timezone,site\n${Array.from({ length: TEAMS }, (_, t) => `T${t},Team ${t},${zones[t % zones.length]},Site ${t % 4}`).join('\n')}\n`,
  );
  writeFileSync(
    agents,
    `id,name,team_id\n${Array.from({ length: AGENTS }, (_, a) => `A${a},Agent ${a},T${a % TEAMS}`).join('\n')}\n`,
  );
  const out = createWriteStream(kpis);
  out.write(
    'date,agent_id,contacts_handled,handle_time_sec,first_contact_resolved,csat_responses,csat_positive,qa_evaluations,qa_score_total,assigned,answered_in_sla\n',
  );
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const a = i % AGENTS;
    const date = addDays(FIRST_DAY, Math.floor(i / AGENTS));
    const contacts = 20 + Math.floor(rng() * 30);
    const responses = Math.floor(contacts * 0.3);
    const evaluations = rng() < 0.2 ? 1 : 0;
    const assigned = contacts + Math.floor(rng() * 5);
    chunk += `${date},A${a},${contacts},${contacts * (250 + Math.floor(rng() * 150))},${Math.floor(contacts * (0.6 + rng() * 0.3))},${responses},${Math.floor(responses * (0.7 + rng() * 0.3))},${evaluations},${evaluations * (60 + Math.floor(rng() * 40))},${assigned},${Math.floor(assigned * (0.7 + rng() * 0.3))}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return [teams, agents, kpis];
}

/** The profile case's mapping: every derivation a profile can make, on every row. */
const BENCH_MAPPING = `name: bench-export
fields:
  date: { column: Day, format: MM/dd/yyyy }
  agent_id: Agent
  contacts_handled: Contacts handled
  handle_time_sec: { average: Average handle time, count: Contacts handled, unit: "hh:mm:ss" }
  first_contact_resolved: { percent: FCR, of: Contacts handled }
  csat_responses: Surveys
  csat_positive: { percent: CSAT positive, of: Surveys }
  qa_evaluations: Evaluations
  qa_score_total: { average: Average QA score, count: Evaluations }
  assigned: Offered
  answered_in_sla: { percent: Service level, of: Offered }
`;

const pct = (part: number, whole: number) =>
  whole === 0 ? '' : `${((part / whole) * 100).toFixed(1)}%`;
const hms = (seconds: number) =>
  [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');

/** Writes export.csv (the same agent-days, the way an export writes them) and its mapping. */
export async function generateProfileFiles(
  dir: string,
  rows: number,
): Promise<{ file: string; mapping: string }> {
  const rng = seedrandom('import-bench');
  const file = join(dir, 'export.csv');
  const mapping = join(dir, 'mapping.yml');
  writeFileSync(mapping, BENCH_MAPPING);
  const out = createWriteStream(file);
  out.write(
    'Day,Agent,Contacts handled,Average handle time,FCR,Surveys,CSAT positive,Evaluations,Average QA score,Offered,Service level\n',
  );
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const a = i % AGENTS;
    const iso = addDays(FIRST_DAY, Math.floor(i / AGENTS));
    const day = `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
    const contacts = 20 + Math.floor(rng() * 30);
    const responses = Math.floor(contacts * 0.3);
    const evaluations = rng() < 0.2 ? 1 : 0;
    const assigned = contacts + Math.floor(rng() * 5);
    const aht = 250 + Math.floor(rng() * 150);
    const resolved = Math.floor(contacts * (0.6 + rng() * 0.3));
    const positive = Math.floor(responses * (0.7 + rng() * 0.3));
    // Drawn on every row, as generateFiles does, so both files hold the same agent-days.
    const score = 60 + Math.floor(rng() * 40);
    const qa = evaluations ? String(score) : '';
    const inSla = Math.floor(assigned * (0.7 + rng() * 0.3));
    chunk += `${day},A${a},${contacts},${hms(aht)},${pct(resolved, contacts)},${responses},${pct(positive, responses)},${evaluations},${qa},${assigned},${pct(inSla, assigned)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return { file, mapping };
}
