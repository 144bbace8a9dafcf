// What a `vscode://` link may decide: the contact and its region, never the AWS profile. A link
// naming another profile is asked about in a modal. Pure: no `vscode`.

/** What a link names (the parts a modal shows). */
export interface LinkArgs {
  instanceId?: string;
  contactId?: string;
  region?: string;
  profile?: string;
}

/** What a link that names another profile asks, in a modal. */
export interface LinkProfileQuestion {
  message: string;
  detail: string;
  useLinkProfile: string;
  useActiveProfile: string;
}

/** The question for a link naming a profile other than the active one; undefined when there is nothing to ask. */
export function linkProfileQuestion(args: LinkArgs, activeProfile: string): LinkProfileQuestion | undefined {
  if (args.profile === undefined || args.profile === activeProfile) return undefined;
  const where = [
    `Contact: ${args.contactId ?? '(not given)'}`,
    `Instance: ${args.instanceId ?? '(from the contact ARN)'}`,
    `Region: ${args.region ?? '(from the ARN or your settings)'}`,
    `Profile asked for: ${args.profile} (yours is ${activeProfile})`,
  ].join('\n');
  return {
    message: `A link asks to open an Amazon Connect contact with the AWS profile "${args.profile}" instead of your active profile "${activeProfile}".`,
    detail: `${where}\n\nUsing another profile may run its credential_process or start a sign-in. Open the contact only if you trust where the link came from.`,
    useLinkProfile: `Use "${args.profile}"`,
    useActiveProfile: `Use "${activeProfile}"`,
  };
}

