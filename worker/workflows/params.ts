import type { Identity } from '../auth/identity';

/** What the import Workflow is started with (stored by Workflows with the instance: plain data only). */
export interface ImportParams {
  uploadId: string;
  /** The file's R2 key. */
  key: string;
  /** Who uploaded it: their rights and scope are checked again when the file is read. */
  who: Identity;
  /** The list's shared fields and class_from_position, as POST /imports/{dataset} takes them. */
  defaults: Record<string, string>;
  classFromPosition: boolean;
}

/** What the read step hands to the commit step. */
export type ReadResult = { kind: 'staged'; batchId: number; hash: string; rows: number } | { kind: 'stopped' };

export const uploadKey = (id: string) => `uploads/${id}`;
