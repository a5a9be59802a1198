// @11ty/eleventy ships no type declarations; this is the part of its API Digest uses.
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    config?: (eleventyConfig: { addGlobalData(name: string, value: unknown): void }) => void;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    write(): Promise<unknown>;
  }
}
