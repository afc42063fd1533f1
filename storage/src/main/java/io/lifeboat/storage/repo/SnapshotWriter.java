package io.lifeboat.storage.repo;

import io.lifeboat.storage.chunk.ChunkReader;
import io.lifeboat.storage.chunk.ChunkerParams;
import io.lifeboat.storage.chunk.ChunkingOutputStream;
import io.lifeboat.storage.chunk.FastCdc;
import io.lifeboat.storage.crypto.ProjectKeys;
import io.lifeboat.storage.object.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one part of a backup as a file tree. Content is cut into chunks, deduplicated against the
 * project's existing chunks, compressed, encrypted and packed; packs are uploaded while reading goes on.
 * Memory stays bounded whatever the size of the part. Nothing is visible until {@link #commit}; a writer
 * closed without committing leaves only unreferenced packs, which garbage collection reclaims.
 *
 * <p>{@link #file} may be called from several threads at once, to store several streams in parallel;
 * {@link #commit} is called once, after every {@code file} call returned.
 */
public final class SnapshotWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotWriter.class);
    private static final int MAX_PENDING = 4096;
    /**
     * The tree is cut finer than data, so that a few changed entries scattered over it store a few small
     * chunks again rather than most of the tree; its chunks go to packs of their own, side by side, so that
     * reading a tree takes few requests. Readers only concatenate tree chunks: neither is part of the format.
     */
    static final ChunkerParams TREE_CHUNKS = new ChunkerParams(4 * 1024, 16 * 1024, 64 * 1024);

    /** A chunk as stored: compressed when that saves at least 1/32 of it, then encrypted. */
    private record Blob(byte[] sealed, boolean compressed) {
    }

    /** An entry whose chunks are still being stored. */
    private record Pending(TreeEntry entry, List<CompletableFuture<String>> chunks) {
    }

    private final Repository repository;
    private final String project;
    private final String environment;
    private final String backupId;
    private final String part;
    private final String type;
    private final ProjectKeys keys;
    private final PackIndex known;
    private final FastCdc cdc;
    private final Semaphore inflight;
    private final Semaphore uploadSlots = new Semaphore(2);
    private final Set<String> session = ConcurrentHashMap.newKeySet();
    private final Set<String> reusedPacks = ConcurrentHashMap.newKeySet();
    private final List<CompletableFuture<Void>> uploads = new ArrayList<>();
    private final List<PackEntry> packs = new ArrayList<>();
    private final List<CompletableFuture<String>> treeChunks = new ArrayList<>();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final ThreadLocal<byte[]> readBuffer;
    private volatile Map<String, TreeEntry> previousFiles;
    private final ChunkingOutputStream tree;
    private final Lease lease;
    private final ScheduledFuture<?> heartbeat;
    private final Instant createdAt;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong newBytes = new AtomicLong();
    private final AtomicLong storedBytes = new AtomicLong();
    private final AtomicLong newChunks = new AtomicLong();
    private final AtomicLong reusedChunks = new AtomicLong();
    private volatile Instant lastHeartbeat;
    private PackBuilder dataPack;
    private PackBuilder treePack;
    private long entries;
    private boolean finished;

    SnapshotWriter(Repository repository, String project, String environment, String backupId, String part,
                   String type, ProjectKeys keys) {
        this.repository = repository;
        this.project = project;
        this.environment = environment;
        this.backupId = backupId;
        this.part = part;
        this.type = type;
        this.keys = keys;
        this.cdc = new FastCdc(repository.chunker());
        this.readBuffer = ThreadLocal.withInitial(() -> new byte[cdc.params().maxSize() * 2]);
        this.inflight = new Semaphore(repository.options().threads() * 4);
        this.createdAt = repository.clock().instant();
        this.lease = new Lease(1, project, backupId, part, createdAt, createdAt,
                repository.options().leaseTtl().toSeconds());
        // the lease is taken before the index is read: garbage collection relies on that order
        repository.locations().put(RepositoryLayout.lease(project, backupId, part), Json.write(lease));
        this.lastHeartbeat = createdAt;
        this.known = repository.index(project).without(repository.condemnedPacks(project));
        long period = Math.max(1, repository.options().leaseTtl().toMillis() / 3);
        this.heartbeat = repository.scheduler().scheduleAtFixedRate(this::renewLease, period, period,
                TimeUnit.MILLISECONDS);
        this.tree = new ChunkingOutputStream(new FastCdc(TREE_CHUNKS), chunk -> treeChunks.add(submit(chunk, true)));
    }

    /**
     * Stores a regular file; reads {@code content} to its end but does not close it. It returns once the
     * content is read: its chunks are hashed, compressed and encrypted in the background, so many small files
     * are processed in parallel. Entries reach the tree in the order they were added.
     */
    public void file(String path, int mode, long mtimeNanos, InputStream content) throws IOException {
        file(path, mode, mtimeNanos, null, content);
    }

    /** As {@link #file(String, int, long, InputStream)}, recording the file's inode for the next backup. */
    public void file(String path, int mode, long mtimeNanos, Long inode, InputStream content) throws IOException {
        TreeEntry.checkPath(path);
        ChunkReader reader = new ChunkReader(cdc, content, readBuffer.get());
        List<CompletableFuture<String>> ids = new ArrayList<>();
        long size = 0;
        for (byte[] chunk = reader.next(); chunk != null; chunk = reader.next()) {
            size += chunk.length;
            bytes.addAndGet(chunk.length);
            ids.add(submit(chunk, false));
        }
        enqueue(new TreeEntry(path, TreeEntry.Kind.FILE, mode, mtimeNanos, size, null, List.of(), inode), ids);
    }

    /**
     * Stores a file unchanged since the previous backup of this part, by reference to its chunks, without
     * reading it. Returns false, and stores nothing, when there is no such file or its chunks may not be
     * reused (they are condemned by garbage collection): the caller then reads the file.
     */
    public boolean unchangedFile(String path, int mode, long mtimeNanos, long size, Long inode) {
        TreeEntry previous = previous().get(path);
        if (previous == null || !previous.sameFile(mode, mtimeNanos, size, inode)) {
            return false;
        }
        List<PackIndex.Location> locations = new ArrayList<>(previous.chunks().size());
        for (String chunk : previous.chunks()) {
            PackIndex.Location location = known.find(chunk);
            if (location == null) {
                return false;
            }
            locations.add(location);
        }
        locations.forEach(l -> reusedPacks.add(l.pack().pack()));
        reusedChunks.addAndGet(locations.size());
        bytes.addAndGet(size);
        enqueue(previous, List.of());
        return true;
    }

    public void directory(String path, int mode, long mtimeNanos) {
        enqueue(new TreeEntry(path, TreeEntry.Kind.DIRECTORY, mode, mtimeNanos, 0, null, List.of()), List.of());
    }

    public void symlink(String path, String target, long mtimeNanos) {
        enqueue(new TreeEntry(path, TreeEntry.Kind.SYMLINK, 0777, mtimeNanos, 0, target, List.of()), List.of());
    }

    /** Logical bytes read so far, for progress reports. */
    public long bytesRead() {
        return bytes.get();
    }

    /**
     * Makes the part durable: uploads what remains, checks that every reused pack still exists in enough
     * locations and that the lease never lapsed, then writes the index and, last, the part manifest. The lease
 * is kept until the backup commits (or lapses), so that garbage collection spares the part meanwhile.
     */
    public PartManifest commit(Instant pointInTime, Map<String, String> metadata) {
        return commit(pointInTime, metadata, Instant.MAX);
    }

    /**
     * As {@link #commit(Instant, Map)}, refusing once {@code deadline} has passed: it is checked after the
     * uploads are done, before the index and the part manifest are written.
     */
    public PartManifest commit(Instant pointInTime, Map<String, String> metadata, Instant deadline) {
        if (finished) {
            throw new IllegalStateException("part " + part + " of backup " + backupId + " is already finished");
        }
        List<String> treeIds;
        synchronized (tree) {
            flushPending(0);
            tree.close();
            treeIds = join(treeChunks);
        }
        synchronized (this) {
            sealOpenPacks();
        }
        awaitUploads();
        repository.requireBefore(deadline, "part " + part + " of backup " + backupId);
        checkReusedPacks();
        checkLease();
        String indexName = backupId + "-" + part + "-" + Names.timeOrderedId(repository.clock()).substring(12, 20);
        List<String> indexes = List.of();
        if (!packs.isEmpty()) {
            String indexKey = RepositoryLayout.index(project, indexName);
            repository.locations().put(indexKey, Envelope.seal(keys, IndexFile.KIND, indexKey,
                    Json.write(new IndexFile(IndexFile.FORMAT, packs))));
            indexes = List.of(indexName);
        }
        PartManifest manifest = new PartManifest(PartManifest.FORMAT, project, environment, backupId, part, type,
                createdAt, pointInTime, treeIds, entries, bytes.get(), newBytes.get(), storedBytes.get(),
                newChunks.get(), reusedChunks.get(), indexes, Map.copyOf(metadata));
        String manifestKey = RepositoryLayout.part(project, backupId, part);
        repository.locations().putOrRemove(manifestKey, Envelope.seal(keys, PartManifest.KIND, manifestKey,
                Json.write(manifest)));
        finished = true;
        holdLeaseForBackupCommit();
        log.info("stored part {} of backup {} ({}): {} bytes, {} new, {} uploaded, {} chunks reused",
                part, backupId, type, manifest.bytes(), manifest.newBytes(), manifest.storedBytes(),
                manifest.reusedChunks());
        return manifest;
    }

    /** Abandons an uncommitted part. Its uploaded packs stay unreferenced until garbage collection. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            heartbeat.cancel(false);
            uploads.forEach(u -> u.cancel(false));
            try {
                releaseLease();
            } catch (StorageException e) {
                log.warn("lease of part {} of backup {} not released; it lapses by itself: {}", part, backupId,
                        e.getMessage());
            }
        }
    }

    /** The previous backup's files of this part, by path; loaded on first use, empty if there is none. */
    private Map<String, TreeEntry> previous() {
        Map<String, TreeEntry> files = previousFiles;
        if (files == null) {
            files = repository.previousFiles(project, environment, backupId, part, type);
            previousFiles = files;
        }
        return files;
    }

    private void enqueue(TreeEntry entry, List<CompletableFuture<String>> chunks) {
        synchronized (tree) {
            pending.add(new Pending(entry, chunks));
            flushPending(MAX_PENDING);
        }
    }

    /** Writes finished entries to the tree, in order; waits for unfinished ones while more than {@code keep} wait. */
    private void flushPending(int keep) {
        while (!pending.isEmpty()) {
            Pending head = pending.peek();
            boolean done = head.chunks().stream().allMatch(CompletableFuture::isDone);
            if (!done && pending.size() <= keep) {
                return;
            }
            pending.poll();
            TreeEntry entry = head.entry();
            TreeEntry complete = head.chunks().isEmpty() ? entry : new TreeEntry(entry.path(), entry.kind(),
                    entry.mode(), entry.mtimeNanos(), entry.size(), entry.target(), join(head.chunks()),
                    entry.inode());
            tree.write(Json.write(complete));
            tree.write('\n');
            entries++;
        }
    }

    private CompletableFuture<String> submit(byte[] chunk, boolean treeChunk) {
        try {
            inflight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while storing " + part));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return store(chunk, treeChunk);
            } finally {
                inflight.release();
            }
        }, repository.cpu());
    }

    private String store(byte[] chunk, boolean treeChunk) {
        String id = keys.chunkId(chunk, 0, chunk.length);
        PackIndex.Location existing = known.find(id);
        if (existing != null) {
            reusedPacks.add(existing.pack().pack());
            reusedChunks.incrementAndGet();
            return id;
        }
        if (!session.add(id)) {
            reusedChunks.incrementAndGet();
            return id;
        }
        byte[] aad = id.getBytes(StandardCharsets.US_ASCII);
        Blob blob = Compression.compressChunk(chunk, repository.options().compressionLevel(), (frame, length) ->
                length < chunk.length - chunk.length / 32
                        ? new Blob(keys.seal(frame, 0, length, aad), true)
                        : new Blob(keys.seal(chunk, 0, chunk.length, aad), false));
        newBytes.addAndGet(chunk.length);
        newChunks.incrementAndGet();
        synchronized (this) {
            PackBuilder pack = treeChunk ? treePack : dataPack;
            if (pack == null) {
                pack = new PackBuilder(Names.timeOrderedId(repository.clock()), keys);
            }
            pack.add(id, blob.sealed(), chunk.length, blob.compressed());
            boolean full = pack.size() >= repository.options().packSize();
            if (full) {
                seal(pack);
            }
            if (treeChunk) {
                treePack = full ? null : pack;
            } else {
                dataPack = full ? null : pack;
            }
        }
        return id;
    }

    private void sealOpenPacks() {
        seal(dataPack);
        seal(treePack);
        dataPack = null;
        treePack = null;
    }

    private void seal(PackBuilder pack) {
        if (pack == null || pack.isEmpty()) {
            return;
        }
        PackBuilder.Sealed sealed = pack.seal();
        packs.add(sealed.entry());
        storedBytes.addAndGet(sealed.bytes().length);
        String key = RepositoryLayout.pack(project, sealed.entry().pack());
        uploadSlots.acquireUninterruptibly();
        uploads.add(CompletableFuture.runAsync(() -> {
            try {
                repository.locations().put(key, sealed.bytes());
            } finally {
                uploadSlots.release();
            }
        }, repository.io()));
    }

    private void awaitUploads() {
        List<CompletableFuture<Void>> pending;
        synchronized (this) {
            pending = List.copyOf(uploads);
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw unwrap(e, "upload of a pack");
        }
    }

    private void checkReusedPacks() {
        for (String pack : reusedPacks) {
            String key = RepositoryLayout.pack(project, pack);
            int copies = repository.locations().copies(key);
            if (copies < repository.locations().writeQuorum()) {
                throw new StorageException("part " + part + " of backup " + backupId + " reuses pack " + key
                        + ", which is in " + copies + " locations; retry the backup", false, null);
            }
        }
    }

    private void checkLease() {
        Instant now = repository.clock().instant();
        if (!lease.withHeartbeat(lastHeartbeat).aliveAt(now)) {
            throw new StorageException("lease of part " + part + " of backup " + backupId + " lapsed at "
                    + lastHeartbeat.plusSeconds(lease.ttlSeconds()) + "; garbage collection may have reclaimed "
                    + "data it reuses, so it is not committed", false, null);
        }
    }

    void renewLease() {
        try {
            Instant now = repository.clock().instant();
            repository.locations().put(RepositoryLayout.lease(project, backupId, part),
                    Json.write(lease.withHeartbeat(now)));
            lastHeartbeat = now;
        } catch (RuntimeException e) {
            log.warn("could not renew the lease of part {} of backup {}: {}", part, backupId, e.getMessage());
        }
    }

    /**
     * A committed part's chunks are referenced by no backup manifest until the backup commits: the lease stays,
     * renewed once now, until {@link Repository#commitBackup} removes it or it lapses.
     */
    private void holdLeaseForBackupCommit() {
        heartbeat.cancel(false);
        repository.locations().put(RepositoryLayout.lease(project, backupId, part),
                Json.write(lease.withHeartbeat(repository.clock().instant())));
    }

    private void releaseLease() {
        heartbeat.cancel(false);
        repository.locations().delete(RepositoryLayout.lease(project, backupId, part));
    }

    private static <T> List<T> join(List<CompletableFuture<T>> futures) {
        List<T> results = new ArrayList<>(futures.size());
        try {
            for (CompletableFuture<T> future : futures) {
                results.add(future.join());
            }
        } catch (CompletionException e) {
            throw unwrap(e, "storing a chunk");
        }
        return results;
    }

    private static RuntimeException unwrap(CompletionException e, String what) {
        if (e.getCause() instanceof RuntimeException runtime) {
            return runtime;
        }
        return new StorageException(what + " failed: " + e.getCause(), false, e.getCause());
    }
}
