// The activation baseline: the smallest real extension (the `yo code` hello-world:
// one command, pushed to subscriptions), bundled and loaded exactly like ours.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('bench.helloWorld', () => vscode.window.showInformationMessage('Hello World!')),
  );
}

export function deactivate(): void {
  // nothing to release
}
