/**
 * `npm start`'s memory of the work done on each file, kept with what it was done from (the file's text, and anything
 * else that decides it), so that a save does again only the work whose inputs changed.
 */
export class KeptWork<T> {
  private readonly kept = new Map<string, { from: readonly string[]; work: T }>();

  /** The work done on `file` from these inputs: kept, or done now and kept. */
  recall(file: string, from: readonly string[], work: () => T): T {
    const kept = this.kept.get(file);
    if (kept && kept.from.length === from.length && kept.from.every((input, i) => input === from[i])) return kept.work;
    const done = work();
    this.kept.set(file, { from, work: done });
    return done;
  }

  /** Forgets the files that are gone. */
  keepOnly(files: Iterable<string>): void {
    const present = new Set(files);
    for (const file of this.kept.keys()) if (!present.has(file)) this.kept.delete(file);
  }

  /** Forgets every file's work. */
  forget(): void {
    this.kept.clear();
  }
}
