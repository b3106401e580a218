/**
 * The mingo context the embedded store runs every query, update and pipeline with:
 * mingo's operators plus the fast `$group`. Built here, and used through mingo's base
 * `Aggregator`/`Query` classes, because the `mingo` entry point merges its own defaults
 * in first and `Context.from` keeps the first registration of a name. Other users of
 * mingo in the process are unaffected.
 */
import { Context } from 'mingo';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import type { Options } from 'mingo/types';
import { fastGroup } from './fast-group.ts';

/** mingo's defaults with `$group` replaced by {@link fastGroup}. */
export const storeContext = Context.init({ pipeline: { $group: fastGroup } })
  .addAccumulatorOps(accumulatorOperators)
  .addExpressionOps(expressionOperators)
  .addPipelineOps(pipelineOperators)
  .addProjectionOps(projectionOperators)
  .addQueryOps(queryOperators)
  .addWindowOps(windowOperators);

/** Options for mingo's base `Aggregator`, `Query` and updater. */
export const mingoOptions: Partial<Options> = { context: storeContext };
