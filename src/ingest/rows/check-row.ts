/** One row checker per kind, so the import loop does not branch on kind per row. */
import type {
  Agent,
  AgentDay,
  ContactVolume,
  EnablementEvent,
  Team,
} from '../../domain/records.ts';
import type { ImportKind } from '../kinds.ts';
import type { KnownIds } from '../known-ids.ts';
import { checkAgentRow } from './agent-row.ts';
import type { Checked } from './checked.ts';
import { checkContactRow } from './contact-row.ts';
import { checkEnablementRow } from './enablement-row.ts';
import type { RawRow } from './field-reader.ts';
import { checkKpiRow } from './kpi-row.ts';
import { checkTeamRow } from './team-row.ts';

export interface RecordOf {
  teams: Team;
  agents: Agent;
  kpis: AgentDay;
  contacts: ContactVolume;
  enablement: EnablementEvent;
}

export type RowChecker<K extends ImportKind> = (
  row: RawRow,
  known: KnownIds,
) => Checked<RecordOf[K]>;

export const ROW_CHECKERS: { [K in ImportKind]: RowChecker<K> } = {
  teams: (row) => checkTeamRow(row),
  agents: checkAgentRow,
  kpis: checkKpiRow,
  contacts: checkContactRow,
  enablement: checkEnablementRow,
};
