// Flow-log module types (ContactFlowModuleType) as the flow designer names its blocks, and the
// kind each is drawn as on the Timeline. Flow logs have used the older module names
// (SetQueue, InvokeExternalResource) and the flow language's action names (UpdateContactTargetQueue,
// InvokeLambdaFunction): both are listed. A type not listed keeps its own name, kind 'other'.

/** How a block is coloured on the Timeline. */
export type BlockKind = 'lambda' | 'queue' | 'input' | 'prompt' | 'attribute' | 'transfer' | 'logging' | 'disconnect' | 'other';

export const blockKinds: readonly BlockKind[] = ['lambda', 'queue', 'input', 'prompt', 'attribute', 'transfer', 'logging', 'disconnect', 'other'];

interface BlockType {
  label: string;
  kind: BlockKind;
}

const block = (label: string, kind: BlockKind): BlockType => ({ label, kind });

// A null prototype: a module type read from a log line is looked up here, and must never find
// `constructor` or `__proto__`.
const known: Record<string, BlockType | undefined> = Object.assign(Object.create(null) as Record<string, BlockType | undefined>, {
  // Integrate
  InvokeExternalResource: block('Invoke AWS Lambda function', 'lambda'),
  InvokeLambdaFunction: block('Invoke AWS Lambda function', 'lambda'),
  InvokeFlowModule: block('Invoke module', 'other'),
  // Set
  SetQueue: block('Set working queue', 'queue'),
  UpdateContactTargetQueue: block('Set working queue', 'queue'),
  SetAttributes: block('Set contact attributes', 'attribute'),
  UpdateContactAttributes: block('Set contact attributes', 'attribute'),
  UpdateFlowAttributes: block('Set contact attributes', 'attribute'),
  UpdateContactData: block('Set contact attributes', 'attribute'),
  SetLoggingBehavior: block('Set logging behavior', 'logging'),
  UpdateFlowLoggingBehavior: block('Set logging behavior', 'logging'),
  SetRecordingBehavior: block('Set recording and analytics behavior', 'other'),
  UpdateContactRecordingBehavior: block('Set recording and analytics behavior', 'other'),
  SetVoice: block('Set voice', 'other'),
  UpdateContactTextToSpeechVoice: block('Set voice', 'other'),
  SetCallbackNumber: block('Set callback number', 'other'),
  UpdateContactCallbackNumber: block('Set callback number', 'other'),
  SetRoutingCriteria: block('Set routing criteria', 'queue'),
  UpdateContactRoutingBehavior: block('Change routing priority / age', 'queue'),
  SetEventHook: block('Set event flow', 'other'),
  UpdateContactEventHooks: block('Set event flow', 'other'),
  SetCustomerQueueFlow: block('Set customer queue flow', 'other'),
  SetHoldFlow: block('Set hold flow', 'other'),
  SetWhisperFlow: block('Set whisper flow', 'other'),
  SetDisconnectFlow: block('Set disconnect flow', 'other'),
  SetWisdomAssistant: block('Amazon Q in Connect', 'other'),
  // Interact
  PlayPrompt: block('Play prompt', 'prompt'),
  MessageParticipant: block('Play prompt', 'prompt'),
  GetUserInput: block('Get customer input', 'input'),
  GetParticipantInput: block('Get customer input', 'input'),
  ConnectParticipantWithLexBot: block('Get customer input', 'input'),
  StoreUserInput: block('Store customer input', 'input'),
  StoreInput: block('Store customer input', 'input'),
  // Check and branch
  CheckHoursOfOperation: block('Check hours of operation', 'queue'),
  CheckStaffing: block('Check staffing', 'queue'),
  CheckQueueStatus: block('Check queue status', 'queue'),
  CheckMetricData: block('Check queue status', 'queue'),
  CheckAttribute: block('Check contact attributes', 'attribute'),
  Compare: block('Check contact attributes', 'attribute'),
  DistributeByPercentage: block('Distribute by percentage', 'other'),
  Loop: block('Loop', 'other'),
  Wait: block('Wait', 'other'),
  CreateTask: block('Create task', 'other'),
  // Terminate and transfer
  Transfer: block('Transfer to queue', 'transfer'),
  TransferToQueue: block('Transfer to queue', 'transfer'),
  TransferContactToQueue: block('Transfer to queue', 'transfer'),
  TransferToFlow: block('Transfer to flow', 'transfer'),
  TransferToPhoneNumber: block('Transfer to phone number', 'transfer'),
  TransferParticipantToThirdParty: block('Transfer to phone number', 'transfer'),
  TransferToAgent: block('Transfer to agent', 'transfer'),
  Disconnect: block('Disconnect / hang up', 'disconnect'),
  DisconnectParticipant: block('Disconnect / hang up', 'disconnect'),
  EndFlowExecution: block('End flow / Resume', 'other'),
  EndFlowModuleExecution: block('Return (from module)', 'other'),
  Resume: block('End flow / Resume', 'other'),
  ResumeContact: block('Resume contact', 'other'),
});

/** Module types of the Invoke AWS Lambda function block, current and older. */
export const lambdaModuleTypes: ReadonlySet<string> = new Set(['InvokeExternalResource', 'InvokeLambdaFunction']);

/** The most a module type is kept to: real ones are short identifiers. */
export const maxModuleTypeLength = 100;

/** The flow designer's name for a module type; an unknown type as it comes (bounded). */
export function blockLabel(moduleType: string | undefined): string {
  if (moduleType === undefined || moduleType === '') return 'Flow block';
  return known[moduleType]?.label ?? moduleType.slice(0, maxModuleTypeLength);
}

export function blockKind(moduleType: string | undefined): BlockKind {
  return (moduleType !== undefined ? known[moduleType]?.kind : undefined) ?? 'other';
}

/** Every module type named above (for choosing a block type by its designer name). */
export function knownModuleTypes(): string[] {
  return Object.keys(known);
}
