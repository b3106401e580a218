/**
 * A unique index: the key of each indexed document → its `_id`. A key is the JSON of the
 * indexed fields' values (missing as null, as MongoDB indexes it); with `sparse`, a
 * document lacking every indexed field is not indexed.
 */
import { type Doc, type IndexSpec, indexName } from '../collection.ts';

export class UniqueIndex {
  readonly name: string;
  readonly fields: string[];
  readonly sparse: boolean;
  readonly owners = new Map<string, string>();

  constructor(spec: IndexSpec) {
    this.name = indexName(spec);
    this.fields = Object.keys(spec.key);
    this.sparse = spec.sparse ?? false;
  }

  /** The document's key, or undefined when a sparse index skips it. */
  keyOf(doc: Doc): string | undefined {
    const values = this.fields.map((field) => doc[field]);
    if (this.sparse && values.every((value) => value === undefined)) return undefined;
    return JSON.stringify(values.map((value) => value ?? null));
  }

  /** Human-readable key for error messages, e.g. `slack_user_id: "U1"`. */
  describe(key: string): string {
    const values = JSON.parse(key) as unknown[];
    return `${this.name} { ${this.fields.map((f, i) => `${f}: ${JSON.stringify(values[i])}`).join(', ')} }`;
  }
}
