package io.lifeboat.storage.object;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Objects as files under a root directory. Writes go to a temporary file, are synced, then renamed. */
public final class FilesystemObjectStore implements ObjectStore {

    private static final String TEMP_SUFFIX = ".lifeboat-tmp";

    private final String name;
    private final Path root;

    public FilesystemObjectStore(String name, Path root) {
        this.name = name;
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new StorageException(name + ": cannot create storage directory " + this.root, true, e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void put(String key, byte[] data) {
        Path target = path(key);
        Path temp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StorageException(name + ": put " + key + " failed: " + e.getMessage(), false, e);
        }
    }

    @Override
    public byte[] get(String key) {
        try {
            return Files.readAllBytes(path(key));
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(name, key);
        } catch (IOException e) {
            throw new StorageException(name + ": get " + key + " failed: " + e.getMessage(), false, e);
        }
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        try (FileChannel channel = FileChannel.open(path(key), StandardOpenOption.READ)) {
            if (offset < 0 || offset + length > channel.size()) {
                throw new StorageException(name + ": range " + offset + "+" + length + " outside " + key, true, null);
            }
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new StorageException(name + ": short read of " + key, false, null);
                }
            }
            return buffer.array();
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(name, key);
        } catch (IOException e) {
            throw new StorageException(name + ": get " + key + " failed: " + e.getMessage(), false, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path(key), BasicFileAttributes.class);
            return Optional.of(new ObjectInfo(key, attributes.size(), attributes.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException(name + ": stat " + key + " failed: " + e.getMessage(), false, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new StorageException(name + ": delete " + key + " failed: " + e.getMessage(), false, e);
        }
    }

    @Override
    public Stream<ObjectInfo> list(String prefix) {
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return Stream.empty();
        }
        List<ObjectInfo> found = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String key = root.relativize(file).toString().replace('\\', '/');
                    if (attributes.isRegularFile() && key.startsWith(prefix) && !key.endsWith(TEMP_SUFFIX)) {
                        found.add(new ObjectInfo(key, attributes.size(), attributes.lastModifiedTime().toInstant()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new StorageException(name + ": list " + prefix + " failed: " + e.getMessage(), false, e);
        }
        found.sort(Comparator.comparing(ObjectInfo::key));
        return found.stream();
    }

    private Path path(String key) {
        return root.resolve(Keys.check(key));
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the temporary file is left behind; list() never shows it
        }
    }
}
