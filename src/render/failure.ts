/** Why Eleventy stopped, in one line: its error and each error that caused it, outermost first. */
export function failureOf(error: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
  return messages.join(": ");
}
