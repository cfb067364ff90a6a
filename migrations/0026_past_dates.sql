-- award_cube_today also keeps, under negated unit ids, the correction that serves as_of dates
-- before the last change of units (worker/plan/today.ts): its kernel has more entries, so a table
-- built before this is rebuilt (readers use the plan until then).
UPDATE today_state SET phase = 'stale', cursor = -1, epoch = epoch + 1 WHERE id = 1;
