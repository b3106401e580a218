// Placeholder until the import command lands; says so rather than pretending.
export async function importCommand(_options: unknown): Promise<number> {
  process.stderr.write('teamhealth import: not built yet\n');
  return 1;
}
