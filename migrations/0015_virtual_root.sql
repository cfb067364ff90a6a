-- The virtual root (unit id 0, worker/queries/cube/root.ts): every unit also under it in the
-- unit closure, and its cube and delta rows summed from the top-level units' subtrees, so a
-- read that names no unit is one key per output row. Nothing changes in the schema.
INSERT INTO unit_closure (ancestor_id, unit_id, depth)
SELECT 0, unit_id, MAX(depth) + 1 FROM unit_closure GROUP BY unit_id;
--> statement-breakpoint
INSERT INTO award_cube (cuboid, unit_id, year, award_code, tier, category, recipient_kind, gender,
  recipient_class, method, movement_id, ethnic_minority, decision_month, n)
SELECT cuboid, 0, year, award_code, tier, category, recipient_kind, gender, recipient_class, method,
  movement_id, ethnic_minority, decision_month, SUM(n)
FROM award_cube WHERE unit_id IN (SELECT id FROM units WHERE parent_id IS NULL)
GROUP BY cuboid, year, award_code, tier, category, recipient_kind, gender, recipient_class, method,
  movement_id, ethnic_minority, decision_month;
--> statement-breakpoint
INSERT INTO award_cube_delta (batch_id, cuboid, unit_id, year, award_code, tier, category, recipient_kind,
  gender, recipient_class, method, movement_id, ethnic_minority, decision_month, n)
SELECT batch_id, cuboid, 0, year, award_code, tier, category, recipient_kind, gender, recipient_class, method,
  movement_id, ethnic_minority, decision_month, SUM(n)
FROM award_cube_delta WHERE unit_id IN (SELECT id FROM units WHERE parent_id IS NULL)
GROUP BY batch_id, cuboid, year, award_code, tier, category, recipient_kind, gender, recipient_class, method,
  movement_id, ethnic_minority, decision_month;
