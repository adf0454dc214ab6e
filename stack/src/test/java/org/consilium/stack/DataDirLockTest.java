package org.consilium.stack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {

    @TempDir
    Path dataDir;

    @Test
    void onlyOneStackAtATimeOnADataDir() throws Exception {
        try (DataDirLock first = DataDirLock.acquire(dataDir)) {
            assertThatThrownBy(() -> DataDirLock.acquire(dataDir, Duration.ZERO))
                    .isInstanceOf(StackStartupException.class)
                    .hasMessageContaining("Another Consilium stack is running on the data dir");
        }
        DataDirLock.acquire(dataDir).close();
    }
}
