// Placeholder until the serve command lands; says so rather than pretending.
export async function serveCommand(_options: unknown): Promise<number> {
  process.stderr.write('teamhealth serve: not built yet\n');
  return 1;
}
