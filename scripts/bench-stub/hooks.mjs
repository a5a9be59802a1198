// Module hooks for `--stub-cluster`: the compiled src/cluster/index.js is answered by ./cluster.js.
const stub = new URL("./cluster.js", import.meta.url).href;

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  return resolved.url.endsWith("/dist/src/cluster/index.js") ? { ...resolved, url: stub } : resolved;
}
