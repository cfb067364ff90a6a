-- Cuboid 11: cuboid 0 summed over aligned blocks of 2, 4, 8 and 16 years, the block's code
-- (level * 10000 + its first year) in year (YEAR_BLOCKS, worker/queries/cube/dimensions.ts).
-- Written from here on with every cube change; this fills it for what the cube and the visible
-- or staged deltas already hold. award_cube_today follows through its triggers.
INSERT INTO award_cube (cuboid, unit_id, year, award_code, tier, category, recipient_kind, gender, recipient_class, method, movement_id, ethnic_minority, decision_month, n)
SELECT 11, c.unit_id, l.value * 10000 + ((c.year >> l.value) << l.value), c.award_code, c.tier, c.category, c.recipient_kind, c.gender, c.recipient_class, c.method, c.movement_id, c.ethnic_minority, c.decision_month, SUM(c.n)
FROM award_cube c, json_each('[1,2,3,4]') l
WHERE c.cuboid = 0
GROUP BY 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
HAVING SUM(c.n) <> 0;
--> statement-breakpoint
INSERT INTO award_cube_delta (batch_id, cuboid, unit_id, year, award_code, tier, category, recipient_kind, gender, recipient_class, method, movement_id, ethnic_minority, decision_month, n)
SELECT c.batch_id, 11, c.unit_id, l.value * 10000 + ((c.year >> l.value) << l.value), c.award_code, c.tier, c.category, c.recipient_kind, c.gender, c.recipient_class, c.method, c.movement_id, c.ethnic_minority, c.decision_month, SUM(c.n)
FROM award_cube_delta c, json_each('[1,2,3,4]') l
WHERE c.cuboid = 0
GROUP BY 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
HAVING SUM(c.n) <> 0;
