import { madeBy, type Identity } from '../auth/identity';

/** Analysts manage the embed tokens and snapshots they made; admins manage all. */
export const mine = (who: Identity, row: { created_by: string }) => who.role === 'admin' || madeBy(who, row.created_by);
