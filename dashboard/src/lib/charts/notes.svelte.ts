import { chartNotesOnce } from '../goals/api';
import { goalsChanged } from '../goals/changed.svelte';
import { resource } from '../resource.svelte';
import { urlState } from '../url.svelte';
import { builtInEvents, noteEvent, type ChartEvent } from './events';

/**
 * The events a time chart of the current view marks: the built-in ones, then the notes editors
 * added for every chart or for the unit in the URL (or one above it). Call while a card is
 * created; the notes load with the card (when `wanted`) and again when a note is saved.
 */
export function timeEvents(wanted: () => boolean = () => true): { readonly list: ChartEvent[] } {
  const notes = resource(
    () => ({ on: urlState.params.unit || 'everywhere', v: goalsChanged.count, wanted: wanted() }),
    (q) => (q.wanted ? chartNotesOnce(q.on, q.v) : Promise.resolve({ annotations: [] })),
  );
  return {
    get list() {
      const added = notes.state.status === 'ready' ? notes.state.data.annotations.map(noteEvent) : [];
      return [...builtInEvents(), ...added];
    },
  };
}
