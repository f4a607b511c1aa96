// Eleventy ships JavaScript without type declarations; this is the part of its API the generator uses.
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    /** false: no configuration file; `config` configures Eleventy instead. */
    configPath?: string | false;
    /** The programmatic configuration, run as a configuration file would be. */
    config?: (eleventyConfig: any) => unknown;
    quietMode?: boolean;
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
    /** Resolves with the passthrough copies and the written templates. */
    write(): Promise<[unknown, EleventyResult[]]>;
    toJSON(): Promise<EleventyResult[]>;
    logger: {
      /** Where Eleventy's messages go, by kind: a console, or an object with the same `log`, `warn` and `error`. */
      overrideLogger(logger: Pick<Console, "log" | "warn" | "error">): void;
    };
  }
}
