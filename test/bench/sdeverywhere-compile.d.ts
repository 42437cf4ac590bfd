/** The two functions of @sdeverywhere/compile 0.7.28 the benchmark uses (the package ships no types). */
declare module '@sdeverywhere/compile' {
  export function parseModel(input: string, modelKind: 'vensim' | 'xmile', modelDir: string): unknown;
  export function generateCode(
    parsedModel: unknown,
    options: {
      readonly spec: {
        readonly inputVarNames: readonly string[];
        readonly outputVarNames: readonly string[];
      };
      readonly operations: readonly string[];
      readonly extData: Map<string, unknown>;
      readonly directData: Map<string, unknown>;
      readonly modelDirname: string;
    },
  ): string;
}
