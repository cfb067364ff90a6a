// The whole database as one subtree: unit_closure puts every unit under this id too, so the
// cube keeps whole-database totals as one key per combination of the other dimensions, and a
// read that names no unit costs one row per output row whatever the number of top-level units.
// No units row has it (ids start at 1); the naive queries and joins to units never see it.
export const ROOT_UNIT_ID = 0;
