/**
 * Each validation rule, one fixture row each: the row is line 2 of a small CSV (line 1 is
 * the header), and the import must print exactly `file:2: column: reason`, store nothing
 * from that row, and exit 2. The expected wording is written out by hand here.
 */
import { describe, expect, it } from 'vitest';
import type { ImportKind } from '../../src/ingest/kinds.ts';
import { createMemoryStore, team } from './support/memory-store.ts';
import { importFiles, tempDir, writeFixture } from './support/run.ts';

const HEADERS: Record<ImportKind, string> = {
  teams: 'id,name,timezone,channel_id,lead_slack_ids,site',
  agents: 'id,name,team_id,slack_user_id,email,hire_date,site',
  kpis: 'date,agent_id,contacts_handled,handle_time_sec,first_contact_resolved,csat_responses,csat_positive,qa_evaluations,qa_score_total,assigned,answered_in_sla',
  contacts: 'date,team_id,reason,count',
  enablement: 'initiative_id,agent_id,stage,date,passed,applicable_contacts,applied_contacts',
};

interface Rule {
  rule: string;
  kind: ImportKind;
  row: string;
  expected: string[];
}

const RULES: Rule[] = [
  // agent-day KPIs
  {
    rule: 'rejects a date that does not exist',
    kind: 'kpis',
    row: '2026-02-30,A1,40,,,,,,,,',
    expected: ['date: must be a real date written YYYY-MM-DD, got "2026-02-30"'],
  },
  {
    rule: 'rejects a date written another way',
    kind: 'kpis',
    row: '02/03/2026,A1,40,,,,,,,,',
    expected: ['date: must be a real date written YYYY-MM-DD, got "02/03/2026"'],
  },
  {
    rule: 'rejects a negative count',
    kind: 'kpis',
    row: '2026-03-02,A1,-3,,,,,,,,',
    expected: ['contacts_handled: must be a whole number 0 or more, got "-3"'],
  },
  {
    rule: 'rejects a fractional count',
    kind: 'kpis',
    row: '2026-03-02,A1,2.5,,,,,,,,',
    expected: ['contacts_handled: must be a whole number 0 or more, got "2.5"'],
  },
  {
    rule: 'rejects an empty required count',
    kind: 'kpis',
    row: '2026-03-02,A1,,,,,,,,,',
    expected: ['contacts_handled: required, but empty'],
  },
  {
    rule: 'rejects handle time that is not a number',
    kind: 'kpis',
    row: '2026-03-02,A1,40,abc,,,,,,,',
    expected: ['handle_time_sec: must be a number 0 or more, got "abc"'],
  },
  {
    rule: 'rejects an unknown agent',
    kind: 'kpis',
    row: '2026-03-02,A9,40,,,,,,,,',
    expected: ['agent_id: unknown agent "A9" (import the agents file first)'],
  },
  {
    rule: 'rejects more positive answers than responses',
    kind: 'kpis',
    row: '2026-03-02,A1,40,,,10,12,,,,',
    expected: ['csat_positive: 12 is more than csat_responses (10)'],
  },
  {
    rule: 'rejects more resolved contacts than handled',
    kind: 'kpis',
    row: '2026-03-02,A1,40,,41,,,,,,',
    expected: ['first_contact_resolved: 41 is more than contacts_handled (40)'],
  },
  {
    rule: 'rejects more answered in SLA than assigned',
    kind: 'kpis',
    row: '2026-03-02,A1,40,,,,,,,30,31',
    expected: ['answered_in_sla: 31 is more than assigned (30)'],
  },
  {
    rule: 'rejects a QA total above 100 per evaluation',
    kind: 'kpis',
    row: '2026-03-02,A1,40,,,,,2,250,,',
    expected: ['qa_score_total: 250 is more than 100 × qa_evaluations (200)'],
  },
  {
    rule: 'rejects a part without its whole',
    kind: 'kpis',
    row: '2026-03-02,A1,40,,,,5,,,,',
    expected: ['csat_responses: empty while csat_positive is given (give both or neither)'],
  },
  {
    rule: 'rejects a whole without its part',
    kind: 'kpis',
    row: '2026-03-02,A1,40,,,10,,,,,',
    expected: ['csat_positive: empty while csat_responses is given (give both or neither)'],
  },
  {
    rule: 'rejects QA evaluations without their total',
    kind: 'kpis',
    row: '2026-03-02,A1,40,,,,,3,,,',
    expected: ['qa_score_total: empty while qa_evaluations is given (give both or neither)'],
  },
  {
    rule: 'reports every problem of a row, in column order',
    kind: 'kpis',
    row: '2026-13-01,A9,40,,,10,12,,,,',
    expected: [
      'date: must be a real date written YYYY-MM-DD, got "2026-13-01"',
      'agent_id: unknown agent "A9" (import the agents file first)',
      'csat_positive: 12 is more than csat_responses (10)',
    ],
  },
  {
    rule: 'rejects a row with too few fields',
    kind: 'kpis',
    row: '2026-03-02,A1,40',
    expected: ['row: has 3 fields but the header has 11'],
  },
  // contacts
  {
    rule: 'rejects contacts for an unknown team',
    kind: 'contacts',
    row: '2026-03-02,T9,billing,4',
    expected: ['team_id: unknown team "T9" (import the teams file first)'],
  },
  {
    rule: 'rejects a negative contact count',
    kind: 'contacts',
    row: '2026-03-02,T1,billing,-1',
    expected: ['count: must be a whole number 0 or more, got "-1"'],
  },
  {
    rule: 'rejects an empty reason',
    kind: 'contacts',
    row: '2026-03-02,T1,,4',
    expected: ['reason: required, but empty'],
  },
  // teams
  {
    rule: 'rejects a time zone that is not IANA',
    kind: 'teams',
    row: 'T2,Mars,Mars/Olympus,,,',
    expected: ['timezone: "Mars/Olympus" is not an IANA time zone (like Europe/London)'],
  },
  {
    rule: 'rejects a malformed lead Slack id',
    kind: 'teams',
    row: 'T2,Billing,Europe/Paris,,U0AAA;u123,Paris',
    expected: [
      'lead_slack_ids: "u123" is not a Slack user id (like U0123ABCD; separate several with spaces or semicolons)',
    ],
  },
  {
    rule: 'rejects a channel name where a channel id is needed',
    kind: 'teams',
    row: 'T2,Billing,Europe/Paris,general,,',
    expected: ['channel_id: "general" is not a Slack channel id (like C0123ABCD)'],
  },
  // agents
  {
    rule: 'rejects an agent of an unknown team',
    kind: 'agents',
    row: 'A3,Ana,T9,,,,',
    expected: ['team_id: unknown team "T9" (import the teams file first)'],
  },
  {
    rule: 'rejects a malformed Slack user id',
    kind: 'agents',
    row: 'A3,Ana,T1,ana,,,',
    expected: ['slack_user_id: "ana" is not a Slack user id (like U0123ABCD)'],
  },
  {
    rule: 'rejects a malformed email',
    kind: 'agents',
    row: 'A3,Ana,T1,,ana-at-example,,',
    expected: ['email: "ana-at-example" is not an email address'],
  },
  {
    rule: 'rejects a hire date that does not exist',
    kind: 'agents',
    row: 'A3,Ana,T1,,,2025-04-31,',
    expected: ['hire_date: must be a real date written YYYY-MM-DD, got "2025-04-31"'],
  },
  // enablement
  {
    rule: 'rejects an unknown stage',
    kind: 'enablement',
    row: 'I1,A1,done,2026-03-02,true,,',
    expected: ['stage: must be one of learned, knowledge_check, simulation, execution; got "done"'],
  },
  {
    rule: 'requires passed on a checkpoint stage',
    kind: 'enablement',
    row: 'I1,A1,knowledge_check,2026-03-02,,,',
    expected: ['passed: required for stage knowledge_check (true or false), but empty'],
  },
  {
    rule: 'rejects passed that is not true or false',
    kind: 'enablement',
    row: 'I1,A1,learned,2026-03-02,maybe,,',
    expected: ['passed: must be true or false, got "maybe"'],
  },
  {
    rule: 'rejects execution counts on a checkpoint stage',
    kind: 'enablement',
    row: 'I1,A1,simulation,2026-03-02,true,10,',
    expected: ['applicable_contacts: only used for stage execution, not simulation'],
  },
  {
    rule: 'rejects passed on the execution stage',
    kind: 'enablement',
    row: 'I1,A1,execution,2026-03-02,true,10,8',
    expected: [
      'passed: not used for stage execution (give applicable_contacts and applied_contacts)',
    ],
  },
  {
    rule: 'rejects more applied than applicable contacts',
    kind: 'enablement',
    row: 'I1,A1,execution,2026-03-02,,10,11',
    expected: ['applied_contacts: 11 is more than applicable_contacts (10)'],
  },
  {
    rule: 'rejects applied contacts without applicable ones',
    kind: 'enablement',
    row: 'I1,A1,execution,2026-03-02,,,4',
    expected: ['applicable_contacts: empty while applied_contacts is given (give both or neither)'],
  },
  {
    rule: 'requires the execution counts on the execution stage',
    kind: 'enablement',
    row: 'I1,A1,execution,2026-03-02,,,',
    expected: [
      'applicable_contacts: required for stage execution, but empty',
      'applied_contacts: required for stage execution, but empty',
    ],
  },
];

