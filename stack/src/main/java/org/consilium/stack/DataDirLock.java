package org.consilium.stack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.slf4j.LoggerFactory;

/**
 * One stack per data dir. Holding this lock also proves that any earlier launcher on the data dir is dead (the
 * OS drops the lock even on SIGKILL), so the services it left behind are orphans that may be killed.
 */
final class DataDirLock implements AutoCloseable {

    private static final Duration DEAD_HOLDER_GRACE = Duration.ofSeconds(30);

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) throws IOException {
        return acquire(dataDir, DEAD_HOLDER_GRACE);
    }

    /**
     * A launcher killed with SIGKILL (or halted because its parent was) keeps the lock until the kernel has torn
     * down the whole JVM, which takes seconds on a loaded machine: a restart right after the kill would otherwise
     * be refused. So the lock is tried again for up to {@code grace} before another stack is assumed.
     */
    static DataDirLock acquire(Path dataDir, Duration grace) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("stack.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = JustKilledGrace.retry(grace, () -> tryLock(channel), java.util.Objects::nonNull,
                LoggerFactory.getLogger(DataDirLock.class), file + " is locked");
        if (lock == null) {
            channel.close();
            throw new StackStartupException("Another Consilium stack is running on the data dir " + dataDir,
                    "Stop that one first, or give this one its own --consilium.stack.data-dir and "
                            + "--consilium.stack.port-offset");
        }
        return new DataDirLock(channel, lock);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
