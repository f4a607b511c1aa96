// Not a command of its own: one part of a large site's search index, which src/search.ts runs in a process of
// its own because Pagefind's Node API keeps one service, holding one index in memory, per process. Reads the
// part (a PartJob, as JSON) on standard input; prints "read" once Pagefind has read the pages, then the result.
import { text } from "node:stream/consumers";
import { indexPart, type PartJob } from "../src/search/pagefind.ts";

const job = JSON.parse(await text(process.stdin)) as PartJob;
const result = await indexPart(job, () => process.stdout.write("read\n"));
process.stdout.write(JSON.stringify(result));
