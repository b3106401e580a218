/** The agent-day mapping: derived denominators only for measured numerators. */
import { describe, expect, it } from 'vitest';
import { toAgentDay } from '../../src/ingest/agent-day.ts';

describe('toAgentDay', () => {
  it('counts contacts_handled as fcr_contacts and aht_contacts when both are measured', () => {
    expect(
      toAgentDay(
        {
          date: '2026-03-02',
          agent_id: 'A1',
          contacts_handled: 40,
          first_contact_resolved: 30,
          handle_time_sec: 12000,
        },
        'T1',
      ),
    ).toEqual({
      date: '2026-03-02',
      agent_id: 'A1',
      team_id: 'T1',
      contacts_handled: 40,
      first_contact_resolved: 30,
      fcr_contacts: 40,
      handle_time_sec: 12000,
      aht_contacts: 40,
    });
  });

  it('leaves out the FCR denominator when FCR was not measured', () => {
    const day = toAgentDay(
      { date: '2026-03-02', agent_id: 'A1', contacts_handled: 40, handle_time_sec: 0 },
      'T1',
    );
    expect(day.aht_contacts).toBe(40);
    expect('fcr_contacts' in day).toBe(false);
    expect('first_contact_resolved' in day).toBe(false);
  });

  it('keeps a measured 0 and drops an unmeasured field entirely', () => {
    const day = toAgentDay(
      {
        date: '2026-03-02',
        agent_id: 'A1',
        contacts_handled: 0,
        csat_responses: 0,
        csat_positive: 0,
        assigned: undefined,
      },
      'T9',
    );
    expect(day).toEqual({
      date: '2026-03-02',
      agent_id: 'A1',
      team_id: 'T9',
      contacts_handled: 0,
      csat_responses: 0,
      csat_positive: 0,
    });
    expect(Object.keys(day)).not.toContain('assigned');
  });
});
