package io.lifeboat.storage.repo;

import java.util.List;

/** An index object: the packs one writer (or one index consolidation) stored. */
record IndexFile(int format, List<PackEntry> packs) {

    static final int FORMAT = 1;
    static final String KIND = "index";
}
