// Bumped after a target or a note is saved or removed here, so the cards that show them load
// them again (they are not part of the data version, which only imports change).
export const goalsChanged = $state({ count: 0 });

export const notifyGoalsChanged = () => {
  goalsChanged.count++;
};
