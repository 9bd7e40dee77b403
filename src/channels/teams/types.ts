/**
 * Shapes shared by the Teams channel's modules. Everything botbuilder-specific
 * stays inside `src/channels/teams/`, so a later move to the Microsoft 365
 * Agents SDK touches this folder only.
 */

/** One entity on an outgoing activity, sent to the connector exactly as built. */
export type OutgoingEntity = Readonly<Record<string, unknown>> & { readonly type: string };

/** An activity the bot sends; only the fields Teams reads. */
export interface OutgoingActivity {
  readonly type: 'message' | 'typing';
  readonly text?: string;
  readonly textFormat?: 'markdown' | 'plain';
  readonly replyToId?: string | undefined;
  readonly from?: { readonly id: string; readonly name?: string };
  readonly recipient?: { readonly id: string; readonly name?: string };
  readonly conversation?: { readonly id: string };
  readonly entities?: readonly OutgoingEntity[];
  readonly channelData?: Readonly<Record<string, unknown>>;
  /** Cards and files (the file consent and file info cards of reply drafts). */
  readonly attachments?: readonly {
    readonly contentType: string;
    readonly name?: string;
    readonly contentUrl?: string;
    readonly content?: Readonly<Record<string, unknown>>;
  }[];
}

/** `streaminfo` entity of Teams' streaming protocol. */
export interface StreamInfoEntity extends OutgoingEntity {
  readonly type: 'streaminfo';
  readonly streamType: 'informative' | 'streaming' | 'final';
  readonly streamId?: string;
  /** 1-based, increasing; absent on the final message. */
  readonly streamSequence?: number;
}
