-- A restore is listed under the project it restores into (project_id). A deleted project's tombstone may be
-- restored into another project by an operator: source_project then names the deleted project.
ALTER TABLE restores ADD COLUMN source_project text;
