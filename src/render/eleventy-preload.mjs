// Imported before tsx's loader, in each process and thread that renders: with Node 20, every module loaded after
// tsx's loader is resolved and loaded through its thread, which made Eleventy's hundreds cost 0.6 s of processor
// time more. The generator's TypeScript, loaded after, finds Eleventy already loaded. Plain JavaScript, since no
// TypeScript can be read yet.
await import("@11ty/eleventy");
