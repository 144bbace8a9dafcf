// An esbuild plugin for the extension's bundle: `import * as vscode from 'vscode'` in each of
// its ~35 modules became `__toESM(require("vscode"))` each, and every one copies all of the API's
// few hundred top-level names onto a new object: about a third of activation's CPU time. Here
// every import of `vscode` resolves to one bundled module that re-exports the real one, so the
// copy is made once.
const namespace = 'vscode-once';

export function vscodeOncePlugin() {
  return {
    name: namespace,
    setup(build) {
      build.onResolve({ filter: /^vscode$/ }, (args) =>
        args.namespace === namespace ? { path: 'vscode', external: true } : { path: 'vscode', namespace },
      );
      build.onLoad({ filter: /.*/, namespace }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
    },
  };
}
