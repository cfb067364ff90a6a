-- A merge step takes the next rows of a batch's delta in the order of award_cube_delta_key (batch_id
-- first): the index on batch_id alone was one more index entry written and deleted per delta row.
DROP INDEX `award_cube_delta_batch`;