// The Get Started walkthrough in the real extension host: every step's button runs a command VS
// Code knows (ours, declared in the manifest, or the workbench's), its completion events name our
// commands and view, its media ships; and the sample Lambda event its last step opens holds a
// contact ID the editor links.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { declaredCommandIds } from '../../src/commands';
import { sampleIds } from '../endpoint/sampleIds';
import { activatedExports, extensionId } from './extensionApi';
import { readTestEnv } from './testEnv';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: unknown };
  completionEvents?: string[];
}
interface Manifest {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    walkthroughs: { id: string; title: string; steps: Step[] }[];
  };
}

/** `[label](command:id?args)` links in a step's description: the id and its decoded arguments. */
function commandLinks(description: string): { label: string; id: string; args: unknown }[] {
  return [...description.matchAll(/\[([^\]]+)\]\(command:([A-Za-z0-9._-]+)(?:\?([^)\s]*))?\)/g)].map((m) => ({
    label: m[1],
    id: m[2],
    args: m[3] ? (JSON.parse(decodeURIComponent(m[3])) as unknown) : undefined,
  }));
}

describe('the Get Started walkthrough', function () {
  this.timeout(60_000);
  const env = readTestEnv();
  const nls = JSON.parse(fs.readFileSync(path.join(env.repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
  /** The extension host hands packageJSON localised; the file itself has %keys%. Either way, the text. */
  const text = (value: string) => value.replace(/^%([^%\s]+)%$/, (whole, key: string) => nls[key] ?? whole);
  let manifest: Manifest;
  let steps: Step[];

  before(async () => {
    await activatedExports();
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    manifest = extension.packageJSON as Manifest;
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough, 'the manifest contributes no walkthrough');
    steps = walkthrough.steps.map((s) => ({ ...s, title: text(s.title), description: text(s.description) }));
  });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('has the five steps of the issue, in order', () => {
    assert.deepEqual(
      steps.map((s) => s.id),
      ['chooseAccount', 'openSample', 'describeContact', 'openExplorer', 'hoverContactId'],
    );
    for (const s of steps) assert.ok(s.title && !s.title.startsWith('%'), `step ${s.id} has no title`);
  });

  it('gives every step a button whose command VS Code has, our own ones declared in the manifest', async () => {
    const known = new Set(await vscode.commands.getCommands(true));
    const declared = new Set(declaredCommandIds(manifest));
    for (const step of steps) {
      const links = commandLinks(step.description);
      assert.ok(links.length > 0, `step ${step.id} has no command button: ${step.description}`);
      for (const link of links) {
        assert.ok(known.has(link.id), `step ${step.id}: "${link.label}" runs ${link.id}, which no one registered`);
        if (link.id.startsWith('connectContacts.')) assert.ok(declared.has(link.id), `${link.id} is not declared in the manifest`);
      }
    }
    const select = commandLinks(steps[0].description).find((l) => l.id === 'connectContacts.selectProfile');
    assert.deepEqual(select?.args, [{ thenRegion: true }], 'the first button asks for the profile, then the region');
  });

  it('completes steps on our commands and view, and ships each step\'s markdown', () => {
    const declared = new Set(declaredCommandIds(manifest));
    const views = new Set(Object.values(manifest.contributes.views).flat().map((v) => v.id));
    for (const step of steps) {
      assert.ok(step.completionEvents?.length, `step ${step.id} has no completion event`);
      for (const event of step.completionEvents) {
        const [kind, id] = event.split(':');
        if (kind === 'onCommand') assert.ok(declared.has(id), `${step.id}: ${event} is no declared command`);
        else if (kind === 'onView') assert.ok(views.has(id), `${step.id}: ${event} is no contributed view`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
      assert.ok(step.media.markdown, `step ${step.id} has no markdown media`);
      assert.ok(fs.existsSync(path.join(env.repoRoot, step.media.markdown)), `${step.media.markdown} is missing`);
    }
  });

  it('Open Sample Lambda Event opens an untitled event whose ContactId the editor links, the cursor on it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('connectContacts.openSampleEvent');
    assert.ok(uri);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no active editor');
    const doc = editor.document;
    assert.equal(doc.uri.toString(), uri.toString());
    assert.equal(doc.isUntitled, true, 'never a file: nothing reaches the disk unless saved');
    assert.equal(doc.languageId, 'json');
    const event = JSON.parse(doc.getText()) as { Details: { ContactData: { ContactId: string; InstanceARN: string } } };
    assert.equal(event.Details.ContactData.ContactId, sampleIds.voice, 'the bundled sample contact');
    assert.match(event.Details.ContactData.InstanceARN, new RegExp(`:instance/${sampleIds.instanceA}$`));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    const linked = links.map((l) => doc.getText(l.range));
    assert.ok(linked.includes(sampleIds.voice), `no link on the contact ID; links: ${linked.join(', ')}`);
    for (const l of links) assert.match(l.target?.toString(true) ?? '', /^command:connectContacts\.describeContactAtCursor\?/);
    const cursor = doc.offsetAt(editor.selection.active);
    assert.equal(doc.getText().slice(cursor, cursor + sampleIds.voice.length), sampleIds.voice, 'the cursor is on the ContactId');
  });
});
