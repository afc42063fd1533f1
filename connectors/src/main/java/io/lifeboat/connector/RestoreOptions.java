package io.lifeboat.connector;

/**
 * What a restore may change so that a backup fits its target.
 *
 * @param replaceMissingDefiners a view, routine, trigger or event whose definer does not exist on the target
 *                               gets the target's user as its definer; without it, such an object fails the
 *                               restore before anything is switched, naming the object
 */
public record RestoreOptions(boolean replaceMissingDefiners) {

    public static final RestoreOptions NONE = new RestoreOptions(false);
}
