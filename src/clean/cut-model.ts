// A learned rule's weights file: a model and the log-odds at which its rule keeps or drops a line.

/** The model and cut of a weights file; `load` checks the model against the code's feature names. */
export function cutModelFrom<M>(name: string, file: { model: unknown; cut: unknown }, load: (model: unknown) => M): { model: M; cut: number } {
  if (typeof file.cut !== "number") throw new Error(`model ${name}: weights file is damaged`);
  return { model: load(file.model), cut: file.cut };
}

/** The committed model, read from its weights file once, when first asked for. */
export function readOnce<T>(read: () => T): () => T {
  let model: T | null = null;
  return () => (model ??= read());
}