describe('import validation rules', () => {
  it.each(RULES)('$rule', async ({ kind, row, expected }) => {
    const { store, tables } = createMemoryStore({
      teams: [team('T1', 'Care')],
      agents: [{ id: 'A1', name: 'Ada', team_id: 'T1' }],
    });
    const dir = await tempDir();
    const file = await writeFixture(dir, `${kind}.csv`, `${HEADERS[kind]}\n${row}\n`);

    const { code, err, out } = await importFiles(store, [file], { kind });

    expect(err).toEqual(expected.map((problem) => `${file}:2: ${problem}`));
    expect(code).toBe(2);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain(
      'read 1 row, stored 0 (0 inserted, 0 updated, 0 unchanged), rejected 1',
    );
    const stored = tables[kind].rows.size;
    // The seeded team T1 and agent A1 remain; nothing was added.
    expect(stored).toBe(kind === 'teams' || kind === 'agents' ? 1 : 0);
  });

  it('accepts a row of each kind that breaks no rule', async () => {
    const { store, tables } = createMemoryStore({
      teams: [team('T1', 'Care')],
      agents: [{ id: 'A1', name: 'Ada', team_id: 'T1' }],
    });
    const dir = await tempDir();
    const rows: Record<ImportKind, string> = {
      teams: 'T2,Billing,Europe/Paris,C0123ABCD,U0AAA U0BBB;W0CCC,Paris',
      agents: 'A3,Ana,T1,U0ANA,ana@example.com,2025-04-30,Leeds',
      kpis: '2026-03-02,A1,40,12000,30,10,10,2,200,45,45',
      contacts: '2026-03-02,T1,billing,0',
      enablement: 'I1,A1,execution,2026-03-02,,10,10',
    };
    for (const kind of Object.keys(rows) as ImportKind[]) {
      const file = await writeFixture(dir, `${kind}.csv`, `${HEADERS[kind]}\n${rows[kind]}\n`);
      const { code, err } = await importFiles(store, [file]);
      expect(err).toEqual([]);
      expect(code).toBe(0);
    }
    expect(tables.teams.rows.get('T2')).toEqual({
      id: 'T2',
      name: 'Billing',
      timezone: 'Europe/Paris',
      channel_id: 'C0123ABCD',
      lead_slack_ids: ['U0AAA', 'U0BBB', 'W0CCC'],
      site: 'Paris',
    });
    expect(tables.agents.rows.get('A3')).toEqual({
      id: 'A3',
      name: 'Ana',
      team_id: 'T1',
      slack_user_id: 'U0ANA',
      email: 'ana@example.com',
      hire_date: '2025-04-30',
      site: 'Leeds',
    });
    expect(tables.enablement.all()).toEqual([
      {
        initiative_id: 'I1',
        agent_id: 'A1',
        stage: 'execution',
        date: '2026-03-02',
        applicable_contacts: 10,
        applied_contacts: 10,
      },
    ]);
  });
});
