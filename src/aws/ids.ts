// Parsing what people paste for an instance or a contact: IDs, ARNs, and the
// usual debris around them (quotes, backticks, whitespace). Every rejection says
// what is wrong with the text, so the input box can show it as the user types.

/** A rejected input, with a message that says what is wrong and how to fix it. */
export interface InputError {
  ok: false;
  message: string;
}

export interface ArnParts {
  partition: string;
  region: string;
  accountId: string;
}

export interface ParsedInstance {
  ok: true;
  instanceId: string;
  /** Set when the input was an ARN. */
  arn?: ArnParts;
  /** Accepted, but worth telling the user (e.g. not shaped like a UUID). */
  warning?: string;
}

export interface ParsedContact {
  ok: true;
  contactId: string;
  /** Set when the input was a contact ARN, which names the instance too. */
  instanceId?: string;
  arn?: ArnParts;
  warning?: string;
}

export const instanceIdMaxLength = 100;
export const contactIdMaxLength = 256;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idCharPattern = /^[A-Za-z0-9_-]+$/;
/** Region names: us-east-1, us-gov-west-1, cn-north-1, us-isob-east-1, eu-central-2. */
export const regionPattern = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;
const partitionPattern = /^aws(-[a-z]+)*$/;
const accountPattern = /^\d{12}$/;

type Subject = 'instance' | 'contact';

function fail(message: string): InputError {
  return { ok: false, message };
}

export function isInputError(value: { ok: boolean }): value is InputError {
  return !value.ok;
}

/**
 * Strips whitespace, one or more layers of surrounding quotes or backticks, then one trailing
 * slash: consoles and docs show ARNs and IDs with one, and people paste them so.
 */
export function cleanInput(text: string): string {
  const s = unquote(text);
  return s.endsWith('/') ? s.slice(0, -1).trimEnd() : s;
}

