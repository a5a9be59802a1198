// @11ty/eleventy ships no type declarations; this is the part of its API Digest uses.
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    configPath?: string | false;
    quietMode?: boolean;
    config?: (eleventyConfig: never) => void;
  }
  interface ConsoleLike {
    log(message: string): void;
    info(message: string): void;
    warn(message: string): void;
    error(message: string): void;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    readonly logger: { overrideLogger(logger: ConsoleLike | false): void };
    write(): Promise<unknown>;
  }
}
