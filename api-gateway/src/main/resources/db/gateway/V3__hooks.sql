-- An environment's hold and release endpoints, used around consistent cuts and restores.
ALTER TABLE environments ADD COLUMN hold_hook text, ADD COLUMN release_hook text;