function unquote(text: string): string {
  let s = text.trim();
  for (;;) {
    const m = /^(["'`\u2018\u2019\u201c\u201d]+)([\s\S]*?)(["'`\u2018\u2019\u201c\u201d]+)$/.exec(s);
    if (m) {
      s = m[2].trim();
      continue;
    }
    // A lone opening or closing quote (half a copy) is debris too.
    const lone = s.replace(/^["'`\u2018\u2019\u201c\u201d]+|["'`\u2018\u2019\u201c\u201d]+$/g, '').trim();
    if (lone === s) return s;
    s = lone;
  }
}

function describeChar(ch: string): string {
  if (ch === ' ') return 'a space';
  if (ch === '\t') return 'a tab';
  if (ch === '\n' || ch === '\r') return 'a line break';
  if (/\s/.test(ch)) return 'a whitespace character';
  return `"${ch}"`;
}

function label(subject: Subject): string {
  return subject === 'instance' ? 'instance ID' : 'contact ID';
}

/** Checks a bare ID (not an ARN); `where` names it inside an ARN for messages. */
function checkId(id: string, subject: Subject, where = ''): InputError | { ok: true; warning?: string } {
  const name = label(subject);
  const max = subject === 'instance' ? instanceIdMaxLength : contactIdMaxLength;
  if (id.length === 0) return fail(`The ${name}${where} is empty.`);
  if (id.length > max) return fail(`The ${name}${where} is ${id.length} characters long; it can be at most ${max}.`);
  const bad = [...id].findIndex((ch) => !idCharPattern.test(ch));
  if (bad >= 0) {
    const ch = id[bad];
    const what = describeChar(ch);
    const fix = /\s/.test(ch) ? 'IDs contain no whitespace; paste a single ID.' : 'IDs contain only letters, digits and hyphens.';
    return fail(`The ${name}${where} contains ${what} at position ${bad + 1}. ${fix}`);
  }
  if (!uuidPattern.test(id)) {
    return { ok: true, warning: `"${id}" is not shaped like ${subject === "instance" ? "an" : "a"} ${name} (a UUID such as 12345678-90ab-cdef-1234-567890abcdef); looking it up anyway.` };
  }
  return { ok: true };
}

interface SplitArn extends ArnParts {
  ok: true;
  service: string;
  resource: string;
}

function splitArn(text: string): SplitArn | InputError {
  const parts = text.split(':');
  if (parts.length < 6) {
    return fail(`This ARN is incomplete: it has ${parts.length} of the 6 colon-separated parts (arn:PARTITION:connect:REGION:ACCOUNT:instance/ID).`);
  }
  const [, partition, service, region, accountId] = parts;
  const resource = parts.slice(5).join(':');
  if (!partitionPattern.test(partition)) {
    return fail(`"${partition}" is not an AWS partition; expected aws, aws-cn, aws-us-gov or similar.`);
  }
  if (service !== 'connect') {
    return fail(service === ''
      ? 'The ARN names no service; an Amazon Connect ARN starts arn:aws:connect:.'
      : `This is an ARN for the "${service}" service, not Amazon Connect (arn:${partition}:connect:…).`);
  }
  if (region === '') return fail('The ARN has no region; an Amazon Connect ARN names one, like us-east-1.');
  if (!regionPattern.test(region)) return fail(`"${region}" in the ARN is not an AWS region name (like us-east-1).`);
  if (accountId === '') return fail('The ARN has no account ID; it goes between the region and "instance/".');
  if (!accountPattern.test(accountId)) return fail(`The account ID in the ARN, "${accountId}", must be exactly 12 digits.`);
  return { ok: true, partition, service, region, accountId, resource };
}

/** Splits `instance/ID[/TYPE/ID...]`, or says which kind of Connect resource it is instead. */
function splitResource(resource: string): { ok: true; instanceId: string; rest: string[] } | InputError {
  const segments = resource.split('/');
  if (segments[0] !== 'instance') {
    const type = segments[0] || '(nothing)';
    return fail(`This Amazon Connect ARN names a "${type}" resource; expected instance/ID or instance/ID/contact/ID.`);
  }
  if (segments.length < 2 || segments[1] === '') return fail('The ARN ends before the instance ID (…:instance/ID).');
  return { ok: true, instanceId: segments[1], rest: segments.slice(2) };
}

function earlyChecks(text: string, subject: Subject): InputError | undefined {
  if (text === '') return fail(subject === 'instance' ? 'Enter an instance ID or instance ARN.' : 'Enter a contact ID or contact ARN.');
  if (/^https?:\/\//i.test(text)) {
    return fail(`That is a web address. Paste the ${label(subject)} or ARN instead (the console shows it on the ${subject === 'instance' ? 'instance overview' : 'contact details'} page).`);
  }
  if (/^arn:/i.test(text) && !text.startsWith('arn:')) return fail('ARNs are lower case: they start with "arn:".');
  if (!text.startsWith('arn:') && /^(instance|contact)\//.test(text)) {
    return fail('This looks like the end of an ARN; paste the whole ARN, starting with "arn:".');
  }
  return undefined;
}

/** Parses an instance ID or instance ARN. */
export function parseInstanceInput(raw: string): ParsedInstance | InputError {
  const text = cleanInput(raw);
  const early = earlyChecks(text, 'instance');
  if (early) return early;
  if (!text.startsWith('arn:')) {
    const checked = checkId(text, 'instance');
    return checked.ok ? { ok: true, instanceId: text, warning: checked.warning } : checked;
  }
  const arn = splitArn(text);
  if (!arn.ok) return arn;
  const { partition, region, accountId, resource } = arn;
  const res = splitResource(resource);
  if (!res.ok) return res;
  if (res.rest[0] === 'contact') {
    return fail(`This is a contact ARN, not an instance ARN. Paste it at the contact prompt, or enter the instance ID ${res.instanceId}.`);
  }
  if (res.rest.length > 0) {
    return fail(`This ARN names a "${res.rest[0] || '(nothing)'}" inside an instance, not the instance itself; expected …:instance/ID.`);
  }
  const checked = checkId(res.instanceId, 'instance', ' in the ARN');
  if (!checked.ok) return checked;
  return { ok: true, instanceId: res.instanceId, arn: { partition, region, accountId }, warning: checked.warning };
}

/** Parses a contact ID or contact ARN (which gives the instance and region too). */
export function parseContactInput(raw: string): ParsedContact | InputError {
  const text = cleanInput(raw);
  const early = earlyChecks(text, 'contact');
  if (early) return early;
  if (!text.startsWith('arn:')) {
    const checked = checkId(text, 'contact');
    return checked.ok ? { ok: true, contactId: text, warning: checked.warning } : checked;
  }
  const arn = splitArn(text);
  if (!arn.ok) return arn;
  const { partition, region, accountId, resource } = arn;
  const res = splitResource(resource);
  if (!res.ok) return res;
  if (res.rest.length === 0) {
    return fail('This is an instance ARN, not a contact ARN. Enter a contact ID, or a contact ARN (…:instance/ID/contact/ID).');
  }
  if (res.rest[0] !== 'contact') {
    return fail(`This ARN names a "${res.rest[0] || '(nothing)'}" inside an instance, not a contact; expected …:instance/ID/contact/ID.`);
  }
  if (res.rest.length < 2 || res.rest[1] === '') return fail('The ARN ends before the contact ID (…/contact/ID).');
  if (res.rest.length > 2) return fail('The contact ARN has extra parts after the contact ID; expected …:instance/ID/contact/ID.');
  const instance = checkId(res.instanceId, 'instance', ' in the ARN');
  if (!instance.ok) return instance;
  const contact = checkId(res.rest[1], 'contact', ' in the ARN');
  if (!contact.ok) return contact;
  return {
    ok: true,
    contactId: res.rest[1],
    instanceId: res.instanceId,
    arn: { partition, region, accountId },
    warning: contact.warning ?? instance.warning,
  };
}

/** For an input box's live validation: the error message, or undefined while the text is empty or acceptable. */
export function validateContactIdLive(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseContactInput(text);
  return parsed.ok ? undefined : parsed.message;
}

/** Like validateContactIdLive, for the instance prompt. */
export function validateInstanceIdLive(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseInstanceInput(text);
  return parsed.ok ? undefined : parsed.message;
}

/** The ARN of an instance, for messages and IAM hints. */
export function instanceArn(parts: ArnParts, instanceId: string): string {
  return `arn:${parts.partition}:connect:${parts.region}:${parts.accountId}:instance/${instanceId}`;
}
