/**
 * Validates one enablement row (METRICS.md, "Enablement"). The first three stages carry
 * `passed` and nothing else; `execution` carries applicable_contacts and applied_contacts
 * (applied ≤ applicable) and no `passed`.
 */
import { ENABLEMENT_STAGES, type EnablementEvent } from '../../domain/records.ts';
import type { KnownIds } from '../known-ids.ts';
import { type Checked, checked } from './checked.ts';
import { createFieldReader, type RawRow } from './field-reader.ts';
import { checkPartWhole } from './part-whole.ts';

export function checkEnablementRow(row: RawRow, known: KnownIds): Checked<EnablementEvent> {
  const read = createFieldReader(row);
  const initiativeId = read.text('initiative_id', true);
  const agentId = read.text('agent_id', true);
  if (agentId !== undefined && !known.agentTeams.has(agentId)) {
    read.fail('agent_id', `unknown agent "${agentId}" (import the agents file first)`);
  }
  const stage = read.oneOf('stage', ENABLEMENT_STAGES, true);
  const date = read.date('date', true);
  const passed = read.flag('passed');
  const applicable = read.count('applicable_contacts');
  const applied = read.count('applied_contacts');

  if (stage === 'execution') {
    if (passed !== undefined) {
      read.fail(
        'passed',
        'not used for stage execution (give applicable_contacts and applied_contacts)',
      );
    }
    if (applicable === undefined && applied === undefined) {
      read.fail('applicable_contacts', 'required for stage execution, but empty');
      read.fail('applied_contacts', 'required for stage execution, but empty');
    } else {
      checkPartWhole(read, {
        part: 'applied_contacts',
        whole: 'applicable_contacts',
        partValue: applied,
        wholeValue: applicable,
      });
    }
  } else if (stage !== undefined) {
    const passedAlreadyReported = read.issues.some((issue) => issue.column === 'passed');
    if (passed === undefined && !passedAlreadyReported) {
      read.fail('passed', `required for stage ${stage} (true or false), but empty`);
    }
    for (const column of ['applicable_contacts', 'applied_contacts'] as const) {
      const value = column === 'applicable_contacts' ? applicable : applied;
      if (value !== undefined) read.fail(column, `only used for stage execution, not ${stage}`);
    }
  }

  return checked(read.issues, () => {
    const event: EnablementEvent = {
      initiative_id: initiativeId as string,
      agent_id: agentId as string,
      stage: stage as EnablementEvent['stage'],
      date: date as string,
    };
    if (stage === 'execution') {
      event.applicable_contacts = applicable;
      event.applied_contacts = applied;
    } else {
      event.passed = passed;
    }
    return event;
  });
}
