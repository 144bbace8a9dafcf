// The "Amazon Connect" log output channel, as the CLI's `--debug` gives it: one info
// line per call, wire details at trace level. The core never hands it a secret.
import * as vscode from 'vscode';
import type { CallLogEntry, CallLogger } from './aws/types';

export function createLogChannel(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Amazon Connect', { log: true });
}

export function formatCallLogEntry(e: CallLogEntry): string {
  const parts = [
    e.operation,
    `profile=${e.profile}`,
    `region=${e.region}`,
    `endpoint=${e.endpoint}`,
    `status=${e.httpStatus ?? '-'}`,
    `requestId=${e.requestId ?? '-'}`,
    `${Math.round(e.durationMs)} ms`,
  ];
  if (e.attempts !== undefined && e.attempts > 1) parts.push(`attempts=${e.attempts}`);
  if (e.error) parts.push(`error=${e.error}`);
  return parts.join(' ');
}

export function callLoggerFor(channel: vscode.LogOutputChannel): CallLogger {
  return {
    info: (entry) => (entry.error ? channel.warn(formatCallLogEntry(entry)) : channel.info(formatCallLogEntry(entry))),
    trace: (message) => channel.trace(message),
    warn: (message) => channel.warn(message),
  };
}
