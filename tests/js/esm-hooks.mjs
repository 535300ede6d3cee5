// Module hooks for esm.mjs: a .js file under docs/assets/javascripts/ is an ES module.
export async function load(url, context, nextLoad) {
  if (url.startsWith("file:") && url.includes("/docs/assets/javascripts/") && url.endsWith(".js")) {
    return nextLoad(url, { ...context, format: "module" });
  }
  return nextLoad(url, context);
}
