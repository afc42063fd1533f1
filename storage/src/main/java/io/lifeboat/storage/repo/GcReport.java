package io.lifeboat.storage.repo;

/**
 * What one garbage collection of a project did.
 *
 * @param condemnedPacks packs found unreferenced in this run; deleted after the grace period
 * @param deletedPacks   packs deleted in this run
 * @param deletedBytes   bytes those packs occupied in each location
 * @param repackedPacks  mostly-dead packs whose live chunks were copied into new packs
 * @param postponed      condemned packs kept because a writer that started before their condemnation runs
 */
public record GcReport(String project, int livePacks, int condemnedPacks, int deletedPacks, long deletedBytes,
                       int repackedPacks, int postponed) {
}
