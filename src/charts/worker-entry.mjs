// Worker entry for the chart pool. Plain JavaScript because neither vitest nor a bare
// `node` transforms worker files: it registers tsx's ESM loader in this thread (a
// no-op-equivalent when the parent already ran with `--import tsx`), then loads the
// TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
