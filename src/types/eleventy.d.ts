// Eleventy ships JavaScript without type declarations; this is the part of its API the generator uses.
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    /** false: no configuration file; `config` configures Eleventy instead. */
    configPath?: string | false;
    /** The programmatic configuration, run as a configuration file would be (again on every reset while serving). */
    config?: (eleventyConfig: any) => unknown;
    quietMode?: boolean;
    runMode?: "build" | "serve" | "watch";
    source?: "cli" | "script";
    pathPrefix?: string;
  }

  export interface EleventyResult {
    inputPath: string;
    outputPath: string;
    url: string;
    content: string;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    /** Resolves with the passthrough copies and the written templates. */
    write(): Promise<[unknown, EleventyResult[]]>;
    toJSON(): Promise<EleventyResult[]>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    /** The file watcher (chokidar), once watch() has started it. */
    watcher?: import("node:events").EventEmitter;
    logger: {
      /** Where Eleventy's messages go, by kind: a console, or an object with the same `log`, `warn` and `error`. */
      overrideLogger(logger: Pick<Console, "log" | "warn" | "error">): void;
    };
  }

  export const HtmlBasePlugin: (eleventyConfig: unknown, options?: unknown) => void;
}
